/**
 * One commit for a group of decoded files: the fixed costs of storing a file (the fsync of its
 * directory, a transaction, its fsync, a round trip per statement, the audit head's lock) are paid
 * once per group instead of once per file, while each file keeps the promise it had alone:
 *
 * 1. every original is written to a temporary file, fsynced and renamed under its hash; then each
 *    directory that changed is fsynced once. Only then may a row point at an original. A file whose
 *    original cannot be written fails alone; the others go on.
 * 2. the rows go in one transaction: one multi-row insert of the sources (skipping bytes another
 *    writer stored meanwhile), one chain segment of `source.create` audit entries in file order,
 *    and any OCR or media details. If that transaction fails, each file is tried again in a
 *    transaction of its own, so one row the database refuses never takes the others with it.
 *
 * A crash between 1 and 2 leaves originals no row points at: harmless, and reused by the next ingest
 * of the same bytes (as for a single file).
 */

import type { Store } from '../../store/openStore.ts';
import type { SourceMedia, SourceOcr } from '../../store/sourceScanDetails.ts';
import { sourceScanDetailsRepository } from '../../store/sourceScanDetails.ts';
import { type NewSource, type SourceRecord, sourcesRepository } from '../../store/sources.ts';
import { appendAuditMany } from '../audit/audit.ts';

export interface GroupSettings {
  /** Files in one commit at most. */
  max: number;
  /** How long the first file of a group waits for others before the group commits anyway. */
  waitMs: number;
}

/** About 100 news articles' rows make one transaction of a few hundred kilobytes. */
export const DEFAULT_GROUP: GroupSettings = { max: 100, waitMs: 50 };

export interface GroupItem {
  source: NewSource;
  bytes: Uint8Array;
  ocr: SourceOcr | null;
  media: SourceMedia | null;
}

export type GroupAnswer =
  | { kind: 'stored' }
  /** The same bytes were stored by another writer meanwhile: the winner's row (null if gone again). */
  | { kind: 'duplicate'; winner: SourceRecord | null }
  | { kind: 'failed'; error: unknown };

/** Stores a group of distinct originals and their rows; answers each item, in order. */
export async function commitGroup(store: Store, items: readonly GroupItem[]): Promise<GroupAnswer[]> {
  const answers: GroupAnswer[] = new Array(items.length);
  const written = await store.files.putMany(
    items.map((item) => ({ sha256: item.source.sha256, bytes: item.bytes })),
  );
  const ready: number[] = [];
  written.forEach((outcome, index) => {
    if (outcome instanceof Error) answers[index] = { kind: 'failed', error: outcome };
    else ready.push(index);
  });

  let inserted: boolean[] | null = null;
  try {
    inserted = await insertRows(
      store,
      ready.map((index) => items[index]!),
    );
  } catch {
    // One of the rows (or the transaction) failed: each file alone, so the others still land.
  }
  if (inserted) {
    ready.forEach((index, position) => {
      answers[index] = inserted[position] ? { kind: 'stored' } : { kind: 'duplicate', winner: null };
    });
  } else {
    for (const index of ready) {
      try {
        const [alone] = await insertRows(store, [items[index]!]);
        answers[index] = alone ? { kind: 'stored' } : { kind: 'duplicate', winner: null };
      } catch (error) {
        answers[index] = { kind: 'failed', error };
      }
    }
  }

  // Bytes another writer stored between the lookup and this commit: answered with its row.
  const lost = items.filter((_, index) => answers[index]?.kind === 'duplicate');
  if (lost.length > 0) {
    const winners = new Map(
      (await sourcesRepository(store.db).findBySha256s(lost.map((item) => item.source.sha256))).map((row) => [
        row.sha256,
        row,
      ]),
    );
    items.forEach((item, index) => {
      if (answers[index]?.kind === 'duplicate')
        answers[index] = { kind: 'duplicate', winner: winners.get(item.source.sha256) ?? null };
    });
  }
  return answers;
}

/** One transaction: the sources, their audit entries (in order) and scan details. */
function insertRows(store: Store, items: readonly GroupItem[]): Promise<boolean[]> {
  if (items.length === 0) return Promise.resolve([]);
  return store.db.transaction(async (tx) => {
    const inserted = await sourcesRepository(tx).insertManyUnlessPresent(items.map((item) => item.source));
    const created = items.filter((_, index) => inserted[index]);
    await appendAuditMany(
      tx,
      created.map(({ source }) => ({
        actor: source.capturedBy,
        action: 'source.create',
        recordType: 'source',
        recordId: source.id,
        // The hash identifies the original without revealing it; no name, title or text.
        details: {
          sha256: source.sha256,
          byteSize: source.byteSize,
          mediaType: source.mediaType,
          decoded: source.notDecoded === null,
        },
      })),
    );
    const details = sourceScanDetailsRepository(tx);
    for (const { source, ocr, media } of created) {
      if (ocr) await details.insertOcr(source.id, ocr);
      if (media) await details.insertMedia(source.id, media);
    }
    return inserted;
  });
}
