/**
 * Background jobs over HTTP: queue the ingest of an upload or a paste (the original is stored at
 * once, a worker decodes and extracts it), follow one's own job from any server, and, for
 * administrators, the queue's counts and dead letters and a retry.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { InvalidInput } from '../../core/errors.ts';
import { IdParams } from '../../core/validation.ts';
import { enqueueIngest } from '../../services/jobs/enqueueIngest.ts';
import type { JobQueue } from '../../services/jobs/jobQueue.ts';
import { jobFor, queueStatus, retryJob } from '../../services/jobs/jobs.ts';
import type { Store } from '../../services/store.ts';
import { actorOf } from '../auth.ts';
import {
  JobSchema,
  presentJob,
  presentQueueStatus,
  QueuedIngestSchema,
  QueueStatusSchema,
} from '../presenters/jobs.ts';
import { contract } from '../route.ts';
import { PasteBody, sourceInput } from './sources.ts';

export const jobRoutes: FastifyPluginAsyncZod<{
  store: Store;
  jobs: JobQueue;
  uploadLimitBytes: number;
}> = async (app, { store, jobs, uploadLimitBytes }) => {
  app.post(
    '/api/source-jobs',
    contract('source.create', {
      summary:
        'Preserve a source now and ingest it in the background: same body as POST /api/sources (not sealed); follow the job at /api/jobs/:id',
      tags: ['sources', 'jobs'],
      body: PasteBody,
      consumes: ['application/json', 'multipart/form-data'],
      response: { 202: QueuedIngestSchema, 200: QueuedIngestSchema },
      errors: [413, 415],
    }),
    async (request, reply) => {
      const actor = actorOf(request);
      const input = await sourceInput(
        request,
        uploadLimitBytes,
        app.multipartErrors.RequestFileTooLargeError,
      );
      const { sealed, compartment, ...fields } = input;
      if (sealed || compartment !== undefined)
        throw new InvalidInput(
          'body.sealed',
          'a sealed source is ingested at once (POST /api/sources): a worker holds no compartment key',
        );
      const queued = await enqueueIngest(
        store,
        jobs,
        { ...fields, capturedBy: actor.userId },
        { maxBytes: uploadLimitBytes },
      );
      return reply.status(queued.jobId ? 202 : 200).send({
        jobId: queued.jobId,
        sha256: queued.sha256,
        alreadyQueued: queued.alreadyQueued,
        existingSourceId: queued.existingSourceId,
      });
    },
  );

  app.get(
    '/api/jobs/:id',
    contract('signedIn', {
      summary: 'A job you queued (administrators: any job): its state, retries and result',
      tags: ['jobs'],
      params: IdParams,
      response: { 200: JobSchema },
      errors: [404],
    }),
    async (request) => presentJob(await jobFor(jobs, actorOf(request), request.params.id)),
  );

  app.get(
    '/api/jobs',
    contract('jobs.manage', {
      summary: 'The job queue: jobs per kind and state, and the dead letters (failed after every retry)',
      tags: ['jobs'],
      response: { 200: QueueStatusSchema },
    }),
    async () => presentQueueStatus(await queueStatus(jobs)),
  );

  app.post(
    '/api/jobs/:id/retry',
    contract('jobs.manage', {
      summary: 'Queue a failed job again (audited)',
      tags: ['jobs'],
      params: IdParams,
      response: { 200: JobSchema },
      errors: [404],
    }),
    async (request) => presentJob(await retryJob(store.db, jobs, actorOf(request), request.params.id)),
  );
};
