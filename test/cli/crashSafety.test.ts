/**
 * Crash safety in CI: `attest ingest DIR` and `attest serve` under concurrent uploads, each killed
 * with SIGKILL three times at random points per backend (the full run, 20 kills on 2,000 files, is
 * `npm run bench -- crash`). After every kill the store opens, no row lacks its original, nothing
 * committed or acknowledged is lost; a complete run then leaves exactly one source per document.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { jsonOf, runCli } from '../support/cli.ts';
import {
  type CrashLoopOptions,
  type CrashLoopReport,
  crashIngest,
  crashServe,
} from '../support/crashLoop.ts';
import { inspectStore } from '../support/storeIntegrity.ts';
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

describe('the crash checker', () => {
  it('finds a row without its original, an altered original, a leftover temporary file and an unreferenced original', async () => {
    const workDir = mkdtempSync(join(tmpdir(), 'attest-crash-check-'));
    const dataDir = join(workDir, 'data');
    const inbox = join(workDir, 'inbox');
    mkdirSync(inbox);
    writeFileSync(join(inbox, 'a.txt'), 'Police detained five activists in Grozny on Monday.\n');
    writeFileSync(join(inbox, 'b.txt'), 'Security forces threatened two journalists in Minsk.\n');
    const ingested = await runCli(['ingest', '--json', inbox], {
      env: { ATTEST_DATA: dataDir, ATTEST_USER: 'officer@example.org' },
    });
    expect(ingested.code, ingested.stderr).toBe(0);
    const [a, b] = jsonOf<{ sources: Array<{ sha256: string }> }>(ingested).sources.map((s) => s.sha256);
    const pathOf = (sha256: string) => join(dataDir, 'files', sha256.slice(0, 2), sha256.slice(2, 4), sha256);
    rmSync(pathOf(a!));
    writeFileSync(pathOf(b!), 'altered\n');
    writeFileSync(`${pathOf(b!)}.0a1b2c.tmp`, 'half-written');
    const orphan = 'An original whose row was never committed.\n';
    const orphanSha = createHash('sha256').update(orphan).digest('hex');
    mkdirSync(dirname(pathOf(orphanSha)), { recursive: true });
    writeFileSync(pathOf(orphanSha), orphan);

    const inspection = await inspectStore({ dataDir });
    expect(inspection.sources.size).toBe(2);
    expect(inspection.missingOriginals).toEqual([a]);
    expect(inspection.corruptOriginals).toEqual([b]);
    expect(inspection.temporaryFiles).toHaveLength(1);
    expect(inspection.unreferencedOriginals).toEqual([orphanSha]);
    expect(inspection.strayFiles).toEqual([]);
    rmSync(workDir, { recursive: true, force: true });
  });
});

describe('a first start killed while it wrote the data directory marker', () => {
  it('leaves a directory the next command opens', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'attest-crash-marker-'));
    // What a kill between creating the marker and renaming it into place leaves behind.
    writeFileSync(join(dataDir, 'attest.json.4242.tmp'), '');
    const result = await runCli(['search', '--json', 'anything'], { env: { ATTEST_DATA: dataDir } });
    expect(result.code, result.stderr).toBe(0);
    rmSync(dataDir, { recursive: true, force: true });
  });
});
