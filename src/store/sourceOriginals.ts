/** Which original each source row says it preserves: what fixity checking compares with the disk. */
import type { Queryable } from './db.ts';

export interface SourceOriginal {
  id: string;
  sha256: string;
  byteSize: number;
}

/** Every source's original, and every file a web capture preserved beside it (by its source's id). */
export async function listSourceOriginals(db: Queryable): Promise<SourceOriginal[]> {
  const rows = await db.query<{ id: string; sha256: string; byte_size: number }>(
    // A sealed source's file is its encrypted original, stored under that file's own SHA-256; a web
    // capture adds the files it preserved beside the main document.
    `select id, coalesce(sealed_original, sha256) as sha256, coalesce(sealed_original_size, byte_size) as byte_size
       from sources
     union
     select c.source_id as id, f.sha256, f.byte_size
       from capture_files f join source_captures c on c.id = f.capture_id
      where f.sha256 <> (select s.sha256 from sources s where s.id = c.source_id)
      order by 2`,
  );
  return rows.map((row) => ({ id: row.id, sha256: row.sha256, byteSize: Number(row.byte_size) }));
}
