/** Web capture as a job (start, follow), a source's captures and files, and timestamp tokens. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams, Uuid } from '../../core/validation.ts';
import { captureJobs } from '../../services/capture/captureJobs.ts';
import type { CaptureSettings, TimestampSettings } from '../../services/capture/captureSettings.ts';
import { queuedCaptures } from '../../services/capture/queuedCaptures.ts';
import { captureFileOf, getSourceCaptures, timestampTokenOf } from '../../services/capture/sourceCaptures.ts';
import type { JobQueue } from '../../services/jobs/jobQueue.ts';
import type { DecodePool } from '../../services/sources/decodeSandbox/decodePool.ts';
import type { Store } from '../../services/store.ts';
import { startTimestampLoop } from '../../services/timestamps/timestampLoop.ts';
import { actorOf } from '../auth.ts';
import { downloadHeaders } from '../download.ts';
import {
  CaptureJobSchema,
  presentCaptureJob,
  presentSourceCaptures,
  SourceCapturesSchema,
} from '../presenters/captures.ts';
import { contract } from '../route.ts';

const CaptureBody = z.strictObject({ url: z.string().trim().min(1, 'empty URL').max(2_000) });
const FileParams = z.strictObject({
  id: Uuid,
  hash: z.string().regex(/^[0-9a-f]{64}$/, 'expected a SHA-256 in lowercase hex'),
});

const EXTENSIONS: Record<string, string> = {
  'image/png': 'png',
  'application/pdf': 'pdf',
  'multipart/related': 'mhtml',
  'application/json': 'json',
  'text/html': 'html',
};

export const captureRoutes: FastifyPluginAsyncZod<{
  store: Store;
  capture: CaptureSettings;
  timestamps: TimestampSettings;
  decoder: DecodePool;
  /** The shared queue: on PostgreSQL captures go through it, so any server can follow any capture. */
  queue: JobQueue;
}> = async (app, { store, capture, timestamps, decoder, queue }) => {
  const stamping = startTimestampLoop(store, timestamps);
  const jobs =
    queue.engine === 'postgres'
      ? queuedCaptures(queue, capture)
      : captureJobs(store, capture, { decoder, onCaptured: () => stamping.nudge() });
  app.addHook('onClose', async () => {
    await jobs.close();
    await stamping.stop();
  });

  app.post(
    '/api/captures',
    contract('source.create', {
      summary:
        'Capture a web page: starts a job (one at a time) and answers at once; follow it at /api/captures/:id',
      tags: ['sources'],
      body: CaptureBody,
      response: { 202: CaptureJobSchema },
      errors: [429, 503],
    }),
    async (request, reply) => {
      const { url } = request.body;
      const job = await jobs.start(url, actorOf(request).userId);
      return reply.status(202).send(presentCaptureJob(job));
    },
  );

  app.get(
    '/api/captures/:id',
    contract('source.create', {
      summary: 'A capture job you started: its state and step, the source once done, the reason if it failed',
      tags: ['sources'],
      params: IdParams,
      response: { 200: CaptureJobSchema },
      errors: [404],
    }),
    async (request) => {
      const { id } = request.params;
      return presentCaptureJob(await jobs.get(id, actorOf(request).userId));
    },
  );

  app.get(
    '/api/sources/:id/captures',
    contract('source.read', {
      summary:
        "A source's web captures (URLs, redirects, status, browser) with their preserved files and timestamps",
      tags: ['sources'],
      params: IdParams,
      response: { 200: SourceCapturesSchema },
      errors: [404],
    }),
    async (request) => {
      const { id } = request.params;
      const found = await getSourceCaptures(store, id);
      return presentSourceCaptures(found.sha256, found.captures, found.timestamps);
    },
  );

  app.get(
    '/api/sources/:id/files/:hash',
    contract('source.read', {
      summary:
        'Download one file a capture preserved (screenshot, PDF, MHTML, headers, document), by SHA-256',
      tags: ['sources'],
      params: FileParams,
      response: { 200: null },
      errors: [404],
    }),
    async (request, reply) => {
      const { id, hash: sha256 } = request.params;
      const file = await captureFileOf(store, id, sha256);
      const fileName = `${file.role}-${sha256.slice(0, 12)}.${EXTENSIONS[file.mediaType] ?? 'bin'}`;
      return reply
        .headers(downloadHeaders({ mediaType: file.mediaType, fileName, sha256 }))
        .send(Buffer.from(file.bytes));
    },
  );

  app.get(
    '/api/sources/:id/files/:hash/timestamp',
    contract('source.read', {
      summary: 'Download the RFC 3161 time-stamp token of one original (DER; `openssl ts -verify -token_in`)',
      tags: ['sources'],
      params: FileParams,
      response: { 200: null },
      errors: [404],
    }),
    async (request, reply) => {
      const { id, hash: sha256 } = request.params;
      const token = await timestampTokenOf(store, id, sha256);
      return reply
        .headers(
          downloadHeaders({ mediaType: 'application/octet-stream', fileName: `${sha256}.tst`, sha256 }),
        )
        .send(Buffer.from(token));
    },
  );
};
