/**
 * How a route states its contract, once: the access it needs (checked by auth.ts, listed by the
 * matrix test) and its zod schemas. Params, query and body are validated by the one validator below
 * (fastify-type-provider-zod types them in the handler, so a handler reads `request.body` already
 * parsed); the response schemas shape the OpenAPI document. openapi.ts turns them all into JSON
 * schemas for /api/openapi.json.
 */
import type { FastifyInstance, FastifySchema, FastifySchemaCompiler } from 'fastify';
import { z } from 'zod';
import { parseWith } from '../core/validation.ts';
import { describeAccess, type RouteAccess } from '../services/policies/index.ts';
import { errorResponses, type JsonSchema, jsonSchema } from './openapi.ts';

export interface RouteContract<
  P extends z.ZodType | undefined,
  Q extends z.ZodType | undefined,
  B extends z.ZodType | undefined,
> {
  summary: string;
  tags: string[];
  description?: string;
  params?: P;
  querystring?: Q;
  body?: B;
  response: Record<number, z.ZodType | null>;
  errors?: number[];
  consumes?: string[];
}

/** The schema fastify sees; the zod types let fastify-type-provider-zod type the handler's request. */
export interface RouteSchema<P, Q, B> extends FastifySchema {
  params: P;
  querystring: Q;
  body: B;
}

export function contract<
  P extends z.ZodType | undefined = undefined,
  Q extends z.ZodType | undefined = undefined,
  B extends z.ZodType | undefined = undefined,
>(
  access: RouteAccess,
  spec: RouteContract<P, Q, B>,
): { config: { access: RouteAccess }; schema: RouteSchema<P, Q, B> } {
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
      ...(spec.params ? { params: spec.params } : {}),
      ...(spec.querystring ? { querystring: spec.querystring } : {}),
      // A route that also takes multipart (an upload) parses its body itself: fastify has no body to
      // validate before the parts are read, so its schema is only described.
      ...(spec.body
        ? { body: spec.consumes?.includes('multipart/form-data') ? jsonSchema(spec.body) : spec.body }
        : {}),
      ...(spec.consumes ? { consumes: spec.consumes } : {}),
      response,
    } as RouteSchema<P, Q, B>,
  };
}

// Where a failure is reported: `body.title`, `params.id`, `query.limit`.
const WHERE: Record<string, string> = { body: 'body', params: 'params', querystring: 'query' };

/**
 * The one validator of every route: parseWith (a zod failure or unstorable text is an InvalidInput
 * naming the field, answered 400 by errors.ts). Runs after the access check (an onRequest hook), so
 * a caller who may not use a route learns nothing about its input.
 */
const validatorCompiler: FastifySchemaCompiler<z.ZodType> =
  ({ schema, httpPart }) =>
  (data) => {
    if (!(schema instanceof z.ZodType)) return { value: data };
    const where = WHERE[httpPart ?? ''] ?? httpPart ?? 'input';
    // Fastify hands a missing body or query over as null.
    const value = data === null ? (httpPart === 'body' ? undefined : {}) : data;
    try {
      return { value: parseWith(schema, value, where) };
    } catch (error) {
      return { error: error as Error };
    }
  };

export function registerValidation(app: FastifyInstance): void {
  app.setValidatorCompiler(validatorCompiler);
  // Presenters decide the JSON; response schemas only describe it.
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
}
