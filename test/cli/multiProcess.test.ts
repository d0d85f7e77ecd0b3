/**
 * More than one machine (issue 17): two `attest serve --no-jobs` and `attest worker` processes on
 * one PostgreSQL, all real processes from dist/. Work submitted to either server (or queued by
 * `attest ingest --queue`) is done once by one worker and seen from both servers; a worker killed
 * with SIGKILL in the middle of a job stops its heartbeat, so a live worker hands the job to another
 * within seconds (the grace), long before the job's time is up (900 s), storing the source once and
 * keeping the audit chain valid; `worker --status` lists the live workers; a sign-in limit hit by
 * alternating between the servers trips at the same count as on one server.
 */
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { runCli, spawnCli } from '../support/cli.ts';
import { TEST_PASSWORD } from '../support/factories.ts';
import { type RunningServer, signInOverHttp, startServer } from '../support/server.ts';
import { createPostgresDatabase } from '../support/stores.ts';

const ADMIN = 'admin@example.org';
const CSRF = 'multi-process-test-csrf-0123456789abcdef';
/** The production default: a killed worker's job must come back through the liveness lease, not this. */
const JOB_TIMEOUT_S = '900';
/** Short, so the job of a killed worker comes back within seconds (production: 30). */
const WORKER_GRACE_S = '2';

interface Job {
  id: string;
  state: string;
  retries: number;
  result: Record<string, string | number | boolean | null> | null;
}

/** A worker process; resolves once it says it takes jobs. */
async function startWorker(env: Record<string, string | undefined>) {
  const child = spawnCli(['worker', '--concurrency', '2'], { env });
  child.stdin.end();
  let stderr = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  await new Promise<void>((resolve, reject) => {
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
      if (stderr.includes('taking jobs')) resolve();
    });
    void exited.then((code) => reject(new Error(`attest worker exited with ${code}: ${stderr}`)));
  });
  return { child, exited, stderr: () => stderr, pid: child.pid ?? 0 };
}

const until = async <T>(what: string, probe: () => Promise<T | null>, timeoutMs = 60_000): Promise<T> => {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== null) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
};

describe.runIf(inject('postgresAdminUrl'))('two servers and two workers on one PostgreSQL', () => {
  let work: string;
  let databaseUrl: string;
  let drop: (() => Promise<void>) | undefined;
  let db: pg.Client;
  const servers: RunningServer[] = [];
  const workers: Array<{ child: ChildProcessWithoutNullStreams }> = [];
  const env = (extra: Record<string, string> = {}) => ({
    ATTEST_DATA: join(work, 'data'),
    DATABASE_URL: databaseUrl,
    ATTEST_JOB_TIMEOUT_S: JOB_TIMEOUT_S,
    ATTEST_WORKER_GRACE_S: WORKER_GRACE_S,
    ...extra,
  });

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'attest-multi-'));
    ({ url: databaseUrl, drop } = await createPostgresDatabase());
    const init = await runCli(['init', '--org', 'Org', '--admin', ADMIN], {
      env: env({ ATTEST_PASSWORD: TEST_PASSWORD }),
    });
    expect(init.code, init.stderr).toBe(0);
    servers.push(
      ...(await Promise.all([startServer(env(), ['--no-jobs']), startServer(env(), ['--no-jobs'])])),
    );
    db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
  }, 120_000);

  afterAll(async () => {
    for (const worker of workers) worker.child.kill('SIGKILL');
    await Promise.all(servers.map((server) => server.stop('SIGKILL')));
    await db?.end();
    await drop?.();
    rmSync(work, { recursive: true, force: true });
  });

  it('does each job once across workers, retries a killed worker’s job elsewhere, and both servers see it all', async () => {
    const [a, b] = servers as [RunningServer, RunningServer];
    const token = await signInOverHttp(a.url, ADMIN, TEST_PASSWORD);
    const api = (server: RunningServer, path: string, init: RequestInit = {}) =>
      fetch(`${server.url}${path}`, {
        ...init,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...init.headers },
      });
    const submit = async (server: RunningServer, text: string) => {
      const response = await api(server, '/api/source-jobs', {
        method: 'POST',
        body: JSON.stringify({ text }),
      });
      expect(response.status, await response.clone().text()).toBe(202);
      return ((await response.json()) as { jobId: string }).jobId;
    };
    const jobOn = async (server: RunningServer, id: string) =>
      (await (await api(server, `/api/jobs/${id}`)).json()) as Job;

    // A worker that will hang in its first job; it is killed once the job is its own.
    const doomed = await startWorker(env({ ATTEST_TEST_JOB_DELAY_MS: '120000' }));
    workers.push(doomed);
    const orphan = await submit(a, 'Doomed: soldiers detained 12 villagers in Kidal on 4 May 2021.');
    await until('the first worker to take the job', async () => {
      const { rows } = await db.query(
        "select state from attest_jobs.job where id = $1 and state = 'active'",
        [orphan],
      );
      return rows[0] ?? null;
    });
    doomed.child.kill('SIGKILL');
    await doomed.exited;

    const healthy = await Promise.all([startWorker(env()), startWorker(env())]);
    workers.push(...healthy);
    const submitted = [orphan];
    for (let i = 0; i < 4; i += 1)
      submitted.push(
        await submit(i % 2 ? b : a, `Report ${i}: police beat ${i + 2} students in Minsk on 9 August 2020.`),
      );
    // The same bytes again while they wait: the same job, not a second one.
    const repeat = await api(b, '/api/source-jobs', {
      method: 'POST',
      body: JSON.stringify({ text: 'Report 0: police beat 2 students in Minsk on 9 August 2020.' }),
    });
    expect([200, 202]).toContain(repeat.status);
    const files = join(work, 'files');
    rmSync(files, { recursive: true, force: true });
    const { mkdirSync } = await import('node:fs');
    mkdirSync(files);
    writeFileSync(
      join(files, 'one.txt'),
      'Queued from the CLI: 3 journalists arrested in Baku on 2 June 2023.\n',
    );
    writeFileSync(
      join(files, 'two.txt'),
      'Queued from the CLI: a lawyer was abducted in Grozny on 5 July 2022.\n',
    );
    const queued = await runCli(['ingest', '--queue', '--json', files], {
      env: env({ ATTEST_USER: ADMIN, ATTEST_PASSWORD: TEST_PASSWORD }),
    });
    expect(queued.code, queued.stderr).toBe(0);
    const cliJobs = (JSON.parse(queued.stdout) as { jobs: Array<{ jobId: string }> }).jobs.map(
      (job) => job.jobId,
    );
    expect(cliJobs).toHaveLength(2);
    submitted.push(...cliJobs);

    // Followed through server B, whichever server queued them.
    const done = await Promise.all(
      submitted.map((id) =>
        until(`job ${id}`, async () => {
          const job = await jobOn(b, id);
          return job.state === 'done' || job.state === 'failed' ? job : null;
        }),
      ),
    );
    expect(done.map((job) => job.state)).toEqual(submitted.map(() => 'done'));
    const healthyPids = new Set(healthy.map((worker) => String(worker.pid)));
    for (const job of done) expect(healthyPids).toContain(String(job.result?.processedBy).split(':').pop());
    expect(done[0]?.retries, 'the killed worker’s job was retried').toBeGreaterThanOrEqual(1);
    // Within the grace and the retry delay, not the job's 900 s timeout (the waits above end at 60 s).

    // Exactly once: one source per original, one creation entry per source, each job once.
    const sources = await db.query<{ sha256: string; n: number }>(
      'select sha256, count(*)::int as n from sources group by sha256',
    );
    expect(sources.rows).toHaveLength(7);
    expect(sources.rows.every((row) => row.n === 1)).toBe(true);
    const created = await db.query<{ n: number }>(
      "select count(*)::int as n from audit_log where action = 'source.create'",
    );
    expect(created.rows[0]?.n).toBe(7);
    const jobRows = await db.query<{ n: number }>(
      `select count(*)::int as n from (select id from attest_jobs.job union all select id from attest_jobs.archive) j
       where id = any($1::uuid[])`,
      [submitted],
    );
    expect(jobRows.rows[0]?.n).toBe(submitted.length);

    // Both servers list the same sources.
    const listed = await Promise.all(
      [a, b].map(
        async (server) =>
          ((await (await api(server, '/api/sources?limit=50')).json()) as { total: number }).total,
      ),
    );
    expect(listed).toEqual([7, 7]);

    const verify = await runCli(['audit', 'verify'], {
      env: env({ ATTEST_USER: ADMIN, ATTEST_PASSWORD: TEST_PASSWORD }),
    });
    expect(verify.code, verify.stderr + verify.stdout).toBe(0);

    const status = await runCli(['worker', '--status', '--json'], { env: env() });
    expect(status.code, status.stderr).toBe(0);
    const queue = JSON.parse(status.stdout) as { processes: Array<{ pid: number; jobsHeld: number }> };
    expect(queue).toMatchObject({ engine: 'postgres', deadLetters: [], graceSeconds: 2 });
    // The live workers, not the killed one.
    expect(new Set(queue.processes.map((process) => String(process.pid)))).toEqual(healthyPids);
    const statusText = await runCli(['worker', '--status'], { env: env() });
    expect(statusText.stdout).toContain('2 working processes alive');

    // A graceful stop: SIGTERM, the worker finishes and exits 0.
    const [first] = healthy;
    first!.child.kill('SIGTERM');
    expect(await first!.exited).toBe(0);
  }, 180_000);

  it('trips the per-client sign-in limit at the same count when requests alternate between servers', async () => {
    const [a, b] = servers as [RunningServer, RunningServer];
    const answers: Array<{ server: number; status: number }> = [];
    for (let i = 0; i < 24; i += 1) {
      const response = await fetch(`${(i % 2 ? b : a).url}/api/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie: `attest_csrf=${CSRF}`, 'x-csrf-token': CSRF },
        body: JSON.stringify({ email: 'nobody@example.org', password: 'not a password' }),
      });
      answers.push({ server: i % 2, status: response.status });
    }
    // 10 a minute per client, counted once for both servers (per server it would be 20); the first
    // test's sign-in may still count in this window.
    const firstRefusal = answers.findIndex((answer) => answer.status === 429);
    expect(firstRefusal).toBeGreaterThanOrEqual(9);
    expect(firstRefusal).toBeLessThanOrEqual(10);
    expect(answers.slice(0, firstRefusal).every((answer) => answer.status === 401)).toBe(true);
    const refused = answers.slice(firstRefusal);
    expect(refused.every((answer) => answer.status === 429)).toBe(true);
    expect(new Set(refused.map((answer) => answer.server))).toEqual(new Set([0, 1]));
  }, 60_000);
});
