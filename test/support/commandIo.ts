/** An in-memory CommandIo for running `main` in-process: captures stdout and stderr, feeds stdin. */
import { PassThrough, Readable } from 'node:stream';
import type { CommandIo } from '../../src/cli/command.ts';

export function fakeIo(
  stdin = '',
  cwd = process.cwd(),
): { io: CommandIo; out: () => string; err: () => string } {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString('utf8');
  });
  stderr.on('data', (chunk: Buffer) => {
    err += chunk.toString('utf8');
  });
  const io: CommandIo = { stdout, stderr, stdin: Readable.from([Buffer.from(stdin, 'utf8')]), env: {}, cwd };
  return { io, out: () => out, err: () => err };
}
