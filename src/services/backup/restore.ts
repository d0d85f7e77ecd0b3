/**
 * `attest restore`: first reads the whole archive against its manifest (a truncated or altered
 * archive is refused before anything is written), then loads it into an empty, freshly migrated store
 * in one transaction, sets the sequences, writes the originals and anchors the restored audit head.
 * Works across backends: a PGlite backup loads into PostgreSQL and back.
 */
import { createHash } from 'node:crypto';
import { rmSync } from 'node:fs';
import { Conflict, InvalidInput, StorageUnavailable } from '../../core/errors.ts';
import { appendAuditAnchor } from '../../store/auditAnchor.ts';
import { DamagedArchive, readArchive } from '../../store/backupArchive.ts';
import { listMigrations } from '../../store/migrate.ts';
import type { Store } from '../../store/openStore.ts';
import { tableDump } from '../../store/tableDump.ts';
import { type BackupManifest, backupManifestSchema, MANIFEST_ENTRY, ORIGINAL_ENTRY } from './manifest.ts';

export interface RestoreReport {
  tables: number;
  rows: number;
  originals: number;
  auditHead: { seq: number; hash: string };
}

interface ReadEntry {
  name: string;
  size: number;
  sha256: string;
}

/**
 * Reads every entry, hashing it, and hands the complete ones to `onEntry` (with their bytes when
 * `keep` says so). Damage becomes one InvalidInput naming the archive.
 */
async function readEntries(
  file: string,
  keep: (name: string) => boolean,
  onEntry: (entry: ReadEntry, bytes: Uint8Array | null) => Promise<void>,
): Promise<void> {
  const damaged = (reason: string) => new InvalidInput(`backup ${file}`, `damaged or altered: ${reason}`);
  let current: {
    name: string;
    size: number;
    hash: ReturnType<typeof createHash>;
    chunks: Uint8Array[] | null;
  } | null = null;
  try {
    for await (const event of readArchive(file)) {
      if (event.kind === 'entry') {
        current = {
          name: event.name,
          size: event.size,
          hash: createHash('sha256'),
          chunks: keep(event.name) ? [] : null,
        };
      } else if (event.kind === 'data' && current) {
        current.hash.update(event.chunk);
        current.chunks?.push(Buffer.from(event.chunk));
      } else if (event.kind === 'end' && current) {
        const { name, size, hash, chunks } = current;
        current = null;
        await onEntry({ name, size, sha256: hash.digest('hex') }, chunks ? Buffer.concat(chunks) : null);
      }
    }
  } catch (error) {
    if (error instanceof DamagedArchive) throw damaged(error.message);
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new InvalidInput(`backup ${file}`, 'no such file');
    if (code === 'EACCES') throw new InvalidInput(`backup ${file}`, 'permission denied');
    if (code === 'EISDIR') throw new InvalidInput(`backup ${file}`, 'is a directory, not a backup file');
    throw error;
  }
}

/** Pass one: the archive is whole, matches its manifest, and fits this version's schema. Writes nothing. */
export async function checkBackup(file: string): Promise<BackupManifest> {
  const damaged = (reason: string) => new InvalidInput(`backup ${file}`, `damaged or altered: ${reason}`);
  const seen = new Map<string, ReadEntry>();
  let manifestText: string | null = null;
  await readEntries(
    file,
    (name) => name === MANIFEST_ENTRY,
    async (entry, bytes) => {
      if (manifestText !== null) throw damaged(`${entry.name} follows the manifest`);
      if (entry.name === MANIFEST_ENTRY)
        manifestText = Buffer.from(bytes ?? new Uint8Array()).toString('utf8');
      else if (seen.has(entry.name)) throw damaged(`${entry.name} appears twice`);
      else seen.set(entry.name, entry);
    },
  );
  if (manifestText === null) throw damaged(`no ${MANIFEST_ENTRY}: not an Attest backup, or cut short`);
  let parsed: unknown;
  try {
    parsed = JSON.parse(manifestText);
  } catch {
    throw damaged(`${MANIFEST_ENTRY} is not JSON`);
  }
  const result = backupManifestSchema.safeParse(parsed);
  if (!result.success) throw damaged(`${MANIFEST_ENTRY} is not an Attest backup manifest of a known version`);
  const manifest = result.data;
  for (const listed of manifest.entries) {
    const found = seen.get(listed.path);
    if (!found) throw damaged(`${listed.path} is listed in the manifest but missing`);
    if (found.size !== listed.size || found.sha256 !== listed.sha256)
      throw damaged(`${listed.path} does not match its SHA-256 in the manifest`);
    const original = ORIGINAL_ENTRY.exec(listed.path);
    if (original && original[1] !== listed.sha256) throw damaged(`${listed.path} does not match its name`);
    seen.delete(listed.path);
  }
  const [extra] = seen.keys();
  if (extra !== undefined) throw damaged(`${extra} is not listed in the manifest`);
  const known = listMigrations().map((migration) => migration.id);
  if (known.join(',') !== manifest.migrations.join(',')) {
    throw new InvalidInput(
      `backup ${file}`,
      `made with a different database schema (migrations ${manifest.migrations.at(-1) ?? 'none'}; this version has ${known.at(-1) ?? 'none'}): restore it with the Attest version that made it`,
    );
  }
  return manifest;
}

/** Pass two, into an open store that must be empty. */
export async function restoreBackup(
  store: Store,
  file: string,
  manifest: BackupManifest,
  onProgress?: (done: number, total: number) => void,
): Promise<RestoreReport> {
  const tables = await tableDump(store.db).tables();
  const occupied = await tableDump(store.db).tablesWithRows(tables);
  if (occupied.length > 0) {
    throw new Conflict(
      `the target database is not empty (rows in ${occupied.join(', ')}): restore only into an empty database`,
    );
  }
  if (store.files.list().length > 0)
    throw new Conflict(
      `${store.layout.files} already holds originals: restore only into an empty data directory`,
    );
  const byName = new Map(tables.map((table) => [table.name, table]));
  const expected = new Map(manifest.entries.map((entry) => [entry.path, entry]));
  const written: string[] = [];
  let done = 0;
  try {
    await store.db.transaction(async (tx) => {
      const dump = tableDump(tx);
      await dump.clearSeeded(tables);
      await readEntries(
        file,
        (name) => name !== MANIFEST_ENTRY,
        async (entry, bytes) => {
          if (entry.name === MANIFEST_ENTRY || !bytes) return;
          // The file may have changed since it was checked: every entry is checked again as it loads.
          const listed = expected.get(entry.name);
          if (!listed || listed.sha256 !== entry.sha256)
            throw new InvalidInput(
              `backup ${file}`,
              `damaged or altered: ${entry.name} changed during restore`,
            );
          const original = ORIGINAL_ENTRY.exec(entry.name);
          if (original) {
            if (!store.files.has(original[1]!)) written.push(store.files.path(original[1]!));
            await store.files.put(bytes);
          } else {
            const table = byName.get(entry.name.split('/')[1] ?? '');
            if (!table)
              throw new InvalidInput(`backup ${file}`, `${entry.name} names a table this schema lacks`);
            const rows = Buffer.from(bytes)
              .toString('utf8')
              .split('\n')
              .filter((line) => line.length > 0);
            await dump.insert(table, rows);
          }
          done += 1;
          onProgress?.(done, manifest.entries.length);
        },
      );
      for (const sequence of manifest.sequences) {
        try {
          await dump.setSequence(sequence);
        } catch (error) {
          // The least-privileged application role may use sequences but not set them (docs/deploy.md).
          const reason = error instanceof Error ? error.message : String(error);
          throw new StorageUnavailable(
            `cannot set sequence ${sequence.name} (${reason}); with two PostgreSQL roles, restore with DATABASE_URL set to the owner role`,
          );
        }
      }
    });
  } catch (error) {
    for (const path of written) rmSync(path, { force: true });
    throw error;
  }
  const { seq, hash } = manifest.auditHead;
  if (seq > 0) await appendAuditAnchor(store.layout.auditAnchor, { seq, hash: Buffer.from(hash, 'hex') });
  return {
    tables: manifest.tables.length,
    rows: manifest.tables.reduce((sum, table) => sum + table.rows, 0),
    originals: manifest.originals,
    auditHead: manifest.auditHead,
  };
}
