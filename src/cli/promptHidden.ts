/** A question asked on the terminal without echoing the answer (passwords). */
import { UsageError } from '../core/errors.ts';
import type { CommandIo } from './command.ts';

type TtyInput = NodeJS.ReadableStream & { isTTY?: boolean; setRawMode?: (mode: boolean) => void };

/** Reads a line from the terminal without echoing it. */
export function promptHidden(io: CommandIo, prompt: string): Promise<string> {
  const input = io.stdin as TtyInput;
  io.stderr.write(prompt);
  return new Promise((resolve, reject) => {
    let value = '';
    const done = (error?: Error) => {
      input.setRawMode?.(false);
      input.removeListener('data', onData);
      input.pause();
      io.stderr.write('\n');
      if (error) reject(error);
      else resolve(value);
    };
    const onData = (chunk: Buffer | string) => {
      for (const char of chunk.toString('utf8')) {
        if (char === '\r' || char === '\n') return done();
        if (char === '\u0003') return done(new UsageError('cancelled'));
        if (char === '\u007f' || char === '\b') value = value.slice(0, -1);
        else value += char;
      }
    };
    input.setRawMode?.(true);
    input.resume();
    input.on('data', onData);
  });
}
