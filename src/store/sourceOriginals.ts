/** Which original each source row says it preserves: what fixity checking compares with the disk. */
import type { Queryable } from './db.ts';

export interface SourceOriginal {
  id: string;
  sha256: string;
  byteSize: number;
}

export async function listSourceOriginals(db: Queryable): Promise<SourceOriginal[]> {
  const rows = await db.query<{ id: string; sha256: string; byte_size: number }>(
    // A sealed source's file is its encrypted original, stored under that file's own SHA-256.
    `select id, coalesce(sealed_original, sha256) as sha256, coalesce(sealed_original_size, byte_size) as byte_size
       from sources order by 2`,
  );
  return rows.map((row) => ({ id: row.id, sha256: row.sha256, byteSize: Number(row.byte_size) }));
}
