/**
 * Who is calling, and may they call this route. The session token comes from the HttpOnly session
 * cookie (browsers) or an `Authorization: Bearer` header (scripts); `resumeSession` unwraps the
 * user's private key with it. The check runs at onRequest — before any body is read — so an
 * unauthenticated or forbidden upload is refused without buffering it. The private key is wiped
 * when the response has been sent.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Forbidden, InvalidInput, Unauthenticated } from '../core/errors.ts';
import type { Actor } from '../services/accounts/actor.ts';
import { releaseActor } from '../services/accounts/actor.ts';
import { resumeSession } from '../services/accounts/login.ts';
import { allows, describeAccess, type RouteAccess } from '../services/policies/index.ts';
import type { Db } from '../services/store.ts';
import { SESSION_COOKIE } from './security.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
  }
  interface FastifyRequest {
    actor: Actor | null;
  }
}

export function sessionTokenOf(request: FastifyRequest): string | null {
  const cookie = request.cookies[SESSION_COOKIE];
  if (cookie) return cookie;
  const header = request.headers.authorization;
  const match = typeof header === 'string' ? /^Bearer ([A-Za-z0-9_-]{20,100})$/.exec(header) : null;
  return match?.[1] ?? null;
}

/** The signed-in actor, or Unauthenticated. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new Unauthenticated('sign in first');
  return request.actor;
}

export function registerAccessControl(app: FastifyInstance, db: Db): void {
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (request) => {
    const access = request.routeOptions.config.access;
    if (access === undefined) return; // not a route of ours (404 handler, static files)
    if (access === 'public') return;
    const token = sessionTokenOf(request);
    if (!token) throw new Unauthenticated('sign in first');
    try {
      request.actor = await resumeSession(db, token);
    } catch (error) {
      // A malformed token is a failed sign-in like any other, not a client input error.
      if (error instanceof InvalidInput) throw new Unauthenticated('no such session; sign in again');
      throw error;
    }
    if (!allows(request.actor.role, access)) {
      throw new Forbidden(`a ${request.actor.role} may not do this (${describeAccess(access)})`);
    }
  });
  app.addHook('onResponse', async (request) => {
    if (request.actor) releaseActor(request.actor);
  });
}
