/** Sealed public submissions: bytes and arrival time, deliberately nothing else about the sender. */
import { type Queryable, toBytes } from './db.ts';

export function intakeRepository(db: Queryable) {
  return {
    async insert(id: string, sealed: Uint8Array): Promise<void> {
      // received_at is truncated to the minute: finer timing would help correlate a submitter with
      // network logs kept elsewhere.
      await db.query(
        "insert into intake_submissions (id, sealed, received_at) values ($1, $2, date_trunc('minute', now()))",
        [id, sealed],
      );
    },
    async findById(id: string): Promise<{ id: string; sealed: Uint8Array; receivedAt: Date } | null> {
      const rows = await db.query<{ id: string; sealed: Uint8Array; received_at: Date }>(
        'select id, sealed, received_at from intake_submissions where id = $1',
        [id],
      );
      const row = rows[0];
      return row ? { id: row.id, sealed: toBytes(row.sealed), receivedAt: row.received_at } : null;
    },
    async list(): Promise<Array<{ id: string; receivedAt: Date }>> {
      const rows = await db.query<{ id: string; received_at: Date }>(
        'select id, received_at from intake_submissions order by received_at, id',
      );
      return rows.map((row) => ({ id: row.id, receivedAt: row.received_at }));
    },
  };
}
