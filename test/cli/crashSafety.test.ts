/**
 * Crash safety in CI: `attest ingest DIR` and `attest serve` under concurrent uploads, each killed
 * with SIGKILL three times at random points per backend (the full run, 20 kills on 2,000 files, is
 * `npm run bench -- crash`). After every kill the store opens, no row lacks its original, nothing
 * committed or acknowledged is lost; a complete run then leaves exactly one source per document.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  type CrashLoopOptions,
  type CrashLoopReport,
  crashIngest,
  crashServe,
} from '../support/crashLoop.ts';
import { backends, createPostgresDatabase } from '../support/stores.ts';

const KILLS = 3;
// A new seed each run explores new kill points; it is printed, so a failure can be replayed.
const SEED = Number(process.env.ATTEST_CRASH_SEED ?? Date.now() % 1_000_000);

describe.each(backends())('kill -9 at random points on %s', (backend) => {
  const cleanups: Array<() => Promise<void>> = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });

  async function scratch(): Promise<Omit<CrashLoopOptions, 'documents' | 'kills'>> {
    const workDir = mkdtempSync(join(tmpdir(), 'attest-crash-'));
    cleanups.push(async () => rmSync(workDir, { recursive: true, force: true }));
    const options = {
      backend,
      workDir,
      seed: SEED,
      log: (line: string) => process.stderr.write(`${line}\n`),
    };
    if (backend === 'pglite') return options;
    const database = await createPostgresDatabase();
    cleanups.push(database.drop);
    return { ...options, databaseUrl: database.url };
  }

  function expectSurvived(report: CrashLoopReport, documents: number) {
    expect(report.problems, `seed ${SEED}`).toEqual([]);
    expect(report.kills).toHaveLength(KILLS);
    expect(report.finalSources).toBe(documents);
  }

  it('attest ingest of a directory: the store opens, every row has its original, the re-run completes with the exact count', async () => {
    const report = await crashIngest({ ...(await scratch()), documents: 100, kills: KILLS });
    expectSurvived(report, 100);
  });

  it('attest serve under uploads from 4 signed-in clients: every acknowledged upload survives, and re-sending all gives the exact count', async () => {
    const report = await crashServe({ ...(await scratch()), documents: 30, kills: KILLS, clients: 4 });
    expectSurvived(report, 30);
  });
});
