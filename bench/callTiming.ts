/**
 * What the database suites (search, stats) share: per-call wall and CPU percentiles, where CPU is
 * this process plus the PostgreSQL backends serving the database (from /proc), and a signed-in
 * bench user for the HTTP rows.
 */
import { readFileSync } from 'node:fs';
import { initOrganisation } from '../src/services/accounts/accounts.ts';
import { releaseActor } from '../src/services/accounts/actor.ts';
import { login } from '../src/services/accounts/login.ts';
import type { Db } from '../src/store/db.ts';
import { percentile } from './harness.ts';

export const sizeLabel = (n: number) => (n >= 1_000_000 ? `${n / 1_000_000}M` : `${n / 1_000}k`);

/** The PostgreSQL backends serving this database (none for PGlite: its CPU is this process's). */
async function backendPids(db: Db, postgres: boolean): Promise<number[]> {
  if (!postgres) return [];
  const rows = await db.query<{ pid: number }>(
    'select pid from pg_stat_activity where datname = current_database()',
  );
  return rows.map((row) => row.pid);
}

/**
 * CPU milliseconds used so far by those backends, from /proc: the scheduler's own sum (nanoseconds,
 * /proc/<pid>/sched) where the kernel shows it, else user + system time in 10 ms ticks. Ticks put a
 * 20 ms call at 20 or 30 ms, which moved a p95 over a few dozen calls by a whole tick between runs.
 */
function backendCpuMs(pids: number[]): number {
  let ms = 0;
  for (const pid of pids) {
    try {
      ms += schedulerCpuMs(pid) ?? tickCpuMs(pid);
    } catch {
      // A backend on another machine, or gone: its CPU is not counted.
    }
  }
  return ms;
}

function schedulerCpuMs(pid: number): number | undefined {
  let sched: string;
  try {
    sched = readFileSync(`/proc/${pid}/sched`, 'utf8');
  } catch {
    return undefined; // a kernel built without scheduler debugging
  }
  const line = /se\.sum_exec_runtime\s*:\s*([\d.]+)/.exec(sched);
  return line ? Number(line[1]) : undefined;
}

function tickCpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) * 10; // USER_HZ is 100 on Linux
}

export interface CallTiming {
  p50: number;
  p95: number;
  cpuP50: number;
  cpuP95: number;
  /** Unbiased where the percentiles are not when a backend's CPU is counted in whole 10 ms ticks. */
  cpuMean: number;
}

/**
 * Runs `work` for each item, `rounds` times after one warm-up round: wall p50/p95, and CPU p50/p95
 * per call (this process plus, on PostgreSQL, the database backends).
 */
export async function timeCalls<T>(
  db: Db,
  options: { postgres: boolean; rounds: number },
  items: T[],
  work: (item: T) => Promise<unknown>,
): Promise<CallTiming> {
  for (const item of items) await work(item);
  const pids = await backendPids(db, options.postgres);
  const times: number[] = [];
  const cpuTimes: number[] = [];
  for (let round = 0; round < options.rounds; round++) {
    for (const item of items) {
      const backendBefore = backendCpuMs(pids);
      const cpu = process.cpuUsage();
      const started = performance.now();
      await work(item);
      times.push(performance.now() - started);
      const used = process.cpuUsage(cpu);
      cpuTimes.push((used.user + used.system) / 1000 + backendCpuMs(pids) - backendBefore);
    }
  }
  times.sort((a, b) => a - b);
  cpuTimes.sort((a, b) => a - b);
  return {
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    cpuP50: percentile(cpuTimes, 50),
    cpuP95: percentile(cpuTimes, 95),
    cpuMean: cpuTimes.reduce((sum, value) => sum + value, 0) / cpuTimes.length,
  };
}

const BENCH_PASSWORD = 'bench password long enough';
const BENCH_KDF = { algorithm: 'argon2id13' as const, opsLimit: 1, memLimit: 1024 * 1024 };

/** A session token of the bench's administrator, creating the organisation on a fresh database. */
export async function benchSessionToken(db: Db): Promise<string> {
  await initOrganisation(
    db,
    { name: 'Bench', adminEmail: 'bench@example.org', password: BENCH_PASSWORD },
    BENCH_KDF,
  ).catch(() => {});
  const session = await login(db, { email: 'bench@example.org', password: BENCH_PASSWORD });
  releaseActor(session.actor);
  return session.token;
}
