import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { UsageError } from '../../core/errors.ts';
import { runtimeConfigFrom } from '../../runtime/config.ts';
import { buildServer } from '../../server/buildServer.ts';
import { captureSettingsFrom, timestampSettingsFrom } from '../../services/capture/captureSettings.ts';
import type { JobQueue } from '../../services/jobs/jobQueue.ts';
import { openJobQueue } from '../../services/jobs/openJobQueue.ts';
import { ocrSettingsFrom } from '../../services/ocr/ocrSettings.ts';
import { createDecodePool } from '../../services/sources/decodeSandbox/decodePool.ts';
import { decodeSettingsFrom } from '../../services/sources/decodeSandbox/decodeSettings.ts';
import type { Store } from '../../services/store.ts';
import type { Command, CommandIo } from '../command.ts';
import { expectPositionals, stringOption } from '../command.ts';
import { STOP_BUDGET_MS, stopSignal } from '../stopSignal.ts';
import { DATA_OPTION, openCommandStore } from '../storeOption.ts';

export const serveCommand: Command = {
  name: 'serve',
  summary: 'Run the web application and its HTTP API (default http://127.0.0.1:4700).',
  usage: '[--host H] [--port P] [--data DIR] [--no-jobs]',
  options: {
    ...DATA_OPTION,
    host: { type: 'string', description: 'address to listen on (default 127.0.0.1: this machine only)' },
    port: { type: 'string', description: 'port (default 4700; 0 picks a free one)' },
    'trust-proxy': {
      type: 'boolean',
      description: 'behind a TLS proxy: trust X-Forwarded-* (HSTS, Secure cookies)',
    },
    'no-jobs': {
      type: 'boolean',
      description:
        'PostgreSQL: run no background jobs here, only queue them (`attest worker` processes run them)',
    },
  },
  async run(args, io) {
    expectPositionals(args, 0, 'serve takes no arguments');
    const host = stringOption(args, 'host') ?? '127.0.0.1';
    const config = runtimeConfigFrom(io.env);
    const portText = stringOption(args, 'port');
    const port = portText === undefined ? (config.port ?? 4700) : Number(portText);
    if (!Number.isInteger(port) || port < 0 || port > 65_535)
      throw new UsageError('--port is a whole number from 0 to 65535');
    const decodeSettings = decodeSettingsFrom(io.env);
    const ocrSettings = ocrSettingsFrom(io.env);

    const runJobs = args.values['no-jobs'] !== true;
    if (!runJobs && !config.databaseUrl)
      throw new UsageError(
        '--no-jobs needs PostgreSQL (DATABASE_URL): with the embedded database no other process can run the jobs',
      );

    const store = await openCommandStore(args, io);
    const decoder = createDecodePool(decodeSettings);
    let jobs: JobQueue;
    try {
      jobs = await openJobQueue(store, {
        databaseUrl: config.databaseUrl,
        works: runJobs,
        timeoutSeconds: config.jobTimeoutSeconds,
        graceSeconds: config.workerGraceSeconds,
        onError: (message) => io.stderr.write(`attest: ${message}\n`),
      });
    } catch (error) {
      await decoder.close();
      await store.close();
      throw error;
    }
    const app = await buildServer({
      jobs,
      runJobs,
      ...(config.jobConcurrency ? { jobConcurrency: config.jobConcurrency } : {}),
      store,
      decoder,
      ocrSettings,
      capture: captureSettingsFrom(io.env),
      timestamps: timestampSettingsFrom(io.env),
      trustProxy: args.values['trust-proxy'] === true,
      ...(config.maxFileBytes ? { uploadLimitBytes: config.maxFileBytes } : {}),
    });
    let address: string;
    let channel: Awaited<ReturnType<typeof startChannel>> | null = null;
    try {
      address = (await app.listen({ host, port })).replace('://[::1]', '://localhost');
      // With the embedded database this process owns the data directory: other commands run here.
      if (store.lock) {
        channel = await startChannel(store, io);
        store.lock.update({ socket: channel.socketPath, url: address });
      }
    } catch (error) {
      await app.close().catch(() => {});
      await decoder.close();
      await store.close();
      throw error;
    }
    io.stderr.write(`attest: serving on ${address} (Ctrl-C to stop)\n`);

    await stopSignal(io, STOP_BUDGET_MS);
    // Graceful stop: no new connections or commands, in-flight ones finish, then the database closes.
    await Promise.all([app.close(), channel?.close()]);
    await decoder.close();
    await store.close();
    io.stderr.write('attest: stopped\n');
    return 0;
  },
};

async function startChannel(store: Store, io: CommandIo) {
  const run = io.runCommand;
  if (!run) throw new Error('attest serve needs the CLI entry point to run the commands sent to it');
  const { startCommandChannel } = await import('../channel/channelServer.ts');
  return startCommandChannel({ socketPath: channelSocketPath(store.layout.root), store, run });
}

/** The socket lives in the data directory, unless that path is too long for a Unix socket. */
function channelSocketPath(dataDir: string): string {
  const inside = join(dataDir, 'attest.sock');
  if (Buffer.byteLength(inside) < 100) return inside;
  return join(tmpdir(), `attest-${createHash('sha256').update(dataDir).digest('hex').slice(0, 16)}.sock`);
}
