/**
 * The store @fastify/rate-limit counts in: fixed windows in the database (services/limits), so a
 * client alternating between servers behind the proxy meets one limit, not one per server. The key
 * names the route as well as the client (rateLimitKey), so each route keeps its own counters, as
 * with the plugin's in-memory store.
 */
import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { FastifyRequest } from 'fastify';
import { hitSharedWindow } from '../services/limits/rateLimits.ts';
import type { Db } from '../services/store.ts';

/** Per route and client address; hashed before it is stored. */
export const rateLimitKey = (request: FastifyRequest): string =>
  `${request.method} ${request.routeOptions.url ?? request.url} ${request.ip}`;

export function sharedRateLimitStore(db: Db): FastifyRateLimitStoreCtor {
  return class SharedRateLimitStore implements FastifyRateLimitStore {
    incr(
      key: string,
      callback: (error: Error | null, result?: { current: number; ttl: number }) => void,
      timeWindow: number,
    ): void {
      hitSharedWindow(db, key, timeWindow).then(
        ({ hits, resetsInMs }) => callback(null, { current: hits, ttl: resetsInMs }),
        (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
      );
    }
    child(): FastifyRateLimitStore {
      return this;
    }
  };
}
