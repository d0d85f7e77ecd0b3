/** Reviews of sources' suggestions: the queue is every source without a review row. */
import type { ListPage } from '../core/validation.ts';
import type { Queryable, SqlParam } from './db.ts';
import { type KeysetOrder, keysetPage, type ListSlice, type SortKey } from './keysetPage.ts';

export const SOURCE_SORTS = ['captured', 'published', 'title'] as const;
export interface SourceListFilter {
  reviewed?: boolean | undefined;
  language?: string | undefined;
  /** Published in [from, to]. */
  from?: string | undefined;
  to?: string | undefined;
  sort?: (typeof SOURCE_SORTS)[number] | undefined;
}
const id: SortKey = { sql: (s) => `${s}.id`, type: 'uuid' };
const capturedAt: SortKey = { sql: (s) => `${s}.captured_at`, type: 'timestamptz', descending: true };
// Every order ends on the id, so pages never overlap or skip a row between two requests. Each is
// read off an index (migration 096).
const SOURCE_ORDER: Record<(typeof SOURCE_SORTS)[number], KeysetOrder> = {
  captured: { name: 'sources:captured', table: 'sources', keys: [capturedAt, id] },
  published: {
    name: 'sources:published',
    table: 'sources',
    keys: [
      { sql: (s) => `${s}.published_on`, type: 'date', descending: true, nullsLast: true },
      capturedAt,
      id,
    ],
  },
  title: {
    name: 'sources:title',
    table: 'sources',
    keys: [{ sql: (s) => `lower(coalesce(${s}.title, ${s}.file_name))`, type: 'text' }, id],
    readBack: true,
  },
};

// The queue's order, oldest first, read backwards off sources_captured_order_idx (newest first, id).
const QUEUE_ORDER: KeysetOrder = {
  name: 'review:queue',
  table: 'sources',
  keys: [
    { ...capturedAt, descending: false },
    { ...id, descending: true },
  ],
};

export interface ReviewRecord {
  sourceId: string;
  incidentId: string | null;
  reviewedBy: string;
  reviewedAt: Date;
}

export interface QueueItem {
  sourceId: string;
  title: string | null;
  fileName: string;
  language: string;
  publishedOn: string | null;
  capturedAt: Date;
  capturedBy: string;
  counts: { events: number; claims: number; interventions: number };
}

export interface SourceListItem {
  id: string;
  title: string | null;
  fileName: string;
  mediaType: string;
  language: string;
  url: string | null;
  publishedOn: string | null;
  capturedBy: string;
  capturedAt: Date;
  byteSize: number;
  reviewed: boolean;
  counts: { events: number; claims: number; interventions: number };
  notDecoded: string | null;
  /** The compartment code of a sealed source (its title and file name are not in the row). */
  sealedCompartment: string | null;
}

/** How many events, claims and interventions a source's extraction suggested, read in SQL. */
const SUGGESTION_COUNTS = `jsonb_array_length(s.suggestions->'events')::int as events,
                  jsonb_array_length(s.suggestions->'claims')::int as claims,
                  jsonb_array_length(s.suggestions->'interventions')::int as interventions`;

interface SuggestionCountColumns {
  events: number;
  claims: number;
  interventions: number;
}

const suggestionCounts = ({ events, claims, interventions }: SuggestionCountColumns) => ({
  events,
  claims,
  interventions,
});

interface SourceListRow extends SuggestionCountColumns {
  id: string;
  title: string | null;
  file_name: string;
  media_type: string;
  language: string;
  url: string | null;
  published_on: string | null;
  captured_by: string;
  captured_at: Date;
  byte_size: number;
  reviewed: boolean;
  not_decoded_reason: string | null;
  sealed_compartment: string | null;
}

interface QueueRow extends SuggestionCountColumns {
  id: string;
  title: string | null;
  file_name: string;
  language: string;
  published_on: string | null;
  captured_at: Date;
  captured_by: string;
}

export function reviewsRepository(db: Queryable) {
  return {
    /**
     * Records the review; false when the source already had one. Run inside the review's transaction:
     * the primary key makes two reviewers racing on one source produce one review, not two incidents.
     */
    async insertUnlessReviewed(
      review: Omit<ReviewRecord, 'reviewedAt'> & { decisions: unknown },
      path = 1,
    ): Promise<boolean> {
      const rows = await db.query<{ source_id: string }>(
        `insert into source_reviews (source_id, incident_id, reviewed_by, decisions, path) values ($1, $2, $3, $4::jsonb, $5)
         on conflict (source_id, path) do nothing returning source_id`,
        [review.sourceId, review.incidentId, review.reviewedBy, JSON.stringify(review.decisions), path],
      );
      return rows.length === 1;
    },

    /** The review paths a source has taken so far: how many, and the incidents they went into. */
    async pathsOf(sourceId: string): Promise<{ count: number; incidentIds: string[] }> {
      const rows = await db.query<{ incident_id: string | null }>(
        'select incident_id from source_reviews where source_id = $1 order by path',
        [sourceId],
      );
      return {
        count: rows.length,
        incidentIds: rows.map((row) => row.incident_id).filter((id): id is string => id !== null),
      };
    },

    async findBySource(sourceId: string): Promise<ReviewRecord | null> {
      const rows = await db.query<{
        source_id: string;
        incident_id: string | null;
        reviewed_by: string;
        reviewed_at: Date;
      }>(
        'select source_id, incident_id, reviewed_by, reviewed_at from source_reviews where source_id = $1 order by path limit 1',
        [sourceId],
      );
      const row = rows[0];
      return row
        ? {
            sourceId: row.source_id,
            incidentId: row.incident_id,
            reviewedBy: row.reviewed_by,
            reviewedAt: row.reviewed_at,
          }
        : null;
    },

    /**
     * Unreviewed sources, oldest capture first: the queue is worked in arrival order. The total is
     * capped and the page may continue from a cursor (keysetPage.ts).
     */
    async queue(page: ListPage): Promise<ListSlice<QueueItem>> {
      const list = {
        from: 'sources s',
        alias: 's',
        where: ['not exists (select 1 from source_reviews r where r.source_id = s.id)'],
        params: [],
      };
      return keysetPage(db, list, QUEUE_ORDER, page, async (ids) => {
        const rows = await db.query<QueueRow>(
          `select s.id, s.title, s.file_name, s.language, s.published_on, s.captured_at, s.captured_by,
                  ${SUGGESTION_COUNTS}
             from unnest($1::uuid[]) with ordinality as p(id, n) join sources s on s.id = p.id
            order by p.n`,
          [ids],
        );
        return rows.map((row) => ({
          sourceId: row.id,
          title: row.title,
          fileName: row.file_name,
          language: row.language,
          publishedOn: row.published_on,
          capturedAt: row.captured_at,
          capturedBy: row.captured_by,
          counts: suggestionCounts(row),
        }));
      });
    },

    /**
     * Sources, newest capture first, with whether their suggestions have been reviewed. The total is
     * capped and the page may continue from a cursor (keysetPage.ts).
     */
    async listSources(filter: SourceListFilter, page: ListPage): Promise<ListSlice<SourceListItem>> {
      const params: SqlParam[] = [];
      const add = (value: SqlParam) => `$${params.push(value)}`;
      const where: string[] = [];
      if (filter.reviewed !== undefined)
        where.push(
          `${filter.reviewed ? '' : 'not '}exists (select 1 from source_reviews r where r.source_id = s.id)`,
        );
      if (filter.language) where.push(`s.language = ${add(filter.language)}`);
      if (filter.from) where.push(`s.published_on >= ${add(filter.from)}::date`);
      if (filter.to) where.push(`s.published_on <= ${add(filter.to)}::date`);
      const list = { from: 'sources s', alias: 's', where, params };
      return keysetPage(db, list, SOURCE_ORDER[filter.sort ?? 'captured'], page, async (ids) => {
        const rows = await db.query<SourceListRow>(
          `select s.id, s.title, s.file_name, s.media_type, s.language, s.url, s.published_on, s.captured_by, s.captured_at,
                  s.byte_size, s.not_decoded_reason,
                  (select c.code from compartments c where c.id = s.compartment_id) as sealed_compartment,
                  exists (select 1 from source_reviews r where r.source_id = s.id) as reviewed,
                  ${SUGGESTION_COUNTS}
             from unnest($1::uuid[]) with ordinality as p(id, n) join sources s on s.id = p.id
            order by p.n`,
          [ids],
        );
        return rows.map((row) => ({
          id: row.id,
          title: row.title,
          fileName: row.file_name,
          mediaType: row.media_type,
          language: row.language,
          url: row.url,
          publishedOn: row.published_on,
          capturedBy: row.captured_by,
          capturedAt: row.captured_at,
          byteSize: Number(row.byte_size),
          reviewed: row.reviewed,
          counts: suggestionCounts(row),
          notDecoded: row.not_decoded_reason,
          sealedCompartment: row.sealed_compartment,
        }));
      });
    },
  };
}
