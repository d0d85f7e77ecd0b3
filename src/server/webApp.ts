/**
 * The built React app (web/dist) at `/`, with index.html for any non-API path the app routes itself.
 * Without a build, `/` says how to make one instead of failing mysteriously.
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { NotFound } from '../core/errors.ts';

export const DEFAULT_WEB_DIST = resolve(import.meta.dirname, '../../web/dist');

const NOT_BUILT = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Attest</title></head>
<body><h1>Attest</h1><p>The web application has not been built. Run <code>npm run build:web</code> and restart the server.</p>
<p>The API is up: see <a href="/api/docs">/api/docs</a>.</p></body></html>
`;

export async function registerWebApp(app: FastifyInstance, webDist: string | null): Promise<void> {
  const built = webDist !== null && existsSync(join(webDist, 'index.html'));
  if (built) {
    await app.register(fastifyStatic, {
      root: webDist,
      prefix: '/',
      wildcard: false,
      index: ['index.html'],
      // Hashed asset names may be cached for long; index.html must be re-read to pick up a new build.
      setHeaders: (reply, path) => {
        reply.header(
          'cache-control',
          path.endsWith('index.html') ? 'no-cache' : 'public, max-age=31536000, immutable',
        );
      },
    });
  } else {
    app.get('/', { schema: { hide: true } }, async (_request, reply) =>
      reply.type('text/html; charset=utf-8').send(NOT_BUILT),
    );
  }
  app.setNotFoundHandler(async (request, reply) => {
    const path = request.url.split('?')[0]!;
    if (path === '/api' || path.startsWith('/api/') || request.method !== 'GET' || !built) {
      throw new NotFound('route', `${request.method} ${path}`);
    }
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
}
