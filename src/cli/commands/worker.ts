import { UsageError } from '../../core/errors.ts';
import { runtimeConfigFrom } from '../../runtime/config.ts';
import { captureSettingsFrom, timestampSettingsFrom } from '../../services/capture/captureSettings.ts';
import { jobHandlers } from '../../services/jobs/jobHandlers.ts';
import type { QueueStatus } from '../../services/jobs/jobQueue.ts';
import { queueStatus } from '../../services/jobs/jobs.ts';
import { openJobQueue } from '../../services/jobs/openJobQueue.ts';
import { ocrSettingsFrom } from '../../services/ocr/ocrSettings.ts';
import { createDecodePool } from '../../services/sources/decodeSandbox/decodePool.ts';
import { decodeSettingsFrom } from '../../services/sources/decodeSandbox/decodeSettings.ts';
import { DEFAULT_MAX_FILE_BYTES } from '../../services/sources/ingest.ts';
import {
  type Command,
  type CommandIo,
  expectPositionals,
  type ParsedArgs,
  stringOption,
  writeJson,
} from '../command.ts';
import { stopSignal } from '../stopSignal.ts';
import { DATA_OPTION, openCommandStore } from '../storeOption.ts';

/** Running jobs get this long to finish after SIGTERM; the rest are handed back for a retry. */
const WORKER_GRACE_MS = 30_000;

export const workerCommand: Command = {
  name: 'worker',
  summary:
    'Run background jobs (ingest, capture, timestamps) from the PostgreSQL queue; any number of workers may share one database.',
  usage: '[--concurrency N] | --status',
  options: {
    ...DATA_OPTION,
    concurrency: {
      type: 'string',
      description: 'ingest jobs at once in this process (default ATTEST_JOB_CONCURRENCY or 2)',
    },
    status: {
      type: 'boolean',
      description:
        'print the live working processes, the queue (jobs per kind and state) and its dead letters, then exit',
    },
  },
  async run(args, io) {
    expectPositionals(args, 0, 'worker takes no arguments');
    const config = runtimeConfigFrom(io.env);
    if (!config.databaseUrl)
      throw new UsageError(
        'attest worker needs PostgreSQL (DATABASE_URL): the embedded database belongs to one process, and `attest serve` runs its jobs itself',
      );
    const concurrencyText = stringOption(args, 'concurrency');
    const concurrency =
      concurrencyText === undefined ? (config.jobConcurrency ?? 2) : Number(concurrencyText);
    if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 64)
      throw new UsageError('--concurrency is a whole number from 1 to 64');
    if (args.values.status === true) return printStatus(args, io, config.databaseUrl);

    const timestamps = timestampSettingsFrom(io.env);
    const store = await openCommandStore(args, io);
    const decoder = createDecodePool(decodeSettingsFrom(io.env));
    const close = async () => {
      await decoder.close();
      await store.close();
    };
    try {
      const jobs = await openJobQueue(store, {
        databaseUrl: config.databaseUrl,
        works: true,
        timeoutSeconds: config.jobTimeoutSeconds,
        graceSeconds: config.workerGraceSeconds,
        scheduleTimestamps: timestamps.tsaUrl !== null,
        onError: (message) => io.stderr.write(`attest: ${message}\n`),
      });
      await jobs.work(
        jobHandlers({
          store,
          decoder,
          maxBytes: config.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES,
          ocrSettings: ocrSettingsFrom(io.env),
          capture: captureSettingsFrom(io.env),
          timestamps,
          // New originals get their timestamp run soon, not only at the next minute's.
          ...(timestamps.tsaUrl
            ? { nudgeTimestamps: () => void jobs.enqueue('timestamp', {}).catch(() => {}) }
            : {}),
          testDelayMs: config.testJobDelayMs,
        }),
        { concurrency },
      );
      io.stderr.write(
        `attest: worker ${process.pid} taking jobs (${concurrency} ingest at once; Ctrl-C to stop)\n`,
      );
      await stopSignal(io, WORKER_GRACE_MS + 5_000);
      await jobs.stop({ graceMs: WORKER_GRACE_MS });
    } finally {
      await close();
    }
    io.stderr.write('attest: worker stopped\n');
    return 0;
  },
};

async function printStatus(args: ParsedArgs, io: CommandIo, databaseUrl: string) {
  const store = await openCommandStore(args, io);
  let status: QueueStatus;
  try {
    const jobs = await openJobQueue(store, {
      databaseUrl,
      works: false,
      graceSeconds: runtimeConfigFrom(io.env).workerGraceSeconds,
    });
    try {
      status = await queueStatus(jobs);
    } finally {
      await jobs.stop({ graceMs: 0 });
    }
  } finally {
    await store.close();
  }
  if (args.values.json) {
    writeJson(io, status);
  } else {
    io.stdout.write(
      `${status.processes.length} working process${status.processes.length === 1 ? '' : 'es'} alive (heartbeat within ${status.graceSeconds ?? '-'} s)\n`,
    );
    for (const process of status.processes)
      io.stdout.write(
        `process ${process.host}:${process.pid}  since ${process.startedAt.toISOString()}  heartbeat ${process.heartbeatAt.toISOString()}  holds ${process.jobsHeld}\n`,
      );
    if (status.counts.length === 0) io.stdout.write('no jobs\n');
    for (const count of status.counts)
      io.stdout.write(`${count.kind.padEnd(10)} ${count.state.padEnd(9)} ${count.jobs}\n`);
    io.stdout.write(`${status.deadLetters.length} dead letters\n`);
    for (const job of status.deadLetters)
      io.stdout.write(
        `failed ${job.id}  ${job.kind}  ${job.finishedAt?.toISOString() ?? ''}  after ${job.retries} retries: ${job.error ?? 'no reason recorded'}\n`,
      );
  }
  return 0;
}
