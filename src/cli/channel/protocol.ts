/**
 * The local command channel between `attest serve` and other `attest` commands on the same data
 * directory: one Unix socket, newline-delimited JSON frames. The client sends one request; the
 * server streams output, may ask for a hidden answer (a password prompt), and ends with the exit
 * code. Only the directory's owner can connect: the socket is created with mode 0600.
 */
import { z } from 'zod';

/** A frame larger than this is refused: requests are an argument list and a few variables. */
export const MAX_FRAME_BYTES = 1024 * 1024;

export const CommandRequest = z.object({
  argv: z.array(z.string()),
  /** The client's ATTEST_* variables (credentials included): never logged. */
  env: z.record(z.string(), z.string()),
  cwd: z.string(),
  dataDir: z.string(),
  stdoutTty: z.boolean(),
  stderrTty: z.boolean(),
  columns: z.number().int().positive().optional(),
  /** The client can ask its user for a hidden answer on its terminal. */
  interactive: z.boolean(),
});
export type CommandRequest = z.infer<typeof CommandRequest>;

export const ClientFrame = z.union([CommandRequest, z.object({ answer: z.string() })]);

export const ServerFrame = z.union([
  z.object({ stream: z.enum(['stdout', 'stderr']), data: z.string() }),
  z.object({ prompt: z.string() }),
  z.object({ exit: z.number().int() }),
]);
export type ServerFrame = z.infer<typeof ServerFrame>;

/** Splits a byte stream into lines and parses each as JSON; calls `onError` for an oversized line. */
export function frameReader(onFrame: (frame: unknown) => void, onError: (reason: string) => void) {
  let buffered = '';
  return (chunk: Buffer) => {
    buffered += chunk.toString('utf8');
    if (buffered.length > MAX_FRAME_BYTES) {
      buffered = '';
      onError('frame too large');
      return;
    }
    let newline = buffered.indexOf('\n');
    while (newline >= 0) {
      const line = buffered.slice(0, newline);
      buffered = buffered.slice(newline + 1);
      try {
        onFrame(JSON.parse(line));
      } catch {
        onError('frame is not JSON');
        return;
      }
      newline = buffered.indexOf('\n');
    }
  };
}

export function encodeFrame(frame: object): string {
  return `${JSON.stringify(frame)}\n`;
}
