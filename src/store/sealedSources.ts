/**
 * The sealed part of sealed sources (migration 061): a row with the neutral columns any source has
 * and the envelopes only compartment members open. Plaintext never reaches these queries.
 */
import { type Queryable, toBytes } from './db.ts';
import { searchConfigFor } from './searchConfig.ts';

/** Where a sealed file name, title and text stand in the neutral columns. */
export const SEALED_FILE_NAME = 'sealed';

export interface NewSealedSource {
  id: string;
  sha256: string;
  byteSize: number;
  mediaType: string;
  encoding: string | null;
  publishedOn: string | null;
  language: string;
  capturedBy: string;
  notDecoded: string | null;
  compartmentId: string;
  sealedMeta: Uint8Array;
  sealedContent: Uint8Array;
  sealedOriginal: string;
  sealedOriginalSize: number;
}

export interface SealedEnvelopes {
  id: string;
  compartmentId: string;
  sealedMeta: Uint8Array;
  sealedContent: Uint8Array;
  sealedOriginal: string;
}

interface EnvelopeRow {
  id: string;
  compartment_id: string;
  sealed_meta: Uint8Array;
  sealed_content: Uint8Array;
  sealed_original: string;
}

const toEnvelopes = (row: EnvelopeRow): SealedEnvelopes => ({
  id: row.id,
  compartmentId: row.compartment_id,
  sealedMeta: toBytes(row.sealed_meta),
  sealedContent: toBytes(row.sealed_content),
  sealedOriginal: row.sealed_original,
});

export function sealedSourcesRepository(db: Queryable) {
  return {
    /** Inserts unless the same original is already stored (sealed or not); says which happened. */
    async insertUnlessPresent(source: NewSealedSource): Promise<{ id: string; duplicate: boolean }> {
      // The suggestions column holds only the language and date: the counts stay in the envelope.
      const neutralSuggestions = {
        language: source.language,
        published: source.publishedOn,
        pii: [],
        events: [],
        claims: [],
        interventions: [],
      };
      const inserted = await db.query<{ id: string }>(
        `insert into sources (id, sha256, byte_size, media_type, encoding, file_name, title, url, published_on,
           language, text, search_config, search, search_lead, captured_by, suggestions, warnings, not_decoded_reason,
           compartment_id, sealed_meta, sealed_content, sealed_original, sealed_original_size)
         values ($1, $2, $3, $4, $5, $6, null, null, $7, $8, '', $9::regconfig, ''::tsvector, ''::tsvector, $10, $11::jsonb, '[]'::jsonb,
           $12, $13, $14, $15, $16, $17)
         on conflict (sha256) do nothing
         returning id`,
        [
          source.id,
          source.sha256,
          source.byteSize,
          source.mediaType,
          source.encoding,
          SEALED_FILE_NAME,
          source.publishedOn,
          source.language,
          searchConfigFor(source.language),
          source.capturedBy,
          JSON.stringify(neutralSuggestions),
          source.notDecoded,
          source.compartmentId,
          source.sealedMeta,
          source.sealedContent,
          source.sealedOriginal,
          source.sealedOriginalSize,
        ],
      );
      if (inserted[0]) return { id: inserted[0].id, duplicate: false };
      const existing = await db.query<{ id: string }>('select id from sources where sha256 = $1', [
        source.sha256,
      ]);
      return { id: existing[0]!.id, duplicate: true };
    },

    async findEnvelopes(id: string): Promise<SealedEnvelopes | null> {
      const rows = await db.query<EnvelopeRow>(
        `select id, compartment_id, sealed_meta, sealed_content, sealed_original
           from sources where id = $1 and compartment_id is not null`,
        [id],
      );
      return rows[0] ? toEnvelopes(rows[0]) : null;
    },

    /** The compartment of a sealed source; null when the source is not sealed (or does not exist). */
    async compartmentOf(id: string): Promise<string | null> {
      const rows = await db.query<{ compartment_id: string | null }>(
        'select compartment_id from sources where id = $1',
        [id],
      );
      return rows[0]?.compartment_id ?? null;
    },

    /** The newest sealed sources of these compartments, envelopes included (for members' search). */
    async newestOf(compartmentIds: string[], limit: number): Promise<SealedEnvelopes[]> {
      if (compartmentIds.length === 0) return [];
      const rows = await db.query<EnvelopeRow>(
        `select id, compartment_id, sealed_meta, sealed_content, sealed_original
           from sources where compartment_id = any($1::uuid[])
          order by captured_at desc, id limit $2`,
        [compartmentIds, limit],
      );
      return rows.map(toEnvelopes);
    },

    async countOf(compartmentIds: string[]): Promise<number> {
      if (compartmentIds.length === 0) return 0;
      const rows = await db.query<{ n: number }>(
        'select count(*)::int as n from sources where compartment_id = any($1::uuid[])',
        [compartmentIds],
      );
      return rows[0]!.n;
    },

    /** Every sealed source of one compartment (key rotation re-seals them all). */
    async allOf(compartmentId: string): Promise<SealedEnvelopes[]> {
      const rows = await db.query<EnvelopeRow>(
        `select id, compartment_id, sealed_meta, sealed_content, sealed_original
           from sources where compartment_id = $1 order by id`,
        [compartmentId],
      );
      return rows.map(toEnvelopes);
    },

    async replaceEnvelopes(id: string, sealedMeta: Uint8Array, sealedContent: Uint8Array): Promise<void> {
      await db.query('update sources set sealed_meta = $2, sealed_content = $3 where id = $1', [
        id,
        sealedMeta,
        sealedContent,
      ]);
    },
  };
}
