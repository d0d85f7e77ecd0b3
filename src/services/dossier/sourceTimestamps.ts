/**
 * Trusted timestamps (RFC 3161) of sources in a dossier. A timestamp authority's token proves that a
 * source's SHA-256 existed at a time no one in the organisation can change; the dossier prints the
 * authority and the time beside the hash where a source's original has a verified token (stored only
 * after its signature, imprint and nonce checked: services/timestamps/), and nothing otherwise.
 */
import type { Queryable } from '../../store/db.ts';
import { sourcesRepository } from '../../store/sources.ts';
import { timestampsRepository } from '../../store/timestamps.ts';

export interface SourceTimestamp {
  /** Who issued the token, as the token names it (the TSA's name). */
  authority: string;
  /** The time the authority put in the token (ISO 8601, UTC). */
  time: string;
}

export async function readSourceTimestamps(
  db: Queryable,
  sourceIds: readonly string[],
): Promise<Map<string, SourceTimestamp>> {
  const hashes = new Map<string, string>();
  for (const id of sourceIds) {
    const source = await sourcesRepository(db).findById(id);
    if (source) hashes.set(source.sha256, id);
  }
  const found = new Map<string, SourceTimestamp>();
  for (const record of await timestampsRepository(db).forOriginals([...hashes.keys()])) {
    const sourceId = hashes.get(record.sha256);
    if (sourceId && record.status === 'stamped' && record.stampedAt && record.authority)
      found.set(sourceId, { authority: record.authority, time: record.stampedAt.toISOString() });
  }
  return found;
}
