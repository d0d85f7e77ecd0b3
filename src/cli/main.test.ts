import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { CommandIo } from './command.ts';
import { main } from './main.ts';

function captureIo(): { io: CommandIo; stdout: () => string; stderr: () => string } {
  const out = new PassThrough();
  const err = new PassThrough();
  let stdout = '';
  let stderr = '';
  out.on('data', (chunk: Buffer) => {
    stdout += chunk.toString('utf8');
  });
  err.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  const stdin = new PassThrough();
  stdin.end('Police detained five activists in Moscow on 11 May 2017.\n');
  return {
    io: { stdout: out, stderr: err, stdin, env: {}, cwd: process.cwd() },
    stdout: () => stdout,
    stderr: () => stderr,
  };
}

describe('attest main', () => {
  it('takes global options before the command name', async () => {
    const { io, stdout, stderr } = captureIo();
    const code = await main(['--json', 'extract', '--published', '2017-05-12', '-'], io);
    expect(code, stderr()).toBe(0);
    expect(JSON.parse(stdout()).language).toBe('en');
  });

  it('prints the list of commands, with exit 2, when only global options are given', async () => {
    const { io, stdout } = captureIo();
    expect(await main(['--json'], io)).toBe(2);
    expect(stdout()).toContain('Usage: attest <command>');
  });
});
