/**
 * Rate limits that hold across processes: several `attest serve` on one PostgreSQL share one
 * count, so switching server (or being switched by the proxy) buys no extra attempts. Each take
 * is one atomic upsert in the database (store/rateLimits.ts, migration 092); the same code runs on
 * PGlite, where one process owns the database anyway.
 *
 * Keys (a client address, "all sign-ins") are turned into an HMAC under a random key made once per
 * installation and kept in the database, so the tables never hold an address; idle rows are pruned.
 * Someone who has the whole database can still test a guessed address against a live row, which is
 * why rows live only as long as their window (docs/protection.md).
 */
import { createHmac } from 'node:crypto';
import { RateLimited } from '../../core/errors.ts';
import type { Db } from '../../store/db.ts';
import { rateLimitsRepository } from '../../store/rateLimits.ts';

export interface RateLimiterOptions {
  /** Burst size. */
  capacity: number;
  /** Tokens added per second. */
  refillPerSecond: number;
}

export interface RateLimiter {
  /** True if allowed (and consumes a token). */
  tryTake(key: string): Promise<boolean>;
  /** Throws RateLimited when the key has no token left. */
  take(key: string): Promise<void>;
}

/** How often (at most) a process deletes idle rows, and after how long a row is idle. */
const PRUNE_EVERY_MS = 60_000;
const IDLE_MS = 24 * 60 * 60 * 1000;

const secrets = new WeakMap<Db, Promise<Uint8Array>>();
const lastPrune = new WeakMap<Db, number>();

/** The HMAC of `key` under the installation's limit secret (fetched once per process). */
export async function limitKey(db: Db, scope: string, key: string): Promise<Uint8Array> {
  let secret = secrets.get(db);
  if (!secret) {
    secret = rateLimitsRepository(db).secret();
    secrets.set(db, secret);
    secret.catch(() => secrets.delete(db));
  }
  return createHmac('sha256', await secret)
    .update(scope)
    .update('\0')
    .update(key)
    .digest();
}

function pruneNowAndThen(db: Db): void {
  const now = Date.now();
  if (now - (lastPrune.get(db) ?? 0) < PRUNE_EVERY_MS) return;
  lastPrune.set(db, now);
  // Housekeeping: a failure here must not refuse or allow anything.
  rateLimitsRepository(db)
    .prune(IDLE_MS)
    .catch(() => {});
}

/** A token bucket per key in `scope`, shared by every process on the database. */
export function sharedRateLimiter(db: Db, scope: string, options: RateLimiterOptions): RateLimiter {
  if (!(options.capacity >= 1) || !(options.refillPerSecond > 0))
    throw new Error('a rate limit needs a capacity of at least 1 and a positive refill');
  const tryTake = async (key: string) => {
    pruneNowAndThen(db);
    const hashed = await limitKey(db, scope, key);
    return rateLimitsRepository(db).takeToken(scope, hashed, options.capacity, options.refillPerSecond);
  };
  return {
    tryTake,
    async take(key) {
      if (!(await tryTake(key)))
        throw new RateLimited('too many requests; try again later', Math.ceil(1 / options.refillPerSecond));
    },
  };
}

/** One hit in a fixed window per key (what @fastify/rate-limit counts), shared by every process. */
export async function hitSharedWindow(
  db: Db,
  key: string,
  windowMs: number,
): Promise<{ hits: number; resetsInMs: number }> {
  pruneNowAndThen(db);
  const hashed = await limitKey(db, 'window', key);
  const { hits, resetsAt } = await rateLimitsRepository(db).hitWindow(hashed, windowMs);
  return { hits, resetsInMs: Math.max(0, resetsAt.getTime() - Date.now()) };
}
