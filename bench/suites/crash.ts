/**
 * Crash safety, the full run (`npm run bench -- crash`): `attest ingest` of 2,000 files and
 * `attest serve` under uploads from 8 clients, each killed with SIGKILL 20 times at random points, on
 * PGlite and on PostgreSQL (test/support/crashLoop.ts; CI runs a reduced form in
 * test/cli/crashSafety.test.ts). A row per scenario and backend: kills and where they landed, what
 * they left behind, the final count against the exact expected one, and every problem found.
 *
 * ATTEST_CRASH_KILLS and ATTEST_CRASH_FILES shrink a run; ATTEST_CRASH_SEED replays one.
 * PostgreSQL: ATTEST_BENCH_PG_URL (an admin URL) or postgres://postgres@127.0.0.1:5432/postgres.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import {
  type CrashLoopOptions,
  type CrashLoopReport,
  crashIngest,
  crashServe,
} from '../../test/support/crashLoop.ts';
import { repoRoot } from '../../test/support/paths.ts';
import { createDatabaseAt } from '../../test/support/postgresDatabase.ts';
import { atLeast, atMost, type BenchRow, type BenchSuite } from '../harness.ts';

const KILLS = Number(process.env.ATTEST_CRASH_KILLS ?? 20);
const FILES = Number(process.env.ATTEST_CRASH_FILES ?? 2_000);
const UPLOADS = Math.min(FILES, 300);
const CLIENTS = 8;
const SEED = Number(process.env.ATTEST_CRASH_SEED ?? Date.now() % 1_000_000);
const PG_ADMIN_URL = process.env.ATTEST_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

async function postgresAnswers(): Promise<boolean> {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

async function runOne(
  loop: (options: CrashLoopOptions) => Promise<CrashLoopReport>,
  options: Omit<CrashLoopOptions, 'workDir' | 'databaseUrl' | 'log'>,
): Promise<CrashLoopReport> {
  const workDir = mkdtempSync(join(tmpdir(), 'attest-bench-crash-'));
  const database = options.backend === 'postgres' ? await createDatabaseAt(PG_ADMIN_URL) : null;
  try {
    return await loop({
      ...options,
      workDir,
      ...(database ? { databaseUrl: database.url } : {}),
      log: (line) => process.stderr.write(`${line}\n`),
    });
  } finally {
    await database?.drop();
    rmSync(workDir, { recursive: true, force: true });
  }
}

function rowsOf(report: CrashLoopReport): BenchRow[] {
  const name = `${report.scenario} ${report.backend}`;
  const phases = (phase: string) => report.kills.filter((kill) => kill.phase === phase).length;
  const points = report.kills
    .map((kill) => (kill.exitedFirst ? 'done' : `${Math.round(kill.progress * 100)}%`))
    .join(' ');
  const most = (pick: (kill: CrashLoopReport['kills'][number]) => number) =>
    Math.max(0, ...report.kills.map(pick));
  return [
    {
      metric: `${name}: kills`,
      value: report.kills.length,
      unit: 'kills',
      ...atLeast(report.kills.length, KILLS),
      note: `before ${phases('before')}, during ${phases('during')}, end ${phases('end')}; at ${points}; seed ${report.seed}`,
    },
    {
      metric: `${name}: problems`,
      value: report.problems.length,
      unit: 'problems',
      ...atMost(report.problems.length, 0),
      note: report.problems.slice(0, 3).join(' | '),
    },
    {
      metric: `${name}: final sources`,
      value: report.finalSources,
      unit: 'sources',
      target: `= ${report.documents}`,
      met: report.finalSources === report.documents,
    },
    {
      metric: `${name}: left behind by a kill`,
      value: most((kill) => kill.unreferencedOriginals),
      unit: 'unreferenced originals (most)',
      note: `temporary files: at most ${most((kill) => kill.temporaryFiles)} after a kill, ${report.finalTemporaryFiles} at the end`,
    },
    { metric: `${name}: duration`, value: report.seconds, unit: 's' },
  ];
}

export const suite: BenchSuite = {
  name: 'crash',
  async run() {
    // The loop runs the compiled CLI (bin/attest.js), so it must match the sources.
    execFileSync(process.execPath, [join(repoRoot, 'scripts/build.mjs')], {
      cwd: repoRoot,
      stdio: 'inherit',
    });
    const rows: BenchRow[] = [];
    const backends: Array<CrashLoopOptions['backend']> = ['pglite'];
    if (await postgresAnswers()) backends.push('postgres');
    else
      rows.push({
        metric: 'postgres',
        value: 0,
        unit: '',
        note: `skipped: no PostgreSQL at ${PG_ADMIN_URL}`,
      });
    for (const backend of backends) {
      rows.push(
        ...rowsOf(await runOne(crashIngest, { backend, documents: FILES, kills: KILLS, seed: SEED })),
      );
      rows.push(
        ...rowsOf(
          await runOne(crashServe, {
            backend,
            documents: UPLOADS,
            kills: KILLS,
            seed: SEED,
            clients: CLIENTS,
          }),
        ),
      );
    }
    return rows;
  },
};
