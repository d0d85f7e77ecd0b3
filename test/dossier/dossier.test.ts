/**
 * The evidence dossier of the seed incident (and of the golden article, so it runs everywhere), read
 * back with poppler as a recipient would: pages render, the denial, the seed's SHA-256 and a Cyrillic
 * name are in the text, every page has its header and number, the ZIP's manifest and SHA256SUMS hold
 * for every file (checked by sha256sum itself), and the public level names no protected person.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Forbidden } from '../../src/core/errors.ts';
import type { Actor } from '../../src/services/accounts/actor.ts';
import { makeDossier } from '../../src/services/dossier/dossier.ts';
import { sha256Of } from '../../src/services/export/files.ts';
import { aUser, auditRows } from '../protection/fixtures.ts';
import { pdfPages, pdfText, pdfToPngs, writePdf } from '../support/poppler.ts';
import { hasShared, SEED_ARTICLE } from '../support/shared.ts';
import { openTestStore, type TestStore } from '../support/stores.ts';
import { type DossierArticle, GOLDEN, SEED, seedDossierIncident, WITNESS } from './dossierFixture.ts';

interface Manifest {
  format: string;
  level: string;
  files: Array<{ path: string; kind: string; bytes: number; sha256: string; source?: { ref: string } }>;
}

/** ATTEST_DOSSIER_PAGES=DIR keeps the rendered pages there, to look at them. */
const pagesDir = (fallback: string) => {
  const dir = process.env.ATTEST_DOSSIER_PAGES;
  if (dir) mkdirSync(dir, { recursive: true });
  return dir ?? fallback;
};

const articles: Array<{ article: DossierArticle; present: boolean }> = [
  { article: SEED, present: hasShared(SEED_ARTICLE) },
  { article: GOLDEN, present: true },
];

for (const { article, present } of articles) {
  describe.skipIf(!present)(`the dossier of ${article.name}`, () => {
    let store: TestStore;
    let admin: Actor;
    let incidentId: string;
    let articleSha256: string;
    let out: string;

    beforeAll(async () => {
      store = await openTestStore('pglite');
      ({ admin, incidentId, articleSha256 } = await seedDossierIncident(store, article));
      out = mkdtempSync(join(tmpdir(), 'attest-dossier-'));
    });
    afterAll(async () => {
      await store?.close();
      rmSync(out, { recursive: true, force: true });
    });

    it('renders to pages that carry the denial, the SHA-256 and a Cyrillic name; the ZIP verifies', async () => {
      const dossier = await makeDossier(
        store,
        { incidentId, level: 'partner', zip: true },
        { actor: admin, generatedBy: admin.email },
      );
      expect(dossier.mediaType).toBe('application/zip');
      const entries = unzipSync(dossier.bytes);
      const dir = join(out, 'partner');
      for (const [path, bytes] of Object.entries(entries)) {
        mkdirSync(dirname(join(dir, path)), { recursive: true });
        writeFileSync(join(dir, path), bytes);
      }
      const pdf = join(dir, 'dossier.pdf');
      expect(sha256Of(entries['dossier.pdf']!)).toBe(dossier.pdfSha256);

      const pngs = pdfToPngs(pdf, pagesDir(out), `partner-${article.fileName}`);
      if (process.env.ATTEST_DOSSIER_PAGES)
        writePdf(pagesDir(out), `partner-${article.fileName}.pdf`, readFileSync(pdf));
      const pages = pdfPages(pdf);
      expect(pngs.length).toBeGreaterThanOrEqual(6);
      expect(pngs).toHaveLength(pages.length);
      for (const png of pngs) expect(readFileSync(png).byteLength).toBeGreaterThan(1000);
      pages.forEach((page, index) => {
        expect(page, `page ${index + 1}`).toContain('PARTNER LEVEL');
        expect(page, `page ${index + 1}`).toContain(`Page ${index + 1} of ${pages.length}`);
        expect(page, `page ${index + 1}`).toContain(`Incident ${incidentId}`);
      });

      const text = pdfText(pdf);
      expect(text).toContain(article.denial);
      expect(text).toContain(articleSha256);
      expect(text).toContain(WITNESS);
      expect(text).toContain(`sha256sum -c SHA256SUMS`);
      expect(text).toMatch(/Chain of custody.*captured the source/);
      // Staff by role and pseudonym, never by address.
      expect(text).not.toContain('admin@example.org');
      expect(text).toMatch(/administrator [0-9a-f]{6} reviewed the source into the incident/);

      // Every file the manifest lists is there with its hash, and sha256sum agrees with SHA256SUMS.
      const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as Manifest;
      expect(manifest.format).toBe('attest-dossier');
      expect(Object.keys(entries).sort()).toEqual(
        [...manifest.files.map((file) => file.path), 'manifest.json', 'SHA256SUMS'].sort(),
      );
      for (const file of manifest.files) {
        expect(sha256Of(entries[file.path]!), file.path).toBe(file.sha256);
        expect(entries[file.path]!.byteLength).toBe(file.bytes);
      }
      const originals = manifest.files.filter((file) => file.kind === 'original');
      expect(originals.map((file) => file.sha256)).toContain(articleSha256);
      expect(originals).toHaveLength(2);
      const checked = execFileSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: dir, encoding: 'utf8' });
      expect(checked.trim().split('\n')).toHaveLength(manifest.files.length + 1);
      expect(checked).not.toMatch(/FAILED/);

      const audit = await auditRows(store.db, 'incident.dossier');
      expect(audit.at(-1)?.details).toMatchObject({ level: 'partner', pdfSha256: dossier.pdfSha256 });
    });

    it('at public level names no protected person, withholds hashes and originals', async () => {
      const dossier = await makeDossier(
        store,
        { incidentId, level: 'public', zip: true },
        { actor: admin, generatedBy: admin.email },
      );
      const entries = unzipSync(dossier.bytes);
      expect(Object.keys(entries).sort()).toEqual(['SHA256SUMS', 'dossier.pdf', 'manifest.json']);
      const pdf = writePdf(out, 'public.pdf', entries['dossier.pdf']!);
      const text = pdfText(pdf);
      expect(text).toContain('PUBLIC LEVEL');
      expect(text).toContain(article.denial);
      for (const secret of [WITNESS, 'Дадаев', article.contact, articleSha256, 'admin@example.org'])
        expect(text, secret).not.toContain(secret);
      expect(dossier.redactions).toBeGreaterThan(0);
      pdfToPngs(pdf, pagesDir(out), `public-${article.fileName}`);
    });

    it('follows the export rules: a viewer may not make one, an analyst not a public one', async () => {
      const viewer = await aUser(store.db, admin, 'viewer@example.org', 'viewer');
      await expect(
        makeDossier(store, { incidentId, level: 'partner' }, { actor: viewer, generatedBy: viewer.email }),
      ).rejects.toBeInstanceOf(Forbidden);
      const analyst = await aUser(store.db, admin, 'analyst@example.org', 'analyst');
      await expect(
        makeDossier(store, { incidentId, level: 'public' }, { actor: analyst, generatedBy: analyst.email }),
      ).rejects.toBeInstanceOf(Forbidden);
      const partner = await makeDossier(
        store,
        { incidentId, level: 'partner' },
        { actor: analyst, generatedBy: analyst.email },
      );
      expect(partner.mediaType).toBe('application/pdf');
      expect(new TextDecoder().decode(partner.bytes.slice(0, 5))).toBe('%PDF-');
    });
  });
}
