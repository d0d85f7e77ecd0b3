/** Preserved sources: one row per distinct original (SHA-256), with its text and suggestions. */
import type { Suggestions } from '../core/suggestions.ts';
import type { Queryable } from './db.ts';
import { searchConfigFor } from './searchConfig.ts';

/** How much of a source's text ranks it: about a news lead paragraph. */
export const LEAD_CHARACTERS = 1000;

export interface NewSource {
  id: string;
  sha256: string;
  byteSize: number;
  mediaType: string;
  encoding: string | null;
  fileName: string;
  title: string | null;
  url: string | null;
  publishedOn: string | null;
  language: string;
  text: string;
  capturedBy: string;
  suggestions: Suggestions;
  warnings: string[];
  /** Which decoding limit the file was over ("PDF has more than 5000 pages"); null when decoded. */
  notDecoded: string | null;
}

export interface SourceRecord extends NewSource {
  capturedAt: Date;
  originReliability: string | null;
  contentReliability: number | null;
  /** The compartment a sealed source belongs to; null for an unsealed one (migration 061). */
  compartmentId: string | null;
}

interface SourceRow {
  id: string;
  sha256: string;
  byte_size: number;
  media_type: string;
  encoding: string | null;
  file_name: string;
  title: string | null;
  url: string | null;
  published_on: string | null;
  language: string;
  text: string;
  captured_by: string;
  captured_at: Date;
  origin_reliability: string | null;
  content_reliability: number | null;
  suggestions: Suggestions;
  warnings: string[];
  not_decoded_reason: string | null;
  compartment_id: string | null;
}

const toRecord = (row: SourceRow): SourceRecord => ({
  id: row.id,
  sha256: row.sha256,
  byteSize: row.byte_size,
  mediaType: row.media_type,
  encoding: row.encoding,
  fileName: row.file_name,
  title: row.title,
  url: row.url,
  publishedOn: row.published_on,
  language: row.language,
  text: row.text,
  capturedBy: row.captured_by,
  capturedAt: row.captured_at,
  originReliability: row.origin_reliability,
  contentReliability: row.content_reliability,
  suggestions: row.suggestions,
  warnings: row.warnings,
  notDecoded: row.not_decoded_reason,
  compartmentId: row.compartment_id,
});

export function sourcesRepository(db: Queryable) {
  return {
    /** Inserts the source unless the same bytes are already stored; says which happened. */
    async insertUnlessPresent(source: NewSource): Promise<{ id: string; duplicate: boolean }> {
      const inserted = await db.query<{ id: string }>(
        `insert into sources (id, sha256, byte_size, media_type, encoding, file_name, title, url, published_on,
           language, text, search_config, search, search_lead, captured_by, suggestions, warnings, not_decoded_reason)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12::regconfig,
           setweight(to_tsvector($12::regconfig, coalesce($7, '')), 'A') || setweight(to_tsvector($12::regconfig, $11), 'B'),
           setweight(to_tsvector($12::regconfig, coalesce($7, '')), 'A')
             || setweight(to_tsvector($12::regconfig, left($11, ${LEAD_CHARACTERS})), 'B'),
           $13, $14::jsonb, $15::jsonb, $16)
         on conflict (sha256) do nothing
         returning id`,
        [
          source.id,
          source.sha256,
          source.byteSize,
          source.mediaType,
          source.encoding,
          source.fileName,
          source.title,
          source.url,
          source.publishedOn,
          source.language,
          source.text,
          searchConfigFor(source.language),
          source.capturedBy,
          JSON.stringify(source.suggestions),
          JSON.stringify(source.warnings),
          source.notDecoded,
        ],
      );
      if (inserted[0]) return { id: inserted[0].id, duplicate: false };
      const existing = await db.query<{ id: string }>('select id from sources where sha256 = $1', [
        source.sha256,
      ]);
      return { id: existing[0]!.id, duplicate: true };
    },

    /**
     * Inserts several sources in one statement (the same columns and search vectors as
     * insertUnlessPresent); those whose bytes are already stored are skipped. Answers, in order,
     * whether each was inserted. The caller's sources have distinct hashes.
     */
    async insertManyUnlessPresent(sources: readonly NewSource[]): Promise<boolean[]> {
      if (sources.length === 0) return [];
      // One JSON document for the whole group: serialised natively (no array literal escaped per
      // text) and parsed once by the server; suggestions and warnings stay nested, not re-quoted.
      const rows = sources.map((source) => ({
        id: source.id,
        sha256: source.sha256,
        byte_size: source.byteSize,
        media_type: source.mediaType,
        encoding: source.encoding,
        file_name: source.fileName,
        title: source.title,
        url: source.url,
        published_on: source.publishedOn,
        language: source.language,
        text: source.text,
        config: searchConfigFor(source.language),
        captured_by: source.capturedBy,
        suggestions: source.suggestions,
        warnings: source.warnings,
        not_decoded: source.notDecoded,
      }));
      const inserted = await db.query<{ sha256: string }>(
        `insert into sources (id, sha256, byte_size, media_type, encoding, file_name, title, url, published_on,
           language, text, search_config, search, search_lead, captured_by, suggestions, warnings, not_decoded_reason)
         select r.id, r.sha256, r.byte_size, r.media_type, r.encoding, r.file_name, r.title, r.url, r.published_on,
           r.language, r.text, r.config, t.title || setweight(to_tsvector(r.config, r.text), 'B'),
           t.title || setweight(to_tsvector(r.config, left(r.text, ${LEAD_CHARACTERS})), 'B'),
           r.captured_by, r.suggestions, r.warnings, r.not_decoded
         from json_to_recordset($1::json) as r(id uuid, sha256 text, byte_size bigint, media_type text,
           encoding text, file_name text, title text, url text, published_on date, language text, text text,
           config regconfig, captured_by text, suggestions jsonb, warnings jsonb, not_decoded text)
         cross join lateral (select setweight(to_tsvector(r.config, coalesce(r.title, '')), 'A') as title) as t
         on conflict (sha256) do nothing
         returning sha256`,
        [JSON.stringify(rows)],
      );
      const stored = new Set(inserted.map((row) => row.sha256));
      return sources.map((source) => stored.has(source.sha256));
    },

    async findBySha256(sha256: string): Promise<SourceRecord | null> {
      const rows = await db.query<SourceRow>('select * from sources where sha256 = $1', [sha256]);
      return rows[0] ? toRecord(rows[0]) : null;
    },

    /** The stored sources among these hashes (in no particular order): one round trip for a group. */
    async findBySha256s(sha256s: readonly string[]): Promise<SourceRecord[]> {
      if (sha256s.length === 0) return [];
      const rows = await db.query<SourceRow>('select * from sources where sha256 = any($1::text[])', [
        [...sha256s],
      ]);
      return rows.map(toRecord);
    },

    async findById(id: string): Promise<SourceRecord | null> {
      const rows = await db.query<SourceRow>('select * from sources where id = $1', [id]);
      return rows[0] ? toRecord(rows[0]) : null;
    },

    async count(): Promise<number> {
      const rows = await db.query<{ n: number }>('select count(*)::int as n from sources');
      return rows[0]!.n;
    },
  };
}
