/**
 * The one place typed errors become HTTP statuses. Bodies are `{ error, message, field? }`; an
 * unexpected error answers 500 with no detail, and is logged without its message (a database error
 * message can quote the value it choked on).
 */

import type { FastifyError, FastifyInstance } from 'fastify';
import {
  type AttestError,
  Conflict,
  Forbidden,
  InvalidInput,
  isAttestError,
  NotFound,
  RateLimited,
  StorageUnavailable,
  Unauthenticated,
  UsageError,
  VersionConflict,
} from '../core/errors.ts';
import { BrowserUnavailable } from '../services/capture/captureErrors.ts';

export interface ErrorBody {
  error: string;
  message: string;
  field?: string;
  /** On a version conflict: the record as it is now, for the editor to compare with theirs. */
  current?: { id: string; version: number; fields: Record<string, unknown> };
}

const STATUS: Array<[new (...args: never[]) => AttestError, number]> = [
  [InvalidInput, 400],
  [UsageError, 400],
  [Unauthenticated, 401],
  [Forbidden, 403],
  [NotFound, 404],
  [Conflict, 409],
  [RateLimited, 429],
  [StorageUnavailable, 503],
  [BrowserUnavailable, 503],
];

export function statusOf(error: AttestError): number {
  return STATUS.find(([type]) => error instanceof type)?.[1] ?? 500;
}

// Fastify's own client errors (body too large, bad JSON, wrong media type…) keep their status.
const FASTIFY_CODES: Record<number, string> = {
  400: 'invalid_input',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  406: 'not_acceptable',
  409: 'conflict',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
};

export function errorResponse(error: unknown): { status: number; body: ErrorBody } {
  if (isAttestError(error)) {
    const body: ErrorBody = { error: error.code, message: error.message };
    if (error instanceof InvalidInput) body.field = error.field;
    if (error instanceof VersionConflict) body.current = error.current;
    return { status: statusOf(error), body };
  }
  const fastifyError = error as Partial<FastifyError>;
  const status = fastifyError.statusCode;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return {
      status,
      body: { error: FASTIFY_CODES[status] ?? 'client_error', message: clientMessage(fastifyError, status) },
    };
  }
  return { status: 500, body: { error: 'internal', message: 'internal error' } };
}

function clientMessage(error: Partial<FastifyError>, status: number): string {
  if (status === 413) return 'request body too large';
  if (error.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error instanceof SyntaxError)
    return 'body: not valid JSON';
  if (error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') return 'body: empty JSON body';
  return error.message ?? 'bad request';
}

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => {
    const { status, body } = errorResponse(error);
    if (status >= 500) {
      const stack = error instanceof Error ? (error.stack ?? '').split('\n').slice(1, 8).join('\n') : '';
      request.log.error(
        {
          errorName: error instanceof Error ? error.name : typeof error,
          code: (error as { code?: unknown }).code,
          stack,
        },
        'request failed',
      );
    }
    if (status === 429 && !reply.hasHeader('retry-after'))
      reply.header(
        'retry-after',
        String(error instanceof RateLimited ? (error.retryAfterSeconds ?? 60) : 60),
      );
    return reply.status(status).send(body);
  });
}
