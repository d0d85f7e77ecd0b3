/**
 * The HTTP server: Fastify composed of one plugin per resource (registered below, in one place),
 * with secure headers, CSRF protection, access control at onRequest, one error mapping, OpenAPI from
 * the zod schemas, and the web app. `buildServer` does not listen: tests use `app.inject` or
 * `listen({ port: 0 })`, and `attest serve` listens on its configured address.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import cookie from '@fastify/cookie';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import Fastify, { type FastifyInstance } from 'fastify';
import { configurePasswordPool, type PasswordPoolOptions } from '../crypto/passwordPool.ts';
import type { KdfParams } from '../crypto/passwords.ts';
import {
  type CaptureSettings,
  DEFAULT_CAPTURE_SETTINGS,
  type TimestampSettings,
} from '../services/capture/captureSettings.ts';
import { inProcessQueue } from '../services/jobs/inProcessQueue.ts';
import { jobHandlers } from '../services/jobs/jobHandlers.ts';
import type { JobQueue } from '../services/jobs/jobQueue.ts';
import type { OcrSettings } from '../services/ocr/ocrSettings.ts';
import type { RouteAccess } from '../services/policies/index.ts';
import { type DecodePool, defaultDecodePool } from '../services/sources/decodeSandbox/decodePool.ts';
import { DEFAULT_MAX_FILE_BYTES } from '../services/sources/ingest.ts';
import type { Store } from '../store/openStore.ts';
import { registerAccessControl } from './auth.ts';
import { registerErrorHandler } from './errors.ts';
import { registerOpenApi } from './openapi.ts';
import { rateLimitKey, sharedRateLimitStore } from './rateLimitStore.ts';
import { registerValidation } from './route.ts';
import { accountAccessRoutes } from './routes/accountAccess.ts';
import { accountRoutes } from './routes/accounts.ts';
import { actRoutes } from './routes/acts.ts';
import { administrationRoutes } from './routes/administration.ts';
import { captureRoutes } from './routes/captures.ts';
import { caseRoutes } from './routes/cases.ts';
import { dossierRoutes } from './routes/dossier.ts';
import { draftRoutes } from './routes/drafts.ts';
import { editRoutes } from './routes/edits.ts';
import { estimateRoutes } from './routes/estimates.ts';
import { healthRoutes } from './routes/health.ts';
import { importRoutes } from './routes/imports.ts';
import { incidentRoutes } from './routes/incidents.ts';
import { intakeRoutes } from './routes/intake.ts';
import { involvementRoutes } from './routes/involvements.ts';
import { jobRoutes } from './routes/jobs.ts';
import { linkageRoutes } from './routes/linkage.ts';
import { personRoutes } from './routes/persons.ts';
import { referralRoutes } from './routes/referrals.ts';
import { reviewRoutes } from './routes/review.ts';
import { searchRoutes } from './routes/search.ts';
import { sourceScanRoutes } from './routes/sourceScans.ts';
import { sourceRoutes } from './routes/sources.ts';
import { statsRoutes } from './routes/stats.ts';
import { userRoleRoutes } from './routes/userRoles.ts';
import { userRoutes } from './routes/users.ts';
import { vocabularyRoutes } from './routes/vocabulary.ts';
import { registerCsrf, registerSecureHeaders } from './security.ts';
import { DEFAULT_WEB_DIST, registerWebApp } from './webApp.ts';

export const JSON_BODY_LIMIT = 1024 * 1024;

export interface ServerOptions {
  store: Store;
  /** Default 'warn': requests are not logged, failures are. */
  logLevel?: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  /** Largest accepted upload; default 100 MB (ATTEST_MAX_FILE_MB for the CLI). */
  uploadLimitBytes?: number;
  /** Where uploads are decoded (worker threads under limits); default: the process's shared pool. */
  decoder?: DecodePool;
  /** OCR's limits for uploads and page images; default: DEFAULT_OCR_SETTINGS. */
  ocrSettings?: OcrSettings;
  /** The built web app; null serves none. */
  webDist?: string | null;
  /**
   * Behind one TLS-terminating proxy: trust X-Forwarded-* from that one hop (so HSTS and Secure
   * cookies apply, and rate limits key on the address the proxy saw, not one the client wrote).
   */
  trustProxy?: boolean;
  /** Argon2id parameters for the first administrator (tests lower them). */
  kdfParams?: KdfParams;
  /** Sign-in and setup attempts per client per minute. */
  signInPerMinute?: number;
  /** Sign-in attempts per minute from all clients together (default 300). */
  signInGlobalPerMinute?: number;
  /** Bounds of the Argon2id worker pool (threads, queue, deadline); default 2 threads. */
  passwordHashing?: PasswordPoolOptions;
  /** Web capture (Chromium, limits, private addresses) and the time-stamping authority; default: none. */
  capture?: CaptureSettings;
  timestamps?: TimestampSettings;
  /** Where log lines go (default stdout); tests capture them to prove nothing sensitive is logged. */
  logStream?: NodeJS.WritableStream;
  /** The job queue (services/jobs); default: this process's own (right for PGlite and tests). */
  jobs?: JobQueue;
  /**
   * Whether this process runs jobs (default true). False (`attest serve --no-jobs`) when `attest
   * worker` processes do the work: the server then only queues and answers.
   */
  runJobs?: boolean;
  /** How many ingest jobs run at once in this process (default 2). */
  jobConcurrency?: number;
}

export interface RouteEntry {
  method: string;
  url: string;
  access: RouteAccess;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every API route with the access it declared: the source of the access-control matrix test. */
    routeTable: RouteEntry[];
  }
}

const version = (
  JSON.parse(readFileSync(resolve(import.meta.dirname, '../../package.json'), 'utf8')) as { version: string }
).version;

/** proxy-addr trust function: the peer that connected to us (hop 0) is our proxy; nothing beyond it. */
const trustOneHop = (_address: string, hop: number): boolean => hop === 0;

export async function buildServer(options: ServerOptions): Promise<FastifyInstance> {
  const { store } = options;
  const uploadLimitBytes = options.uploadLimitBytes ?? DEFAULT_MAX_FILE_BYTES;
  if (options.passwordHashing) configurePasswordPool(options.passwordHashing);
  const app = Fastify({
    bodyLimit: JSON_BODY_LIMIT,
    // Exactly one hop, never `true`: with `true` request.ip is the leftmost X-Forwarded-For entry,
    // which the client writes itself, so anyone could pick a fresh address per request and walk past
    // the sign-in and intake rate limits. Trusting only the immediate peer (hop 0, our own proxy) makes
    // request.ip the entry that proxy appended (the rightmost), which the client cannot choose, and
    // lets X-Forwarded-Proto from that proxy count. A bare number is no substitute: Fastify 5 then
    // trusts no peer at all, so HTTPS would go unrecognised and every client would share one bucket.
    trustProxy: options.trustProxy ? trustOneHop : false,
    logger: {
      level: options.logLevel ?? 'warn',
      ...(options.logStream ? { stream: options.logStream } : {}),
      // Never log credentials, tokens or query strings (a search for a victim's name is itself sensitive).
      redact: {
        paths: [
          'req.headers.cookie',
          'req.headers.authorization',
          'req.headers["x-csrf-token"]',
          'res.headers["set-cookie"]',
          'body',
          'password',
        ],
        censor: '[redacted]',
      },
      serializers: {
        req: (request: { method: string; url: string; id: string }) => ({
          id: request.id,
          method: request.method,
          path: request.url.split('?')[0],
        }),
      },
    },
  });

  app.decorate('routeTable', [] as RouteEntry[]);
  app.addHook('onRoute', (route) => {
    const url = route.url ?? route.path;
    if (!url.startsWith('/api')) return;
    const config = (route.config ?? {}) as { access?: RouteAccess };
    // The docs UI's own routes (HTML, JS, CSS, its JSON) are public documentation.
    if (config.access === undefined && url.startsWith('/api/docs'))
      route.config = { ...config, access: 'public' };
    const access = (route.config as { access?: RouteAccess } | undefined)?.access;
    if (access === undefined) throw new Error(`route ${String(route.method)} ${url} declares no access`);
    for (const method of [route.method].flat())
      if (method !== 'HEAD') app.routeTable.push({ method, url, access });
  });

  registerErrorHandler(app);
  await app.register(cookie);
  await registerSecureHeaders(app);
  registerCsrf(app);
  registerAccessControl(app, store.db);
  // Counted in the database, so every server behind the proxy shares one count per client.
  await app.register(rateLimit, {
    global: false,
    store: sharedRateLimitStore(store.db),
    keyGenerator: rateLimitKey,
  });
  await app.register(multipart, { limits: { fileSize: uploadLimitBytes, files: 1 } });
  registerValidation(app);
  await registerOpenApi(app, version);

  await app.register(healthRoutes, { store });
  await app.register(vocabularyRoutes);
  await app.register(accountRoutes, {
    store,
    kdfParams: options.kdfParams,
    signInPerMinute: options.signInPerMinute ?? 10,
    signInGlobalPerMinute: options.signInGlobalPerMinute ?? 300,
  });
  await app.register(userRoleRoutes, { store });
  await app.register(userRoutes, { store });
  await app.register(accountAccessRoutes, {
    store,
    kdfParams: options.kdfParams,
    signInPerMinute: options.signInPerMinute ?? 10,
  });
  await app.register(administrationRoutes, { store });
  await app.register(sourceRoutes, {
    store,
    uploadLimitBytes,
    decoder: options.decoder ?? defaultDecodePool(),
    ...(options.ocrSettings ? { ocrSettings: options.ocrSettings } : {}),
  });
  await app.register(sourceScanRoutes, {
    store,
    ...(options.ocrSettings ? { ocrSettings: options.ocrSettings } : {}),
  });
  const capture = options.capture ?? DEFAULT_CAPTURE_SETTINGS;
  const timestamps = options.timestamps ?? { tsaUrl: null, timeoutMs: 30_000, trustedCertificates: [] };
  const runJobs = options.runJobs ?? true;
  const jobs = options.jobs ?? inProcessQueue();
  await app.register(captureRoutes, {
    store,
    capture,
    // A server that runs no jobs leaves the stamping of originals to the workers.
    timestamps: runJobs ? timestamps : { ...timestamps, tsaUrl: null },
    decoder: options.decoder ?? defaultDecodePool(),
    queue: jobs,
  });
  await app.register(jobRoutes, { store, jobs, uploadLimitBytes });
  if (runJobs) {
    await jobs.work(
      jobHandlers({
        store,
        decoder: options.decoder ?? defaultDecodePool(),
        maxBytes: uploadLimitBytes,
        ocrSettings: options.ocrSettings,
        capture,
        timestamps,
      }),
      { concurrency: options.jobConcurrency ?? 2 },
    );
  }
  app.addHook('onClose', async () => {
    await jobs.stop();
  });
  await app.register(searchRoutes, { store });
  await app.register(reviewRoutes, { store });
  await app.register(incidentRoutes, { store });
  await app.register(dossierRoutes, { store });
  await app.register(actRoutes, { store });
  await app.register(editRoutes, { store });
  await app.register(draftRoutes, { store });
  await app.register(importRoutes, { store });
  await app.register(statsRoutes, { store });
  await app.register(estimateRoutes, { store });
  await app.register(intakeRoutes, { store });
  await app.register(personRoutes, { store });
  await app.register(involvementRoutes, { store });
  await app.register(caseRoutes, { store });
  await app.register(referralRoutes, { store });
  await app.register(linkageRoutes, { store });
  await registerWebApp(app, options.webDist === undefined ? DEFAULT_WEB_DIST : options.webDist);
  return app;
}
