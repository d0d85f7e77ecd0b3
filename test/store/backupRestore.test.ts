import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authenticate } from '../../src/services/accounts/login.ts';
import { verifyStoreAudit } from '../../src/services/audit/audit.ts';
import { backupStore } from '../../src/services/backup/backup.ts';
import { checkBackup, restoreBackup } from '../../src/services/backup/restore.ts';
import { verifyStore } from '../../src/services/backup/verifyStore.ts';
import { addPerson, showPerson } from '../../src/services/persons/persons.ts';
import { search } from '../../src/services/search.ts';
import { ingestOne } from '../../src/services/sources/ingest.ts';
import { anOrganisation, PASSWORD } from '../protection/fixtures.ts';
import { type Backend, backends, openTestStore, type TestStore } from '../support/stores.ts';

const TEXTS = [
  'Cinco ativistas foram presos em Moscou na quinta-feira, 11 de maio de 2017.',
  'Police detained three journalists in Grozny on Tuesday.',
  'В Махачкале задержали двух правозащитников.',
];

/** Everything a restore must bring back: sources, search, sealed persons, the audit chain. */
async function fillStore(store: TestStore) {
  const { admin } = await anOrganisation(store.db);
  for (const [index, text] of TEXTS.entries())
    await ingestOne(store, {
      fileName: `report-${index}.txt`,
      bytes: Buffer.from(text),
      capturedBy: 'officer',
    });
  const person = await addPerson(store.db, admin, { name: 'Ana Example', contacts: ['+7 900 000 00 00'] });
  return { admin, person };
}

async function counts(store: TestStore) {
  const [row] = await store.db.query<Record<string, number>>(
    `select (select count(*) from sources) as sources, (select count(*) from persons) as persons,
            (select count(*) from users) as users, (select count(*) from audit_log) as audit`,
  );
  return row;
}

describe.each(backends())('backup and restore on %s', (backend: Backend) => {
  let work: string;
  let origin: TestStore;
  let archive: string;

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'attest-backup-'));
    origin = await openTestStore(backend);
    await fillStore(origin);
    archive = join(work, 'backup.tar.gz');
    const report = await backupStore(origin, archive);
    expect(report).toMatchObject({ originals: 3 });
  });
  afterAll(async () => {
    await origin?.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('restores into an empty store: same counts, same audit head, verify passes, records readable', async () => {
    const target = await openTestStore(backend);
    try {
      const manifest = await checkBackup(archive);
      const report = await restoreBackup(target, archive, manifest);
      const originHead = await verifyStoreAudit(origin);
      expect(report.auditHead.seq).toBe(originHead.ok ? originHead.headSeq : -1);
      expect(await counts(target)).toEqual(await counts(origin));
      const verdict = await verifyStore(target);
      expect(verdict).toMatchObject({ ok: true, sources: 3, originals: 3, problems: [] });
      expect(verdict.audit).toMatchObject({
        ok: true,
        headSeq: report.auditHead.seq,
        headHash: report.auditHead.hash,
        anchor: { seq: report.auditHead.seq, hash: report.auditHead.hash },
      });
      // Search vectors and sealed values came back as they were, and sequences continue.
      const hits = await search(target.db, { query: 'presos', kind: 'source', limit: 10 });
      expect(hits.total).toBe(1);
      const admin = await authenticate(target.db, { email: 'admin@example.org', password: PASSWORD });
      expect((await showPerson(target.db, admin, 'V-0001')).name).toBe('Ana Example');
      expect((await addPerson(target.db, admin, { name: 'Second Person' })).code).toBe('V-0002');
      expect((await verifyStoreAudit(target)).ok).toBe(true);
    } finally {
      await target.close();
    }
  });

  it('refuses a database that already holds records, writing nothing', async () => {
    const manifest = await checkBackup(archive);
    await expect(restoreBackup(origin, archive, manifest)).rejects.toThrow(
      /target database is not empty \(rows in .*sources/,
    );
    expect(await counts(origin)).toMatchObject({ sources: 3, persons: 1 });
  });

  it('refuses a truncated archive, naming the file', async () => {
    const bytes = readFileSync(archive);
    const truncated = join(work, 'truncated.tar.gz');
    writeFileSync(truncated, bytes.subarray(0, Math.floor(bytes.byteLength * 0.6)));
    await expect(checkBackup(truncated)).rejects.toThrow(`backup ${truncated}: damaged or altered`);
  });

  it('refuses an archive with one altered byte, naming the file', async () => {
    const bytes = Buffer.from(readFileSync(archive));
    const altered = join(work, 'altered.tar.gz');
    bytes[Math.floor(bytes.byteLength / 2)]! ^= 0x01;
    writeFileSync(altered, bytes);
    await expect(checkBackup(altered)).rejects.toThrow(`backup ${altered}: damaged or altered`);
  });

  it('refuses a re-compressed archive whose content changed, naming the entry', async () => {
    // gzip's CRC cannot catch this: someone rebuilt the gzip; the manifest's SHA-256s must.
    const tar = Buffer.from(execFileSync('gzip', ['-dc', archive]));
    const at = tar.lastIndexOf('Police detained'); // the original, after the table dump
    expect(at).toBeGreaterThan(0);
    tar[at] = 'p'.charCodeAt(0);
    const altered = join(work, 'rebuilt.tar.gz');
    writeFileSync(altered, gzipSync(tar));
    await expect(checkBackup(altered)).rejects.toThrow(
      /rebuilt\.tar\.gz: damaged or altered: files\/.* SHA-256/,
    );
  });
});
