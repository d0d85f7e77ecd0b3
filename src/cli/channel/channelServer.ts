/**
 * The server side of the command channel: `attest serve` listens on a socket in its data directory
 * and runs the commands other `attest` processes send, with its own open store, so their writes are
 * visible in the web app at once and no second process ever opens the embedded database.
 */
import { chmodSync, existsSync, unlinkSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { Readable, Writable } from 'node:stream';
import type { Store } from '../../services/store.ts';
import type { CommandIo } from '../command.ts';
import { ClientFrame, type CommandRequest, encodeFrame, frameReader, type ServerFrame } from './protocol.ts';

export type RunCommand = (argv: string[], io: CommandIo) => Promise<number>;

export interface CommandChannel {
  readonly socketPath: string;
  /** Stops accepting; resolves when the commands already running have finished. */
  close(): Promise<void>;
}

export async function startCommandChannel(options: {
  socketPath: string;
  store: Store;
  run: RunCommand;
}): Promise<CommandChannel> {
  const { socketPath, store, run } = options;
  // We hold the data directory's lock, so a socket file left here is from a process that has ended.
  if (existsSync(socketPath)) unlinkSync(socketPath);
  const running = new Set<Promise<void>>();
  const server: Server = createServer((socket) => {
    const session = serveConnection(socket, store, run);
    running.add(session);
    void session.finally(() => running.delete(session));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(socketPath, () => {
      server.off('error', reject);
      resolve();
    });
  });
  chmodSync(socketPath, 0o600);
  return {
    socketPath,
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await Promise.allSettled([...running]);
    },
  };
}

function serveConnection(socket: Socket, store: Store, run: RunCommand): Promise<void> {
  return new Promise<void>((resolve) => {
    let started = false;
    // The command, once started, runs to its end even if the client goes away; a graceful stop
    // waits for it, not just for the connection.
    let command: Promise<unknown> = Promise.resolve();
    let answer: ((value: string) => void) | undefined;
    const send = (frame: ServerFrame) => {
      if (!socket.destroyed) socket.write(encodeFrame(frame));
    };
    const fail = (reason: string) => {
      send({
        stream: 'stderr',
        data: Buffer.from(`attest: command channel: ${reason}\n`).toString('base64'),
      });
      send({ exit: 1 });
      socket.end();
    };
    socket.on(
      'data',
      frameReader(
        (raw) => {
          const frame = ClientFrame.safeParse(raw);
          if (!frame.success) return fail('unexpected frame');
          if ('answer' in frame.data) {
            answer?.(frame.data.answer);
            answer = undefined;
            return;
          }
          if (started) return fail('one command per connection');
          started = true;
          const request = frame.data;
          if (request.dataDir !== store.layout.root) {
            return fail(`this server holds ${store.layout.root}, not ${request.dataDir}`);
          }
          const io = remoteIo(request, store, send, (prompt) => {
            send({ prompt });
            return new Promise<string>((resolveAnswer) => {
              answer = resolveAnswer;
            });
          });
          command = run(request.argv, io)
            .catch(() => 1)
            .then((code) => {
              send({ exit: code });
              socket.end();
            });
        },
        (reason) => fail(reason),
      ),
    );
    socket.on('error', () => {});
    socket.on('close', () => {
      void command.finally(resolve);
    });
  });
}

function remoteIo(
  request: CommandRequest,
  store: Store,
  send: (frame: ServerFrame) => void,
  promptHidden: (prompt: string) => Promise<string>,
): CommandIo {
  const stream = (name: 'stdout' | 'stderr', tty: boolean) => {
    const writable = new Writable({
      write(chunk: Buffer | string, _encoding, callback) {
        send({ stream: name, data: Buffer.from(chunk).toString('base64') });
        callback();
      },
    });
    return Object.assign(writable, { isTTY: tty, columns: request.columns ?? 80 });
  };
  return {
    stdout: stream('stdout', request.stdoutTty),
    stderr: stream('stderr', request.stderrTty),
    // Standard input stays with the client; a password is asked through promptHidden.
    stdin: Readable.from([]),
    env: request.env,
    cwd: request.cwd,
    sharedStore: store,
    ...(request.interactive ? { promptHidden } : {}),
  };
}
