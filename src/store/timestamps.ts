/** RFC 3161 tokens per original (by SHA-256), and the queue of originals still waiting for one. */
import type { Queryable } from './db.ts';

export interface TimestampRecord {
  sha256: string;
  status: 'pending' | 'stamped';
  queuedAt: Date;
  attempts: number;
  nextAttemptAt: Date;
  lastError: string | null;
  tsaUrl: string | null;
  token: Uint8Array | null;
  stampedAt: Date | null;
  authority: string | null;
}

interface TimestampRow {
  sha256: string;
  status: 'pending' | 'stamped';
  queued_at: Date;
  attempts: number;
  next_attempt_at: Date;
  last_error: string | null;
  tsa_url: string | null;
  token: Uint8Array | null;
  stamped_at: Date | null;
  authority: string | null;
}

const toRecord = (row: TimestampRow): TimestampRecord => ({
  sha256: row.sha256,
  status: row.status,
  queuedAt: row.queued_at,
  attempts: Number(row.attempts),
  nextAttemptAt: row.next_attempt_at,
  lastError: row.last_error,
  tsaUrl: row.tsa_url,
  token: row.token ? new Uint8Array(row.token) : null,
  stampedAt: row.stamped_at,
  authority: row.authority,
});

export function timestampsRepository(db: Queryable) {
  return {
    /** Queues every original (source or capture file) that has no row yet; returns how many. */
    async enqueueUnstamped(): Promise<number> {
      const rows = await db.query<{ sha256: string }>(
        `insert into original_timestamps (sha256)
         select sha256 from sources union select sha256 from capture_files
         on conflict (sha256) do nothing
         returning sha256`,
      );
      return rows.length;
    },

    /** Pending originals whose next attempt is due (all pending ones when `everyPending`), oldest first. */
    async due(now: Date, everyPending: boolean, limit: number): Promise<TimestampRecord[]> {
      const rows = await db.query<TimestampRow>(
        `select * from original_timestamps
         where status = 'pending' and ($1::boolean or next_attempt_at <= $2)
         order by queued_at, sha256 limit $3`,
        [everyPending, now, limit],
      );
      return rows.map(toRecord);
    },

    async markStamped(
      sha256: string,
      stamp: { tsaUrl: string; token: Uint8Array; stampedAt: Date; authority: string },
    ): Promise<void> {
      await db.query(
        `update original_timestamps set status = 'stamped', attempts = attempts + 1, last_error = null,
           tsa_url = $2, token = $3, stamped_at = $4, authority = $5
         where sha256 = $1 and status = 'pending'`,
        [sha256, stamp.tsaUrl, Buffer.from(stamp.token), stamp.stampedAt, stamp.authority],
      );
    },

    async markFailed(sha256: string, error: string, nextAttemptAt: Date): Promise<void> {
      await db.query(
        `update original_timestamps set attempts = attempts + 1, last_error = $2, next_attempt_at = $3
         where sha256 = $1 and status = 'pending'`,
        [sha256, error, nextAttemptAt],
      );
    },

    async forOriginals(sha256s: readonly string[]): Promise<TimestampRecord[]> {
      if (sha256s.length === 0) return [];
      const rows = await db.query<TimestampRow>('select * from original_timestamps where sha256 = any($1)', [
        [...sha256s],
      ]);
      return rows.map(toRecord);
    },

    async countPending(): Promise<number> {
      const rows = await db.query<{ n: number }>(
        "select count(*)::int as n from original_timestamps where status = 'pending'",
      );
      return Number(rows[0]!.n);
    },
  };
}
