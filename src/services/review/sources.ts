/**
 * Sources as the review desk sees them: the list with review state, one source with its review, and
 * its preserved original. (Ingest itself is services/sources/ingest.ts.)
 */
import { NotFound } from '../../core/errors.ts';
import type { Queryable } from '../../store/db.ts';
import type { Store } from '../../store/openStore.ts';
import { reviewsRepository, SOURCE_SORTS, type SourceListFilter } from '../../store/reviews.ts';

export type { QueueItem, ReviewRecord, SourceListItem } from '../../store/reviews.ts';
export type { SourceRecord } from '../../store/sources.ts';
export { SOURCE_SORTS };

import type { Page } from '../../core/validation.ts';
import { sourcesRepository } from '../../store/sources.ts';

export function listSources(db: Queryable, filter: SourceListFilter, page: Page) {
  return reviewsRepository(db).listSources(filter, page);
}

export async function getSource(db: Queryable, id: string) {
  const source = await sourcesRepository(db).findById(id);
  if (!source) throw new NotFound('source', id);
  const review = await reviewsRepository(db).findBySource(id);
  return { source, review };
}

/** The preserved bytes exactly as received, with what a download needs to name them. */
export async function sourceOriginal(store: Store, id: string) {
  const source = await sourcesRepository(store.db).findById(id);
  if (!source) throw new NotFound('source', id);
  if (!store.files.has(source.sha256)) throw new NotFound('original of source', id);
  return {
    bytes: store.files.get(source.sha256),
    mediaType: source.mediaType,
    fileName: source.fileName,
    sha256: source.sha256,
  };
}
