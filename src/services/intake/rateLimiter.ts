/**
 * An in-process token bucket per key, for public intake and sign-in. The HTTP layer chooses the key
 * (e.g. a keyed hash of the client address held only in memory, never stored): the limiter itself
 * keeps nothing beyond counters, and forgets idle keys. Several servers each limit separately, which
 * multiplies the allowance by the number of servers — acceptable for abuse control, not for security.
 */
import { RateLimited } from '../../core/errors.ts';

export interface RateLimiterOptions {
  /** Burst size. */
  capacity: number;
  /** Tokens added per second. */
  refillPerSecond: number;
  /** Keys tracked at most; the oldest are dropped first so memory stays bounded under a flood. */
  maxKeys?: number;
  now?: () => number;
}

export interface RateLimiter {
  /** True if allowed (and consumes a token). */
  tryTake(key: string): boolean;
  /** Throws RateLimited when the key has no token left. */
  take(key: string): void;
  size(): number;
}

export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const now = options.now ?? (() => Date.now());
  const maxKeys = options.maxKeys ?? 100_000;
  const buckets = new Map<string, { tokens: number; at: number }>();
  const tryTake = (key: string) => {
    const time = now();
    const bucket = buckets.get(key) ?? { tokens: options.capacity, at: time };
    buckets.delete(key); // re-inserted below: Map order becomes least-recently-used first
    const tokens = Math.min(
      options.capacity,
      bucket.tokens + ((time - bucket.at) / 1000) * options.refillPerSecond,
    );
    const allowed = tokens >= 1;
    buckets.set(key, { tokens: allowed ? tokens - 1 : tokens, at: time });
    while (buckets.size > maxKeys) buckets.delete(buckets.keys().next().value!);
    return allowed;
  };
  return {
    tryTake,
    take(key) {
      if (!tryTake(key)) throw new RateLimited('too many requests; try again later');
    },
    size: () => buckets.size,
  };
}
