import { mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyStore } from '../../src/services/backup/verifyStore.ts';
import { ingestOne } from '../../src/services/sources/ingest.ts';
import { prepareDataDir } from '../../src/store/dataDir.ts';
import { STALE_TEMPORARY_MS } from '../../src/store/fileStore.ts';
import { openStore } from '../../src/store/openStore.ts';
import { backends, openTestStore, type TestStore } from '../support/stores.ts';

const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000);

describe.each(backends())('attest verify (fixity) on %s', (backend) => {
  let store: TestStore;
  let first: string;
  let second: string;
  beforeEach(async () => {
    store = await openTestStore(backend);
    const ingest = (name: string, text: string) =>
      ingestOne(store, { fileName: name, bytes: Buffer.from(text), capturedBy: 'officer' });
    first = (await ingest('a.txt', 'Police detained three journalists in Grozny on Tuesday.')).sha256;
    second = (await ingest('b.txt', 'Cinco ativistas foram presos em Moscou.')).sha256;
  });
  afterEach(() => store?.close());

  it('passes a sound store: every original re-hashed against its row', async () => {
    expect(await verifyStore(store)).toMatchObject({
      ok: true,
      sources: 2,
      originals: 2,
      problems: [],
      unreferenced: [],
      cleaned: [],
    });
  });

  it('names a source whose original changed by one byte', async () => {
    const path = store.files.path(first);
    const bytes = Buffer.from(store.files.get(first));
    bytes[0]! ^= 0x20;
    writeFileSync(path, bytes);
    const report = await verifyStore(store);
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual([
      expect.objectContaining({
        kind: 'altered-original',
        sha256: first,
        message: expect.stringMatching(new RegExp(`^source .*: original files/../../${first} has changed`)),
      }),
    ]);
  });

  it('names a source whose original is missing, and reports an original no row names without failing', async () => {
    rmSync(store.files.path(second));
    const stray = await store.files.put(Buffer.from('an original whose row never committed'));
    const report = await verifyStore(store);
    expect(report).toMatchObject({ ok: false, sources: 2, originals: 2, unreferenced: [stray] });
    expect(report.problems).toEqual([
      expect.objectContaining({
        kind: 'missing-original',
        sha256: second,
        message: expect.stringMatching(/is missing$/),
      }),
    ]);
  });

  it('removes stale temporary files left by interrupted writes, anywhere under files/, and says so', async () => {
    const legacy = join(store.files.path(first), '..', `${first}.abc123.tmp`);
    writeFileSync(legacy, 'half an original, from a version that wrote temporaries beside originals');
    utimesSync(legacy, hoursAgo(3), hoursAgo(3));
    mkdirSync(join(store.layout.files, 'tmp'), { recursive: true });
    const fresh = join(store.layout.files, 'tmp', 'in-progress.tmp');
    writeFileSync(fresh, 'a write still running');
    const report = await verifyStore(store);
    expect(report).toMatchObject({ ok: true, cleaned: [expect.stringMatching(/\.abc123\.tmp$/)] });
    expect(store.files.staleTemporaries(Date.now() + STALE_TEMPORARY_MS + 1_000)).toEqual([
      'tmp/in-progress.tmp',
    ]);
  });

  it('clears files/tmp when a store opens: all of it when holding the directory lock, only stale files otherwise', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'attest-reopen-'));
    prepareDataDir(dataDir);
    const dir = join(dataDir, 'files', 'tmp');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'stale.tmp'), 'interrupted');
    utimesSync(join(dir, 'stale.tmp'), hoursAgo(2), hoursAgo(2));
    writeFileSync(
      join(dir, 'recent.tmp'),
      'interrupted a minute ago, or still being written by another server',
    );
    const reopened = await openStore(
      { dataDir, databaseUrl: store.databaseUrl ?? undefined },
      { db: store.db, command: 'test' },
    );
    try {
      // PGlite: this process holds the lock, so nobody else is writing. PostgreSQL: others may be.
      expect(readdirSync(dir)).toEqual(backend === 'pglite' ? [] : ['recent.tmp']);
    } finally {
      reopened.lock?.release();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
