/**
 * The PostgreSQL job queue (issue 17): ingest jobs through two `attest worker` processes (from
 * dist/: run `npm run build` first), against the inline ingest of the same texts in this process.
 * Reports jobs per second end to end, the latency from enqueue to done (p50, p95, from the queue's
 * own timestamps), how fast a server can enqueue, and the workers' CPU per job (from /proc).
 * ATTEST_BENCH_QUEUE_JOBS (default 200) texts; PostgreSQL at ATTEST_BENCH_PG_URL or the local default.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { enqueueIngest } from '../../src/services/jobs/enqueueIngest.ts';
import { openJobQueue } from '../../src/services/jobs/openJobQueue.ts';
import { defaultDecodePool } from '../../src/services/sources/decodeSandbox/decodePool.ts';
import { ingestOne } from '../../src/services/sources/ingest.ts';
import { openStore } from '../../src/store/openStore.ts';
import { createDatabaseAt } from '../../test/support/postgresDatabase.ts';
import { generateNewsTexts } from '../corpus.ts';
import type { BenchRow, BenchSuite } from '../harness.ts';
import { percentile } from '../harness.ts';

const JOBS = Number(process.env.ATTEST_BENCH_QUEUE_JOBS ?? 200);
const PG_ADMIN_URL = process.env.ATTEST_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const WORKERS = 2;
const ALONE = 10;
const CLOCK_TICKS = 100;

/** CPU seconds a process has used so far (user + system), from /proc. */
function cpuSecondsOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
}

function startWorker(env: NodeJS.ProcessEnv) {
  const child = spawn(process.execPath, [join(import.meta.dirname, '../../bin/attest.js'), 'worker'], {
    env,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const ready = new Promise<void>((resolve, reject) => {
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
      if (stderr.includes('taking jobs')) resolve();
    });
    child.on('exit', (code) => reject(new Error(`attest worker exited with ${code}: ${stderr}`)));
  });
  return { child, ready };
}

export const suite: BenchSuite = {
  name: 'queue',
  async run(): Promise<BenchRow[]> {
    const texts = generateNewsTexts(JOBS * 2, 17).map((news) => news.text);
    const load = `load ${readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')}`;
    const { url, drop } = await createDatabaseAt(PG_ADMIN_URL);
    const dataDir = mkdtempSync(join(tmpdir(), 'attest-bench-queue-'));
    const store = await openStore({ dataDir, databaseUrl: url });
    const rows: BenchRow[] = [];
    const workers: Array<ReturnType<typeof startWorker>> = [];
    try {
      // The floor: the same work inline, in this process (its decode pool), one file after another.
      const inlineTexts = texts.slice(JOBS);
      const cpuBefore = process.cpuUsage();
      const inlineStart = performance.now();
      for (const [index, text] of inlineTexts.entries())
        await ingestOne(store, {
          fileName: `inline-${index}.txt`,
          bytes: new TextEncoder().encode(text),
          capturedBy: 'bench',
        });
      const inlineSeconds = (performance.now() - inlineStart) / 1000;
      const inlineCpu = process.cpuUsage(cpuBefore);
      rows.push({
        metric: 'inline ingest (one process, sequential)',
        value: inlineTexts.length / inlineSeconds,
        unit: 'files/s',
        note: `wall; ${((inlineCpu.user + inlineCpu.system) / 1000 / inlineTexts.length).toFixed(1)} ms CPU/file (main thread only); ${load}`,
      });

      const env: NodeJS.ProcessEnv = {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        DATABASE_URL: url,
        ATTEST_DATA: dataDir,
        ATTEST_JOB_CONCURRENCY: '2',
      };
      for (let i = 0; i < WORKERS; i += 1) workers.push(startWorker(env));
      await Promise.all(workers.map((worker) => worker.ready));
      const cpuAtStart = workers.map((worker) => cpuSecondsOf(worker.child.pid ?? 0));

      const queue = await openJobQueue(store, { databaseUrl: url, works: false });
      const enqueueStart = performance.now();
      const ids: string[] = [];
      for (const [index, text] of texts.slice(0, JOBS).entries()) {
        const queued = await enqueueIngest(
          store,
          queue,
          { fileName: `queued-${index}.txt`, bytes: new TextEncoder().encode(text), capturedBy: 'bench' },
          { maxBytes: 10 * 1024 * 1024 },
        );
        if (queued.jobId) ids.push(queued.jobId);
      }
      const enqueueSeconds = (performance.now() - enqueueStart) / 1000;
      rows.push({
        metric: 'enqueue (original stored + job sent)',
        value: ids.length / enqueueSeconds,
        unit: 'jobs/s',
        note: 'one client, sequential',
      });

      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        const deadline = Date.now() + 30 * 60_000;
        for (;;) {
          const { rows: left } = await client.query<{ n: number }>(
            "select count(*)::int as n from attest_jobs.job where id = any($1::uuid[]) and state <> 'completed'",
            [ids],
          );
          if (left[0]?.n === 0) break;
          if (Date.now() > deadline) throw new Error('the queued jobs did not finish within 30 minutes');
          await new Promise((resolve) => setTimeout(resolve, 200));
        }
        const { rows: times } = await client.query<{
          latency: number;
          created: Date;
          completed: Date;
          by: string;
        }>(
          `select extract(epoch from completed_on - created_on)::float8 as latency, created_on as created,
                  completed_on as completed, output->>'processedBy' as by
           from attest_jobs.job where id = any($1::uuid[])`,
          [ids],
        );
        const latencies = times.map((row) => row.latency * 1000).sort((a, b) => a - b);
        const first = Math.min(...times.map((row) => new Date(row.created).getTime()));
        const last = Math.max(...times.map((row) => new Date(row.completed).getTime()));
        const workerCpu = workers.reduce(
          (sum, worker, index) => sum + cpuSecondsOf(worker.child.pid ?? 0) - (cpuAtStart[index] ?? 0),
          0,
        );
        const byWorker = new Map<string, number>();
        for (const row of times) byWorker.set(row.by, (byWorker.get(row.by) ?? 0) + 1);
        rows.push(
          {
            metric: `queued ingest through ${WORKERS} workers`,
            value: ids.length / ((last - first) / 1000),
            unit: 'jobs/s',
            note: `first enqueue to last done; jobs per worker ${[...byWorker.values()].join('/')}; ${load}`,
          },
          {
            metric: 'enqueue → done, p50',
            value: percentile(latencies, 50),
            unit: 'ms',
            note: `${ids.length} jobs sent back to back`,
          },
          { metric: 'enqueue → done, p95', value: percentile(latencies, 95), unit: 'ms' },
          {
            metric: 'worker CPU per job',
            value: (workerCpu * 1000) / ids.length,
            unit: 'ms',
            note: 'user+system of both worker processes (decode threads included), /proc',
          },
        );
        // One job at a time on an idle queue: polling, taking, decoding and storing one original.
        const alone: number[] = [];
        for (const [index, text] of texts.slice(0, ALONE).entries()) {
          const started = performance.now();
          const queued = await enqueueIngest(
            store,
            queue,
            {
              fileName: `alone-${index}.txt`,
              bytes: new TextEncoder().encode(`${text}\nalone ${index}`),
              capturedBy: 'bench',
            },
            { maxBytes: 10 * 1024 * 1024 },
          );
          for (;;) {
            const { rows: state } = await client.query<{ state: string }>(
              'select state::text as state from attest_jobs.job where id = $1',
              [queued.jobId],
            );
            if (state[0]?.state === 'completed') break;
            await new Promise((resolve) => setTimeout(resolve, 20));
          }
          alone.push(performance.now() - started);
        }
        alone.sort((a, b) => a - b);
        rows.push({
          metric: 'enqueue → done, one job on an idle queue (p50)',
          value: percentile(alone, 50),
          unit: 'ms',
          note: `${ALONE} jobs one after another, wall, client side; polling interval 1 s`,
        });
      } finally {
        await client.end();
      }
      await queue.stop({ graceMs: 0 });
    } finally {
      for (const worker of workers) worker.child.kill('SIGKILL');
      await defaultDecodePool().close();
      await store.close();
      await drop();
      rmSync(dataDir, { recursive: true, force: true });
    }
    return rows;
  },
};
