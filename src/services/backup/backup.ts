/**
 * `attest backup`: an online, consistent backup through the open store. Every table is dumped inside
 * one repeatable-read transaction (one snapshot, while others keep writing); the originals are added
 * after it: they are immutable and written before any row that names them, so every original the
 * snapshot refers to is on disk. One gzip'd tar file with a manifest of SHA-256s, written atomically.
 */
import { createHash } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { Conflict, InvalidInput } from '../../core/errors.ts';
import { writeArchive } from '../../store/backupArchive.ts';
import type { Store } from '../../store/openStore.ts';
import { tableDump } from '../../store/tableDump.ts';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  type BackupManifest,
  MANIFEST_ENTRY,
  originalEntry,
} from './manifest.ts';

/** Rows are cut into entries of about this size, so no table has to fit in memory. */
const CHUNK_BYTES = 4 * 1024 * 1024;

export interface BackupReport {
  file: string;
  tables: number;
  rows: number;
  originals: number;
  bytes: number;
  auditHead: { seq: number; hash: string };
}

export async function backupStore(
  store: Store,
  file: string,
  onProgress?: (done: number, total: number) => void,
): Promise<BackupReport> {
  if (existsSync(file)) throw new Conflict(`backup ${file} already exists; choose a new file name`);
  const archive = writeArchive(file);
  const entries: BackupManifest['entries'] = [];
  const add = async (path: string, bytes: Uint8Array) => {
    await archive.add(path, bytes);
    entries.push({ path, size: bytes.byteLength, sha256: createHash('sha256').update(bytes).digest('hex') });
  };
  try {
    const snapshot = await store.db.transaction(async (tx) => {
      await tx.query('set transaction isolation level repeatable read');
      const dump = tableDump(tx);
      const tables: BackupManifest['tables'] = [];
      for (const table of await dump.tables()) {
        const chunks: string[] = [];
        let rows = 0;
        let lines: string[] = [];
        let size = 0;
        const flush = async () => {
          const path = `db/${table.name}/${String(chunks.length + 1).padStart(6, '0')}.jsonl`;
          await add(path, Buffer.from(`${lines.join('\n')}\n`, 'utf8'));
          chunks.push(path);
          lines = [];
          size = 0;
        };
        for await (const batch of dump.rows(table.name)) {
          for (const row of batch) {
            lines.push(row);
            size += row.length;
            rows += 1;
            if (size >= CHUNK_BYTES) await flush();
          }
        }
        if (lines.length > 0) await flush();
        tables.push({ name: table.name, rows, chunks });
      }
      const [head] = await tx.query<{ seq: number; hash: Uint8Array }>(
        'select seq, hash from audit_chain_head where id',
      );
      return {
        tables,
        migrations: await dump.appliedMigrations(),
        sequences: await dump.sequences(),
        auditHead: {
          seq: Number(head?.seq ?? 0),
          hash: Buffer.from(head?.hash ?? new Uint8Array(32)).toString('hex'),
        },
      };
    });
    const originals = store.files.list();
    let done = 0;
    for (const sha of originals) {
      const path = store.files.path(sha);
      const size = statSync(path).size;
      const hash = createHash('sha256');
      await archive.addFile(originalEntry(sha), path, size, (chunk) => hash.update(chunk));
      const actual = hash.digest('hex');
      // A damaged original must not travel as if it were sound: stop and let `attest verify` name it.
      if (actual !== sha)
        throw new InvalidInput(
          `original ${originalEntry(sha)}`,
          'its bytes no longer match its SHA-256 (damaged on disk); run attest verify',
        );
      entries.push({ path: originalEntry(sha), size, sha256: sha });
      done += 1;
      onProgress?.(done, originals.length);
    }
    const manifest: BackupManifest = {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      createdAt: new Date().toISOString(),
      backend: store.db.kind,
      ...snapshot,
      originals: originals.length,
      entries,
    };
    await archive.add(MANIFEST_ENTRY, Buffer.from(`${JSON.stringify(manifest)}\n`, 'utf8'));
    await archive.finish();
    return {
      file,
      tables: snapshot.tables.length,
      rows: snapshot.tables.reduce((sum, table) => sum + table.rows, 0),
      originals: originals.length,
      bytes: statSync(file).size,
      auditHead: snapshot.auditHead,
    };
  } catch (error) {
    archive.abort();
    throw error;
  }
}
