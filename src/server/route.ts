/**
 * How a route states its contract: the access it needs (checked by auth.ts, listed by the matrix
 * test) and its zod schemas (parsed in the handler, published in OpenAPI).
 */
import type { FastifyRequest, FastifySchema } from 'fastify';
import type { z } from 'zod';
import { parseWith } from '../core/validation.ts';
import { describeAccess, type RouteAccess } from '../services/policies/index.ts';
import { errorResponses, type JsonSchema, jsonSchema } from './openapi.ts';

export interface RouteContract {
  summary: string;
  tags: string[];
  description?: string;
  params?: z.ZodType;
  querystring?: z.ZodType;
  body?: z.ZodType;
  response: Record<number, z.ZodType | null>;
  errors?: number[];
  consumes?: string[];
}

export function contract(
  access: RouteAccess,
  spec: RouteContract,
): { config: { access: RouteAccess }; schema: FastifySchema } {
  const response: Record<number, JsonSchema> = errorResponses(...(spec.errors ?? []));
  for (const [status, schema] of Object.entries(spec.response)) {
    response[Number(status)] = schema
      ? jsonSchema(schema, 'output')
      : { type: 'null', description: 'no content' };
  }
  return {
    config: { access },
    schema: {
      summary: spec.summary,
      tags: spec.tags,
      description: `${spec.description ? `${spec.description}\n\n` : ''}Access: ${describeAccess(access)}.`,
      ...(access === 'public' ? {} : { security: [{ session: [] }, { bearer: [] }] }),
      ...(spec.params ? { params: jsonSchema(spec.params) } : {}),
      ...(spec.querystring ? { querystring: jsonSchema(spec.querystring) } : {}),
      ...(spec.body ? { body: jsonSchema(spec.body) } : {}),
      ...(spec.consumes ? { consumes: spec.consumes } : {}),
      response,
    },
  };
}

export const parseParams = <T extends z.ZodType>(schema: T, request: FastifyRequest): z.infer<T> =>
  parseWith(schema, request.params, 'params');
export const parseQuery = <T extends z.ZodType>(schema: T, request: FastifyRequest): z.infer<T> =>
  parseWith(schema, request.query ?? {}, 'query');
export const parseBody = <T extends z.ZodType>(schema: T, request: FastifyRequest): z.infer<T> =>
  parseWith(schema, request.body, 'body');
