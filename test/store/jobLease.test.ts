/**
 * The liveness lease of the PostgreSQL job queue with two working queues in this process, each its
 * own "process" to the lease. Worker A takes a job and then goes silent (its heartbeat is held up by
 * a row lock, as a stalled process or a lost connection would), while its handler is still running:
 * worker B, with a grace of 2 s, fails A's job back to the queue long before the job's timeout
 * (900 s) and runs it. When A's handler then wakes and tries its final write, the fence refuses it:
 * the effect is stored once, by B, and the job's result is B's.
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { JobHandlers, JobQueue, JobResult, JobRun } from '../../src/services/jobs/jobQueue.ts';
import { openJobQueue } from '../../src/services/jobs/openJobQueue.ts';
import { openTestStore, type TestStore } from '../support/stores.ts';

const SHA = 'a'.repeat(64);

describe.runIf(inject('postgresAdminUrl'))('a silent worker’s job on PostgreSQL', () => {
  let store: TestStore;
  let client: pg.Client;
  const queues: JobQueue[] = [];

  beforeAll(async () => {
    store = await openTestStore('postgres');
    await store.db.exec('create table test_job_effects (job_id uuid not null, done_by text not null)');
    client = new pg.Client({ connectionString: store.databaseUrl ?? '' });
    await client.connect();
  }, 120_000);

  afterAll(async () => {
    for (const queue of queues) await queue.stop({ graceMs: 0 }).catch(() => {});
    await client?.end();
    await store?.close();
  });

  /** Handlers whose ingest stores one effect row, fenced, in the way a real ingest stores its source. */
  const handlers = (name: string, before: () => Promise<void> = async () => {}): JobHandlers => {
    const effect = async (job: JobRun): Promise<JobResult> => {
      await before();
      await store.db.transaction(async (tx) => {
        await job.fence(tx);
        await tx.query('insert into test_job_effects (job_id, done_by) values ($1, $2)', [job.id, name]);
      });
      return { doneBy: name };
    };
    return {
      ingest: (_data, job) => effect(job),
      capture: async () => ({}),
      timestamp: async () => ({}),
    };
  };

  it('retries the job of a process that stopped answering within seconds, and drops that process’s late result', async () => {
    const url = store.databaseUrl ?? '';
    const messagesOfA: string[] = [];
    const a = await openJobQueue(store, {
      databaseUrl: url,
      works: true,
      timeoutSeconds: 900,
      graceSeconds: 2,
      onError: (message) => messagesOfA.push(message),
    });
    queues.push(a);
    let started!: () => void;
    const aStarted = new Promise<void>((resolve) => {
      started = resolve;
    });
    let wakeA!: () => void;
    const aMayFinish = new Promise<void>((resolve) => {
      wakeA = resolve;
    });
    await a.work(
      handlers('A', async () => {
        started();
        await aMayFinish;
      }),
      { concurrency: 1 },
    );
    const queued = await a.enqueue('ingest', { sha256: SHA, fileName: 'a.txt', capturedBy: 'tester' });
    await aStarted;

    // A goes silent: its heartbeat waits on this lock (reads of it do not).
    await client.query('begin');
    const held = await client.query<{ id: string }>(
      `select p.id from job_processes p join job_holds h on h.process_id = p.id where h.job_id = $1 for update of p`,
      [queued.id],
    );
    expect(held.rows).toHaveLength(1);

    const b = await openJobQueue(store, {
      databaseUrl: url,
      works: true,
      timeoutSeconds: 900,
      graceSeconds: 2,
    });
    queues.push(b);
    await b.work(handlers('B'), { concurrency: 1 });
    const startedAt = Date.now();
    let job = await b.get(queued.id);
    while (job?.state !== 'done' && Date.now() - startedAt < 60_000) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      job = await b.get(queued.id);
    }
    expect(job).toMatchObject({ state: 'done', retries: 1, result: { doneBy: 'B' } });
    const status = await b.status();
    expect(status.processes.map((process) => process.pid)).toContain(process.pid);

    // A wakes, and still alive, tries to store its result: refused, the job stays B's.
    await client.query('commit');
    wakeA();
    for (let i = 0; i < 100 && !messagesOfA.some((message) => message.includes('handed to another')); i += 1)
      await new Promise((resolve) => setTimeout(resolve, 100));
    expect(messagesOfA.join('\n')).toContain('handed to another process');
    const effects = await store.db.query<{ done_by: string }>(
      'select done_by from test_job_effects where job_id = $1',
      [queued.id],
    );
    expect(effects.map((row) => row.done_by)).toEqual(['B']);
    expect(await a.get(queued.id)).toMatchObject({ state: 'done', result: { doneBy: 'B' } });
  }, 120_000);
});
