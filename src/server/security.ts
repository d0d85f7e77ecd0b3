/**
 * Secure headers and CSRF protection.
 *
 * Headers: CSP `default-src 'self'` with no inline script (nothing third-party may load: no CDN,
 * fonts or analytics can reveal who reads what), no framing, no referrer, HSTS only when the request
 * arrived over TLS (a plain-HTTP localhost install must stay reachable).
 *
 * CSRF (double submit): every /api response sets a random `attest_csrf` cookie if the client has
 * none; every state-changing request must echo it in `X-CSRF-Token`. Another site can neither read
 * the cookie nor add the header without a CORS preflight, which this server never grants. Combined
 * with SameSite=Strict cookies. A request that authenticates with an Authorization header and carries
 * no session cookie is exempt: browsers never add that header on their own.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import helmet from '@fastify/helmet';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Forbidden } from '../core/errors.ts';

export const CSRF_COOKIE = 'attest_csrf';
export const CSRF_HEADER = 'x-csrf-token';
export const SESSION_COOKIE = 'attest_session';
const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const PERMISSIONS_POLICY = [
  'accelerometer',
  'camera',
  'display-capture',
  'geolocation',
  'gyroscope',
  'hid',
  'magnetometer',
  'microphone',
  'midi',
  'payment',
  'publickey-credentials-get',
  'serial',
  'usb',
]
  .map((feature) => `${feature}=()`)
  .join(', ');

export async function registerSecureHeaders(app: FastifyInstance): Promise<void> {
  await app.register(helmet, {
    global: true,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        // 'wasm-unsafe-eval' lets same-origin scripts compile WebAssembly (libsodium, which seals a
        // public report in the browser); it does not allow eval() of JavaScript or any other origin.
        scriptSrc: ["'self'", "'wasm-unsafe-eval'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    referrerPolicy: { policy: 'no-referrer' },
    frameguard: { action: 'deny' },
    hsts: false,
    crossOriginResourcePolicy: { policy: 'same-origin' },
    crossOriginOpenerPolicy: { policy: 'same-origin' },
  });
  app.addHook('onSend', async (request, reply) => {
    // No page of ours uses these browser features; denying them means injected or embedded code
    // cannot use them either (a camera or a location would identify the person at the keyboard).
    reply.header('permissions-policy', PERMISSIONS_POLICY);
    if (request.protocol === 'https')
      reply.header('strict-transport-security', 'max-age=31536000; includeSubDomains');
    if (request.url.startsWith('/api/'))
      reply.header('cache-control', reply.getHeader('cache-control') ?? 'no-store');
  });
}

export function csrfCookieOptions(secure: boolean) {
  return { path: '/', sameSite: 'strict' as const, secure, httpOnly: false };
}

/** The CSRF token this client holds, issuing one (as a cookie) if it has none. */
export function csrfTokenFor(request: FastifyRequest, reply: FastifyReply): string {
  if (request.csrfToken) return request.csrfToken;
  const existing = request.cookies[CSRF_COOKIE];
  if (existing && /^[A-Za-z0-9_-]{32,64}$/.test(existing)) {
    request.csrfToken = existing;
    return existing;
  }
  const token = randomBytes(32).toString('base64url');
  reply.setCookie(CSRF_COOKIE, token, csrfCookieOptions(request.protocol === 'https'));
  request.csrfToken = token;
  return token;
}

function sameToken(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

declare module 'fastify' {
  interface FastifyRequest {
    csrfToken: string | null;
  }
}

export function registerCsrf(app: FastifyInstance): void {
  app.decorateRequest('csrfToken', null);
  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/api/')) return;
    if (!UNSAFE_METHODS.has(request.method)) {
      csrfTokenFor(request, reply);
      return;
    }
    const bearerOnly =
      typeof request.headers.authorization === 'string' && request.cookies[SESSION_COOKIE] === undefined;
    if (bearerOnly) return;
    const cookie = request.cookies[CSRF_COOKIE];
    const header = request.headers[CSRF_HEADER];
    if (!cookie || typeof header !== 'string' || !sameToken(cookie, header)) {
      throw new Forbidden(
        'CSRF token missing or wrong: send the attest_csrf cookie value in the X-CSRF-Token header',
      );
    }
  });
}
