/**
 * Public intake over HTTP: anyone may fetch the organisation's public key and post a submission the
 * browser has already sealed to it; members allowed by the policy list and open them.
 *
 * The two public routes are built so that nothing about the sender is kept: the rate limiter is keyed
 * by an HMAC of the client address under a key that lives only in this process's memory (never the
 * address itself, never written anywhere), and these routes log at `warn` so even a server run at
 * `info` writes no per-request line — a timestamped log line would undo the minute-truncated
 * `received_at` and could be matched against a network operator's logs.
 */
import { createHmac, randomBytes } from 'node:crypto';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { Conflict, NotFound } from '../../core/errors.ts';
import { openSubmission, organisationIntakeKey, storeSealedSubmission } from '../../services/intake.ts';
import { createRateLimiter, type RateLimiterOptions } from '../../services/intakeRateLimiter.ts';
import { intakeRepository } from '../../store/intakeRepository.ts';
import type { Store } from '../../store/openStore.ts';
import { actorOf } from '../auth.ts';
import {
  IntakeKeySchema,
  intakeKeyId,
  OpenedSubmissionSchema,
  presentIntakeKey,
  presentOpenedSubmission,
  presentSubmission,
  SubmissionListSchema,
} from '../presenters/intake.ts';
import { contract, parseBody, parseParams } from '../route.ts';

/** Enough for a long written account (~190 KB of text once base64 and the seal are added). */
export const INTAKE_BODY_LIMIT = 256 * 1024;

/** A few reports in a row, then one every 12 minutes, per client. */
export const DEFAULT_INTAKE_LIMIT: RateLimiterOptions = { capacity: 5, refillPerSecond: 1 / 720 };

const SubmitBody = z.strictObject({
  sealed: z.base64('expected base64').min(1).max(INTAKE_BODY_LIMIT),
  keyId: z.string().max(64).optional().describe('the keyId the form sealed to, to detect a key change'),
});
const IdParams = z.strictObject({ id: z.uuid('expected a UUID') });

export interface IntakeRoutesOptions {
  store: Store;
  rateLimit?: RateLimiterOptions;
}

export const intakeRoutes: FastifyPluginAsync<IntakeRoutesOptions> = async (app, { store, rateLimit }) => {
  const limiter = createRateLimiter(rateLimit ?? DEFAULT_INTAKE_LIMIT);
  // Regenerated on every start and never stored, so the limiter's keys cannot be turned back into
  // addresses from anything on disk.
  const addressKey = randomBytes(32);
  const clientKey = (request: FastifyRequest) =>
    createHmac('sha256', addressKey).update(request.ip).digest('base64url');

  app.get(
    '/api/intake/key',
    {
      ...contract('public', {
        summary: 'The organisation’s public key that the report form seals submissions to',
        tags: ['intake'],
        response: { 200: IntakeKeySchema },
        errors: [404],
      }),
      logLevel: 'warn',
    },
    async () => presentIntakeKey(await intakeKey(store)),
  );

  const submit = contract('public', {
    summary: 'Submit a report sealed in the browser (crypto_box_seal to the intake key); no account needed',
    description:
      'Send `Content-Type: application/json` and the CSRF token like any other state-changing request. ' +
      'Nothing about the sender (address, user agent) is stored; the arrival time is kept to the minute.',
    tags: ['intake'],
    body: SubmitBody,
    response: { 202: null },
    errors: [409, 413, 415, 429],
  });
  app.post(
    '/api/intake',
    {
      ...submit,
      bodyLimit: INTAKE_BODY_LIMIT,
      logLevel: 'warn',
      // Before the body is read: a flood or a form post in disguise costs us no buffering.
      onRequest: async (request) => {
        requireJson(request);
        limiter.take(clientKey(request));
      },
    },
    async (request, reply) => {
      const body = parseBody(SubmitBody, request);
      if (body.keyId !== undefined && body.keyId !== intakeKeyId(await intakeKey(store)))
        throw new Conflict('the organisation’s intake key has changed: reload the page and send again');
      await storeSealedSubmission(store.db, new Uint8Array(Buffer.from(body.sealed, 'base64')));
      return reply.status(202).send();
    },
  );

  app.get(
    '/api/intake',
    contract('intake.list', {
      summary: 'Submissions received, oldest first: ids and arrival minute only',
      tags: ['intake'],
      response: { 200: SubmissionListSchema },
    }),
    async () => ({ items: (await intakeRepository(store.db).list()).map(presentSubmission) }),
  );

  app.post(
    '/api/intake/:id/open',
    contract('intake.open', {
      summary: 'Decrypt one submission (needs the organisation key; every opening is audited)',
      tags: ['intake'],
      params: IdParams,
      response: { 200: OpenedSubmissionSchema },
      errors: [404],
    }),
    async (request) => {
      const { id } = parseParams(IdParams, request);
      const plaintext = await openSubmission(store.db, actorOf(request), id);
      try {
        const submission = await intakeRepository(store.db).findById(id);
        if (!submission) throw new NotFound('submission', id);
        return presentOpenedSubmission(submission, plaintext);
      } finally {
        plaintext.fill(0);
      }
    },
  );
};

async function intakeKey(store: Store): Promise<Uint8Array> {
  try {
    return await organisationIntakeKey(store.db);
  } catch (error) {
    if (error instanceof NotFound) throw new NotFound('intake key', 'this installation is not set up yet');
    throw error;
  }
}

/**
 * Only JSON is accepted: a page on another site can send text/plain or a form without asking, but not
 * application/json (that needs a CORS preflight this server never grants).
 */
function requireJson(request: FastifyRequest): void {
  const type = request.headers['content-type'] ?? '';
  if (!/^application\/json\s*(;|$)/i.test(type))
    throw new UnsupportedMediaType('content-type: expected application/json');
}

/** Shaped like Fastify's own client errors, which errors.ts passes through with their status. */
class UnsupportedMediaType extends Error {
  override readonly name = 'UnsupportedMediaType';
  readonly statusCode = 415;
}
