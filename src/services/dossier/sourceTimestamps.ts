/**
 * The hook for trusted timestamps (RFC 3161) of sources in a dossier. A timestamp authority's token
 * proves that a source's SHA-256 existed at a time no one in the organisation can change; the dossier
 * prints the authority and the time beside the hash where a source has one, and nothing otherwise.
 *
 * Until sources carry such tokens this finds none. The work that stores them fills this function in
 * (one read for the given sources); the dossier needs nothing else to show them.
 */
import type { Queryable } from '../../store/db.ts';

export interface SourceTimestamp {
  /** Who issued the token, as the token names it (the TSA's name). */
  authority: string;
  /** The time the authority put in the token (ISO 8601, UTC). */
  time: string;
}

export async function readSourceTimestamps(
  _db: Queryable,
  _sourceIds: readonly string[],
): Promise<Map<string, SourceTimestamp>> {
  return new Map();
}
