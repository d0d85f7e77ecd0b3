/**
 * The two envelopes of a sealed source (meta: title, file name, URL, the original's file key;
 * content: text, suggestions, warnings), sealed under the compartment's key and bound to the source's
 * id. Kept apart from sealedSources.ts so that key rotation (compartments/reseal.ts) can re-seal them
 * without depending on the ingest and read paths.
 */
import type { Suggestions } from '../../core/suggestions.ts';
import { openText, type SymmetricKey, sealText } from '../../crypto/seal.ts';
import type { Queryable } from '../../store/db.ts';
import { type SealedEnvelopes, sealedSourcesRepository } from '../../store/sealedSources.ts';

/** What the `meta` envelope holds. */
export interface SealedMeta {
  title: string | null;
  fileName: string;
  url: string | null;
  /** The original's file key, base64. */
  fileKey: string;
}

/** What the `content` envelope holds. */
export interface SealedContent {
  text: string;
  suggestions: Suggestions;
  warnings: string[];
}

const context = (id: string, field: 'meta' | 'content') => ({ recordType: 'source', recordId: id, field });

export function sealFields(key: SymmetricKey, id: string, meta: SealedMeta, content: SealedContent) {
  return {
    sealedMeta: sealText(key, JSON.stringify(meta), context(id, 'meta')),
    sealedContent: sealText(key, JSON.stringify(content), context(id, 'content')),
  };
}

export function openMeta(
  ring: (keyId: string) => SymmetricKey | undefined,
  row: SealedEnvelopes,
): SealedMeta {
  return JSON.parse(openText(ring, row.sealedMeta, context(row.id, 'meta'))) as SealedMeta;
}

export function openContent(
  ring: (keyId: string) => SymmetricKey | undefined,
  row: SealedEnvelopes,
): SealedContent {
  return JSON.parse(openText(ring, row.sealedContent, context(row.id, 'content'))) as SealedContent;
}

/** Key rotation: every sealed source of the compartment re-sealed under the new key (in its transaction). */
export async function resealSealedSources(
  tx: Queryable,
  compartmentId: string,
  ring: (keyId: string) => SymmetricKey | undefined,
  newKey: SymmetricKey,
): Promise<number> {
  const sealedSources = sealedSourcesRepository(tx);
  const rows = await sealedSources.allOf(compartmentId);
  for (const row of rows) {
    const { sealedMeta, sealedContent } = sealFields(
      newKey,
      row.id,
      openMeta(ring, row),
      openContent(ring, row),
    );
    await sealedSources.replaceEnvelopes(row.id, sealedMeta, sealedContent);
  }
  return rows.length;
}
