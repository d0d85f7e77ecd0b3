/**
 * Sources as the review desk sees them: the list with review state, one source with its review, and
 * its preserved original. (Ingest itself is services/sources/ingest.ts.)
 */
import { Forbidden, NotFound } from '../../core/errors.ts';
import type { Db, Queryable } from '../../store/db.ts';
import type { Store } from '../../store/openStore.ts';
import { reviewsRepository, SOURCE_SORTS, type SourceListFilter } from '../../store/reviews.ts';

export type { QueueItem, ReviewRecord, SourceListItem } from '../../store/reviews.ts';
export type { SourceRecord } from '../../store/sources.ts';
export { SOURCE_SORTS };

import type { ListPage } from '../../core/validation.ts';
import { type SourceRecord, sourcesRepository } from '../../store/sources.ts';
import type { Actor } from '../accounts/actor.ts';
import { openSealedSource, sealedSourceOriginal } from '../sources/sealedSources.ts';

/** A source as its reader may see it: a sealed one opened for a member (audited), else refused. */
export async function readableSource(
  db: Db,
  id: string,
  reader: Actor | null,
  purpose: 'read' | 'review' = 'read',
): Promise<SourceRecord & { compartment?: string }> {
  const source = await sourcesRepository(db).findById(id);
  if (!source) throw new NotFound('source', id);
  if (source.compartmentId === null) return source;
  if (!reader) throw new Forbidden('sealed source: sign in as a member of its compartment to read it');
  return openSealedSource(db, reader, id, purpose);
}

export function listSources(db: Queryable, filter: SourceListFilter, page: ListPage) {
  return reviewsRepository(db).listSources(filter, page);
}

export async function getSource(
  db: Db,
  id: string,
  reader: Actor | null,
  purpose: 'read' | 'review' = 'read',
) {
  const source = await readableSource(db, id, reader, purpose);
  const review = await reviewsRepository(db).findBySource(id);
  return { source, review };
}

/** The preserved bytes exactly as received, with what a download needs to name them. */
export async function sourceOriginal(store: Store, id: string, reader: Actor | null) {
  const source = await sourcesRepository(store.db).findById(id);
  if (!source) throw new NotFound('source', id);
  if (source.compartmentId !== null) {
    if (!reader) throw new Forbidden('sealed source: sign in as a member of its compartment to read it');
    return sealedSourceOriginal(store, reader, id);
  }
  if (!store.files.has(source.sha256)) throw new NotFound('original of source', id);
  return {
    bytes: store.files.get(source.sha256),
    mediaType: source.mediaType,
    fileName: source.fileName,
    sha256: source.sha256,
  };
}
