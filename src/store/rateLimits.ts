/**
 * Rate limits shared by every process on one database (migration 092): token buckets and fixed
 * windows, each taken with one atomic upsert, so two servers cannot both spend the last token. Keys
 * arrive already hashed (services/limits): no address is ever stored.
 */
import { randomBytes } from 'node:crypto';
import { type Queryable, toBytes } from './db.ts';

export function rateLimitsRepository(db: Queryable) {
  return {
    /** The installation's HMAC key for limit keys: made by the first process that asks. */
    async secret(): Promise<Uint8Array> {
      await db.query(
        "insert into limit_secrets (name, secret) values ('rate-limit', $1) on conflict (name) do nothing",
        [randomBytes(32)],
      );
      const rows = await db.query<{ secret: Uint8Array }>(
        "select secret from limit_secrets where name = 'rate-limit'",
      );
      const row = rows[0];
      if (!row) throw new Error('the rate-limit secret could not be stored');
      return toBytes(row.secret);
    },

    /**
     * Takes one token from the bucket (scope, key), refilled at `refillPerSecond` up to `capacity`
     * since its last use; true when there was one. The row lock of the upsert serialises takers.
     */
    async takeToken(scope: string, key: Uint8Array, capacity: number, refillPerSecond: number) {
      const rows = await db.query<{ allowed: boolean }>(
        `with now as (select clock_timestamp() as at)
         insert into rate_buckets as b (scope, key, tokens, updated_at, allowed)
         select $1, $2, $3::float8 - 1, now.at, true from now
         on conflict (scope, key) do update set
           tokens = case when least($3::float8, b.tokens + extract(epoch from excluded.updated_at - b.updated_at) * $4::float8) >= 1
                         then least($3::float8, b.tokens + extract(epoch from excluded.updated_at - b.updated_at) * $4::float8) - 1
                         else least($3::float8, b.tokens + extract(epoch from excluded.updated_at - b.updated_at) * $4::float8) end,
           allowed = least($3::float8, b.tokens + extract(epoch from excluded.updated_at - b.updated_at) * $4::float8) >= 1,
           updated_at = excluded.updated_at
         returning allowed`,
        [scope, key, capacity, refillPerSecond],
      );
      return rows[0]?.allowed === true;
    },

    /** Counts one hit in the key's window of `windowMs` (a new window once the last has ended). */
    async hitWindow(key: Uint8Array, windowMs: number): Promise<{ hits: number; resetsAt: Date }> {
      const rows = await db.query<{ hits: number; resets_at: Date }>(
        `insert into rate_windows as w (key, hits, resets_at)
         values ($1, 1, clock_timestamp() + $2::float8 * interval '1 millisecond')
         on conflict (key) do update set
           hits = case when w.resets_at <= clock_timestamp() then 1 else w.hits + 1 end,
           resets_at = case when w.resets_at <= clock_timestamp() then excluded.resets_at else w.resets_at end
         returning hits, resets_at`,
        [key, windowMs],
      );
      const row = rows[0];
      if (!row) throw new Error('the rate-limit window was not counted');
      return { hits: row.hits, resetsAt: new Date(row.resets_at) };
    },

    /** Forgets windows that ended and buckets idle for `idleMs` (full again by then). */
    async prune(idleMs: number): Promise<number> {
      const rows = await db.query<{ n: number }>(
        `with w as (delete from rate_windows where resets_at <= clock_timestamp() returning 1),
              b as (delete from rate_buckets where updated_at <= clock_timestamp() - $1::float8 * interval '1 millisecond' returning 1)
         select ((select count(*) from w) + (select count(*) from b))::int as n`,
        [idleMs],
      );
      return rows[0]?.n ?? 0;
    },
  };
}
