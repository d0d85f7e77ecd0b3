/**
 * OpenAPI 3 from the zod schemas that validate requests and shape responses, so the document cannot
 * drift from the code. The routes' zod schemas are the one validator (route.ts); presenters decide the
 * JSON; the JSON schemas made here only describe.
 * Interactive docs at /api/docs are served from the locally installed swagger-ui assets (no CDN).
 */
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance, FastifySchema } from 'fastify';
import { z } from 'zod';

export type JsonSchema = Record<string, unknown>;

/** The JSON schema (OpenAPI 3.0 dialect) of a zod schema: its input side for requests, output for responses. */
export function jsonSchema(schema: z.ZodType, io: 'input' | 'output' = 'input'): JsonSchema {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, {
    target: 'openapi-3.0',
    io,
    unrepresentable: 'any',
  }) as JsonSchema;
  return rest;
}

export const ErrorSchema = z.object({
  error: z
    .string()
    .describe(
      'invalid_input, unauthenticated, forbidden, not_found, conflict, payload_too_large, rate_limited, storage_unavailable, internal',
    ),
  message: z.string(),
  field: z.string().optional().describe('for invalid_input: the field at fault'),
  current: z
    .object({ id: z.string(), version: z.number().int(), fields: z.record(z.string(), z.unknown()) })
    .optional()
    .describe('for a version conflict: the record as it is now'),
});

/** Responses every route may give, besides its own. */
export function errorResponses(...statuses: number[]): Record<number, JsonSchema> {
  const schema = jsonSchema(ErrorSchema, 'output');
  return Object.fromEntries([400, 401, 403, ...statuses].map((status) => [status, schema]));
}

const isZod = (value: unknown): value is z.ZodType => value instanceof z.ZodType;

/** A route's schema as OpenAPI shows it: its zod params, query and body as JSON schemas. */
function describedSchema(schema: FastifySchema | undefined): FastifySchema | undefined {
  if (!schema) return schema;
  const described: FastifySchema = { ...schema };
  for (const part of ['params', 'querystring', 'body'] as const) {
    const value = schema[part];
    if (isZod(value)) described[part] = jsonSchema(value);
  }
  return described;
}

export async function registerOpenApi(app: FastifyInstance, version: string): Promise<void> {
  await app.register(swagger, {
    transform: ({ schema, url }) => ({ schema: describedSchema(schema) as FastifySchema, url }),
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Attest API',
        version,
        description:
          'Documentation of human-rights violations: sources, review, incidents with evidence. Sessions use an HttpOnly cookie; state-changing requests need the X-CSRF-Token header equal to the attest_csrf cookie. The description of every operation names the access it needs (policy action and roles).',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'attest_session' },
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
    },
  });
  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    staticCSP: false,
    uiConfig: { deepLinking: false, validatorUrl: null },
  });
  app.get('/api/openapi.json', { schema: { hide: true }, config: { access: 'public' } }, async () =>
    app.swagger(),
  );
}
