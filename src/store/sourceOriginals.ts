/** Which original each source row says it preserves: what fixity checking compares with the disk. */
import type { Queryable } from './db.ts';

export interface SourceOriginal {
  id: string;
  sha256: string;
  byteSize: number;
}

export async function listSourceOriginals(db: Queryable): Promise<SourceOriginal[]> {
  const rows = await db.query<{ id: string; sha256: string; byte_size: number }>(
    'select id, sha256, byte_size from sources order by sha256',
  );
  return rows.map((row) => ({ id: row.id, sha256: row.sha256, byteSize: Number(row.byte_size) }));
}
