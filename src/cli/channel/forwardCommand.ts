/**
 * The client side of the command channel: when `attest serve` holds the data directory, a command
 * runs inside it. The command's output appears here as if it ran here, password prompts are
 * answered on this terminal, and the exit code is the command's.
 */
import { connect } from 'node:net';
import { StorageUnavailable } from '../../core/errors.ts';
import type { CommandIo } from '../command.ts';
import { promptHidden } from '../promptHidden.ts';
import { type CommandRequest, encodeFrame, frameReader, ServerFrame } from './protocol.ts';

export function forwardCommand(
  socketPath: string,
  argv: string[],
  dataDir: string,
  io: CommandIo,
): Promise<number> {
  const stdinTty = Boolean((io.stdin as { isTTY?: boolean }).isTTY);
  const request: CommandRequest = {
    argv,
    env: Object.fromEntries(
      Object.entries(io.env).filter(
        (entry): entry is [string, string] => entry[0].startsWith('ATTEST_') && entry[1] !== undefined,
      ),
    ),
    cwd: io.cwd,
    dataDir,
    stdoutTty: Boolean(io.stdout.isTTY),
    stderrTty: Boolean(io.stderr.isTTY),
    columns: (io.stderr as { columns?: number }).columns,
    interactive: stdinTty,
  };
  return new Promise<number>((resolve, reject) => {
    let exitCode: number | undefined;
    const socket = connect(socketPath);
    socket.on('connect', () => socket.write(encodeFrame(request)));
    socket.on(
      'data',
      frameReader(
        (raw) => {
          const frame = ServerFrame.safeParse(raw);
          if (!frame.success) return;
          const value = frame.data;
          if ('stream' in value)
            (value.stream === 'stdout' ? io.stdout : io.stderr).write(Buffer.from(value.data, 'base64'));
          else if ('prompt' in value) {
            promptHidden(io, value.prompt).then(
              (answer) => socket.write(encodeFrame({ answer })),
              () => socket.destroy(),
            );
          } else exitCode = value.exit;
        },
        () => socket.destroy(),
      ),
    );
    socket.on('error', (error: NodeJS.ErrnoException) =>
      reject(
        new StorageUnavailable(
          `cannot reach the running server through ${socketPath}: ${error.code ?? error.message}`,
        ),
      ),
    );
    socket.on('close', () => {
      if (exitCode !== undefined) resolve(exitCode);
      else
        reject(
          new StorageUnavailable('the running server closed the command channel before the command finished'),
        );
    });
  });
}
