/**
 * The embedded database on disk: commits reach the disk before they return, the data directory is
 * private, and one process at a time owns it.
 */
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { prepareDataDir } from '../../src/store/dataDir.ts';
import { durability } from '../../src/store/durableNodeFs.ts';
import { openStore } from '../../src/store/openStore.ts';
import { openPgliteDb } from '../../src/store/pgliteDb.ts';

const template = () => new Blob([readFileSync(inject('pgliteTemplate'))]);
const made: string[] = [];
const temporaryDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'attest-embedded-'));
  made.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('durable commits on PGlite', () => {
  it('runs with fsync on and flushes the WAL to disk at every commit', async () => {
    const db = await openPgliteDb({ dataDir: join(temporaryDir(), 'db'), template: template() });
    try {
      const settings = await db.query<{ name: string; setting: string }>(
        "select name, setting from pg_settings where name in ('fsync', 'synchronous_commit', 'wal_sync_method') order by name",
      );
      expect(settings).toEqual([
        { name: 'fsync', setting: 'on' },
        { name: 'synchronous_commit', setting: 'on' },
        { name: 'wal_sync_method', setting: 'fsync' },
      ]);
      await db.exec('create table durable_probe (n int)');
      for (let n = 1; n <= 5; n += 1) {
        const before = durability.fsyncs;
        await db.transaction((tx) => tx.query('insert into durable_probe values ($1)', [n]));
        expect(durability.fsyncs, `commit ${n} reached the disk`).toBeGreaterThan(before);
      }
    } finally {
      await db.close();
    }
  }, 120_000);
});

describe('the data directory', () => {
  it('is tightened to owner-only when it was made with loose permissions', () => {
    const root = temporaryDir();
    prepareDataDir(root);
    chmodSync(root, 0o777);
    chmodSync(join(root, 'files'), 0o755);
    const layout = prepareDataDir(root);
    expect(statSync(root).mode & 0o777).toBe(0o700);
    expect(statSync(layout.files).mode & 0o777).toBe(0o700);
    expect(layout.warnings).toEqual([]);
  });

  it('has one owner at a time, and the next may open it once the first has closed', async () => {
    const dataDir = temporaryDir();
    const first = await openStore(
      { dataDir },
      { command: 'ingest', db: await openPgliteDb({ template: template() }) },
    );
    await expect(openStore({ dataDir }, { command: 'serve' })).rejects.toThrow(
      `data directory ${dataDir} is in use by process ${process.pid} (attest ingest)`,
    );
    await first.close();
    const second = await openStore(
      { dataDir },
      { command: 'serve', db: await openPgliteDb({ template: template() }) },
    );
    await second.close();
  }, 120_000);
});
