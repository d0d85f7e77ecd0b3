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

import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CASE_TYPES } from '../../core/casework.ts';
import { Conflict, NotFound } from '../../core/errors.ts';
import { DISCARD_REASONS, MAX_REPORT_ATTACHMENT_BYTES } from '../../core/intakeReport.ts';
import { IdParams } from '../../core/validation.ts';
import { organisationName } from '../../services/accounts/accounts.ts';
import {
  countNewSubmissions,
  findSubmission,
  listSubmissions,
  openSubmission,
  organisationIntakeKey,
  storeSealedSubmission,
} from '../../services/intake/intake.ts';
import {
  convertSubmission,
  discardSubmission,
  reportStatusByReference,
  triageSubmission,
} from '../../services/intake/work.ts';
import { type RateLimiterOptions, sharedRateLimiter } from '../../services/limits/rateLimits.ts';
import type { Store } from '../../services/store.ts';
import { actorOf } from '../auth.ts';
import {
  IntakeKeySchema,
  intakeKeyId,
  OpenedSubmissionSchema,
  presentIntakeKey,
  presentOpenedSubmission,
  presentSubmission,
  SubmissionListSchema,
  SubmissionSchema,
} from '../presenters/intake.ts';
import { contract } from '../route.ts';

/**
 * A long written account plus attachments up to MAX_REPORT_ATTACHMENT_BYTES: base64 inside the sealed
 * JSON and base64 again around the seal make 16/9 of the raw size, plus room for the text.
 */
export const INTAKE_BODY_LIMIT = Math.ceil((MAX_REPORT_ATTACHMENT_BYTES * 16) / 9) + 512 * 1024;

/** A few reports in a row, then one every 12 minutes, per client. */
export const DEFAULT_INTAKE_LIMIT: RateLimiterOptions = { capacity: 5, refillPerSecond: 1 / 720 };
/** A few checks in a row, then one a minute, per client: enough for a reporter, useless for guessing. */
const DEFAULT_STATUS_LIMIT: RateLimiterOptions = { capacity: 5, refillPerSecond: 1 / 60 };

const SubmitBody = z.strictObject({
  sealed: z.base64('expected base64').min(1).max(INTAKE_BODY_LIMIT),
  keyId: z.string().max(64).optional().describe('the keyId the form sealed to, to detect a key change'),
});
const DiscardBody = z.strictObject({ reason: z.enum(DISCARD_REASONS) });
const ConvertBody = z.strictObject({
  person: z.boolean().optional().describe('create a protected person for the reporter (default: if named)'),
  case: z
    .strictObject({ type: z.enum(CASE_TYPES) })
    .optional()
    .describe('also open a case of this type for the reporter (in a compartment of its own)'),
});
const ReferenceBody = z.strictObject({ reference: z.string().trim().min(20).max(64) });
export const ReferenceStatus = z.object({ status: z.enum(['received', 'in-progress', 'closed']) });

export interface IntakeRoutesOptions {
  store: Store;
  rateLimit?: RateLimiterOptions;
}

export const intakeRoutes: FastifyPluginAsyncZod<IntakeRoutesOptions> = async (app, { store, rateLimit }) => {
  // Shared by every server on the database (the limiter stores an HMAC of the address, never the
  // address, and forgets it once idle: services/limits/rateLimits.ts).
  const limiter = sharedRateLimiter(store.db, 'intake', rateLimit ?? DEFAULT_INTAKE_LIMIT);

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
    async () =>
      presentIntakeKey(
        await intakeKey(store),
        (await organisationName(store.db)) ?? '',
        MAX_REPORT_ATTACHMENT_BYTES,
      ),
  );

  const submit = contract('public', {
    summary: 'Submit a report sealed in the browser (crypto_box_seal to the intake key); no account needed',
    description:
      'Send `Content-Type: application/json` and the CSRF token like any other state-changing request. ' +
      'Nothing about the sender (address, user agent) is stored; the arrival time is kept to the minute.',
    tags: ['intake'],
    body: SubmitBody,
    response: {
      202: z.object({ reference: z.string().describe('the reporter’s code to check the status later') }),
    },
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
        await limiter.take(request.ip);
      },
    },
    async (request, reply) => {
      const body = request.body;
      if (body.keyId !== undefined && body.keyId !== intakeKeyId(await intakeKey(store)))
        throw new Conflict('the organisation’s intake key has changed: reload the page and send again');
      const { reference } = await storeSealedSubmission(
        store.db,
        new Uint8Array(Buffer.from(body.sealed, 'base64')),
      );
      return reply.status(202).send({ reference });
    },
  );

  // Its own bucket: checking a status must not use up the reporter's sending allowance, and vice versa.
  const statusLimiter = sharedRateLimiter(store.db, 'intake-status', rateLimit ?? DEFAULT_STATUS_LIMIT);
  app.post(
    '/api/intake/status',
    {
      ...contract('public', {
        summary: 'A reporter checks their report with its reference code: received, in progress or closed',
        description: 'Nothing else about the report or the organisation’s work is revealed; rate-limited.',
        tags: ['intake'],
        body: ReferenceBody,
        response: { 200: ReferenceStatus },
        errors: [404, 429],
      }),
      logLevel: 'warn',
      onRequest: async (request) => {
        requireJson(request);
        await statusLimiter.take(request.ip);
      },
    },
    async (request) => {
      const { reference } = request.body;
      const status = await reportStatusByReference(store.db, reference);
      if (!status) throw new NotFound('report', 'with this reference');
      return { status };
    },
  );

  app.get(
    '/api/intake/counts',
    contract('intake.list', {
      summary: 'How many reports are new (for the navigation)',
      tags: ['intake'],
      response: { 200: z.object({ new: z.number().int() }) },
    }),
    async () => ({ new: await countNewSubmissions(store.db) }),
  );

  app.post(
    '/api/intake/:id/triage',
    contract('intake.triage', {
      summary: 'Mark a new report triaged (audited)',
      tags: ['intake'],
      params: IdParams,
      response: { 200: SubmissionSchema },
      errors: [404],
    }),
    async (request) => {
      const { id } = request.params;
      return presentSubmission(await triageSubmission(store.db, actorOf(request), id));
    },
  );

  app.post(
    '/api/intake/:id/discard',
    contract('intake.triage', {
      summary: 'Discard a report with a reason from a fixed list (audited)',
      tags: ['intake'],
      params: IdParams,
      body: DiscardBody,
      response: { 200: SubmissionSchema },
      errors: [404],
    }),
    async (request) => {
      const { id } = request.params;
      const { reason } = request.body;
      return presentSubmission(await discardSubmission(store.db, actorOf(request), id, reason));
    },
  );

  app.post(
    '/api/intake/:id/convert',
    contract('intake.convert', {
      summary: 'Turn a triaged report into a source and a protected person for the reporter, in one step',
      tags: ['intake'],
      params: IdParams,
      body: ConvertBody,
      response: { 200: SubmissionSchema },
      errors: [404, 409],
    }),
    async (request) => {
      const { id } = request.params;
      const body = request.body;
      return presentSubmission(await convertSubmission(store, actorOf(request), id, body));
    },
  );

  app.get(
    '/api/intake',
    contract('intake.list', {
      summary: 'Submissions received, oldest first: ids, arrival minute and status only',
      tags: ['intake'],
      response: { 200: SubmissionListSchema },
    }),
    async () => ({ items: (await listSubmissions(store.db)).map(presentSubmission) }),
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
      const { id } = request.params;
      const plaintext = await openSubmission(store.db, actorOf(request), id);
      try {
        return presentOpenedSubmission(await findSubmission(store.db, id), plaintext);
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
