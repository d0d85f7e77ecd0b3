/** Sessions by token hash only; the token never reaches the database. */
import { type Queryable, toBytes } from './db.ts';

export interface SessionRow {
  userId: string;
  wrappedPrivateKey: Uint8Array;
  expiresAt: Date;
  revokedAt: Date | null;
}

export function sessionsRepository(db: Queryable) {
  return {
    async insert(
      tokenHash: Uint8Array,
      userId: string,
      wrappedPrivateKey: Uint8Array,
      expiresAt: Date,
    ): Promise<void> {
      await db.query(
        'insert into sessions (token_hash, user_id, wrapped_private_key, expires_at) values ($1, $2, $3, $4)',
        [tokenHash, userId, wrappedPrivateKey, expiresAt],
      );
    },
    async findByTokenHash(tokenHash: Uint8Array): Promise<SessionRow | null> {
      const rows = await db.query<{
        user_id: string;
        wrapped_private_key: Uint8Array;
        expires_at: Date;
        revoked_at: Date | null;
      }>('select user_id, wrapped_private_key, expires_at, revoked_at from sessions where token_hash = $1', [
        tokenHash,
      ]);
      const row = rows[0];
      return row
        ? {
            userId: row.user_id,
            wrappedPrivateKey: toBytes(row.wrapped_private_key),
            expiresAt: row.expires_at,
            revokedAt: row.revoked_at,
          }
        : null;
    },
    async revoke(tokenHash: Uint8Array, at: Date): Promise<void> {
      await db.query('update sessions set revoked_at = $2 where token_hash = $1 and revoked_at is null', [
        tokenHash,
        at,
      ]);
    },
    async deleteForUser(userId: string): Promise<void> {
      await db.query('delete from sessions where user_id = $1', [userId]);
    },
    /** Expired sessions are deleted, not kept: their wrapped keys have no further use. */
    async deleteExpired(now: Date): Promise<number> {
      const rows = await db.query<{ n: number }>(
        'with gone as (delete from sessions where expires_at <= $1 returning 1) select count(*)::int as n from gone',
        [now],
      );
      return rows[0]?.n ?? 0;
    },
  };
}
