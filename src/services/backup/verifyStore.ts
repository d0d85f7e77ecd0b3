/**
 * `attest verify`: fixity, as archives check it. Every preserved original is read back and re-hashed
 * against its source row (SHA-256 and size); rows and files are cross-checked both ways; temporary
 * files left by interrupted writes are removed; the audit chain is verified against its anchor.
 * Problems (a row without its original, an original whose bytes changed, a broken audit chain) fail
 * the check. An original no row names is reported but not a problem: a crash between writing an
 * original and committing its row leaves one, and the next ingest of the same file reuses it.
 */
import type { Store } from '../../store/openStore.ts';
import { listSourceOriginals } from '../../store/sourceOriginals.ts';
import { type AuditVerdict, verifyStoreAudit } from '../audit/audit.ts';
import { originalEntry } from './manifest.ts';

export interface FixityProblem {
  kind: 'missing-original' | 'altered-original' | 'audit';
  message: string;
  sourceId?: string;
  sha256?: string;
}

export interface FixityReport {
  ok: boolean;
  sources: number;
  originals: number;
  problems: FixityProblem[];
  /** Originals on disk that no source row names (SHA-256s). */
  unreferenced: string[];
  /** Stale temporary files removed (paths under files/). */
  cleaned: string[];
  audit: AuditVerdict;
}

export async function verifyStore(
  store: Store,
  onProgress?: (done: number, total: number) => void,
): Promise<FixityReport> {
  const cleaned = store.files.staleTemporaries();
  store.files.removeTemporaries(cleaned);
  const rows = await listSourceOriginals(store.db);
  const onDisk = store.files.list();
  const problems: FixityProblem[] = [];
  let done = 0;
  for (const row of rows) {
    const where = `source ${row.id}: original ${originalEntry(row.sha256)}`;
    if (!store.files.has(row.sha256)) {
      problems.push({
        kind: 'missing-original',
        sourceId: row.id,
        sha256: row.sha256,
        message: `${where} is missing`,
      });
    } else {
      const actual = await store.files.rehash(row.sha256);
      if (actual.sha256 !== row.sha256)
        problems.push({
          kind: 'altered-original',
          sourceId: row.id,
          sha256: row.sha256,
          message: `${where} has changed: its bytes now hash to ${actual.sha256}`,
        });
      else if (actual.byteSize !== row.byteSize)
        problems.push({
          kind: 'altered-original',
          sourceId: row.id,
          sha256: row.sha256,
          message: `${where} is ${actual.byteSize} bytes; the row says ${row.byteSize}`,
        });
    }
    done += 1;
    onProgress?.(done, rows.length);
  }
  const named = new Set(rows.map((row) => row.sha256));
  const audit = await verifyStoreAudit(store);
  if (!audit.ok)
    problems.push({
      kind: 'audit',
      message: `audit chain broken at entry ${audit.firstBadEntry}: ${audit.reason}`,
    });
  return {
    ok: problems.length === 0,
    sources: new Set(rows.map((row) => row.id)).size,
    originals: onDisk.length,
    problems,
    unreferenced: onDisk.filter((sha) => !named.has(sha)),
    cleaned,
    audit,
  };
}
