/**
 * `attest ingest` of a directory holding files meant to take it down — a DOCX that inflates to
 * 100 MB, a PDF of 200,000 pages, HTML nested two million deep — beside honest ones: the batch
 * completes, every file is stored, each hostile one is named and marked not decoded, and the
 * process (worker threads included) stays under 1 GB.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditRepository } from '../../src/store/audit.ts';
import { openStore } from '../../src/store/openStore.ts';
import { sourcesRepository } from '../../src/store/sources.ts';
import { jsonOf, runCli } from '../support/cli.ts';
import { makeDocxBomb, makeManyPagePdf, makeNestedHtml } from '../support/hostileFiles.ts';

interface IngestJson {
  sources: Array<{ id: string; file: string; notDecoded: string | null; language: string }>;
  errors: Array<{ file: string; error: string }>;
}

describe('attest ingest of hostile files (pglite)', () => {
  let work: string;
  let inbox: string;
  let env: Record<string, string>;

  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'attest-hostile-'));
    inbox = join(work, 'inbox');
    mkdirSync(inbox);
    writeFileSync(
      join(inbox, 'a-report.txt'),
      'On 12 May 2017 police detained 15 activists in Moscow, Memorial said.',
    );
    writeFileSync(
      join(inbox, 'b-page.html'),
      '<html><body><p>Cinco ativistas foram presos em Moscou.</p></body></html>',
    );
    writeFileSync(join(inbox, 'bomb.docx'), makeDocxBomb(100 * 1024 * 1024));
    writeFileSync(join(inbox, 'long.pdf'), makeManyPagePdf(200_000));
    writeFileSync(join(inbox, 'deep.html'), makeNestedHtml(2_000_000));
    env = { ATTEST_DATA: join(work, 'data'), ATTEST_USER: 'officer@example.org' };
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('stores every file, names each one not decoded, exits 0, and stays under 1 GB', async () => {
    const result = await runCli(['ingest', '--json', inbox], { env, measureMemory: true });
    expect(result.code, result.stderr).toBe(0);
    const report = jsonOf<IngestJson>(result);
    expect(report.errors).toEqual([]);
    const byName = Object.fromEntries(
      report.sources.map((s) => [s.file.slice(inbox.length + 1), s.notDecoded]),
    );
    expect(byName).toEqual({
      'a-report.txt': null,
      'b-page.html': null,
      'bomb.docx': 'ZIP archive inflates to more than 64 MB',
      'deep.html': 'HTML nests deeper than 10000 elements',
      'long.pdf': 'PDF has more than 5000 pages',
    });
    for (const name of ['bomb.docx', 'deep.html', 'long.pdf']) {
      expect(result.stderr).toContain(
        `attest: ${join(inbox, name)}: preserved, not decoded: ${byName[name]}`,
      );
    }
    expect(result.peakRssBytes).toBeGreaterThan(0);
    expect(result.peakRssBytes).toBeLessThan(1024 * 1024 * 1024);

    // What was stored: base names only, the hostile files with no text, each creation audited.
    const store = await openStore({ dataDir: env.ATTEST_DATA! });
    try {
      const sources = sourcesRepository(store.db);
      for (const entry of report.sources) {
        const stored = await sources.findById(entry.id);
        expect(stored?.fileName).toBe(entry.file.slice(inbox.length + 1));
        expect(stored?.notDecoded).toBe(entry.notDecoded);
        if (entry.notDecoded) expect(stored?.text).toBe('');
        expect(store.files.has(stored!.sha256)).toBe(true);
      }
      const audit = await auditRepository(store.db).page(0, 100);
      const created = audit.filter((e) => e.action === 'source.create');
      expect(created.map((e) => e.recordId).sort()).toEqual(report.sources.map((s) => s.id).sort());
      // No account exists yet: provenance is the operating-system user, never the typed ATTEST_USER.
      expect(created.every((e) => e.actor === userInfo().username)).toBe(true);
    } finally {
      await store.close();
    }
  });
});
