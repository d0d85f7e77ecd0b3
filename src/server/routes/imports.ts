/**
 * Imports from the tools organisations already keep records in: the file's columns (to map them),
 * then a dry run or the import itself (services/import/). Multipart: the file as part "file"; the
 * mapping as the JSON text of field "mapping"; "dryRun" and "onError" as text fields.
 */
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { InvalidInput } from '../../core/errors.ts';
import { importFile, ON_ERROR, readImportColumns } from '../../services/import/importFile.ts';
import { MAX_IMPORT_BYTES } from '../../services/import/readImportTable.ts';
import type { Store } from '../../services/store.ts';
import { actorOf } from '../auth.ts';
import { contract } from '../route.ts';

const Fields = z.strictObject({
  mapping: z
    .string()
    .max(64 * 1024, 'at most 64 KB')
    .optional(),
  dryRun: z.enum(['true', 'false']).optional(),
  onError: z.enum(ON_ERROR).optional(),
  sheet: z.string().max(200).optional(),
});

const Report = z.record(z.string(), z.unknown());

export const importRoutes: FastifyPluginAsyncZod<{ store: Store }> = async (app, { store }) => {
  app.post(
    '/api/imports/columns',
    contract('review.apply', {
      summary: 'The columns and first rows of a CSV or XLSX file, to map them before importing',
      tags: ['imports'],
      consumes: ['multipart/form-data'],
      response: { 200: Report },
      errors: [413],
    }),
    async (request) => {
      const { file, fields } = await uploaded(request, app.multipartErrors.RequestFileTooLargeError);
      return readImportColumns(file, fields.sheet ?? null);
    },
  );

  app.post(
    '/api/imports',
    contract('review.apply', {
      summary:
        'Import incidents, acts, protected persons (sealed) and sources from a CSV or XLSX file with a mapping (docs/import.md); dryRun=true stores nothing',
      tags: ['imports'],
      consumes: ['multipart/form-data'],
      response: { 200: Report, 201: Report },
      errors: [413],
    }),
    async (request, reply) => {
      const { file, fields } = await uploaded(request, app.multipartErrors.RequestFileTooLargeError);
      if (fields.mapping === undefined)
        throw new InvalidInput('body.mapping', 'missing: send the mapping as JSON text');
      let mapping: unknown;
      try {
        mapping = JSON.parse(fields.mapping);
      } catch {
        throw new InvalidInput('body.mapping', 'is not JSON');
      }
      const report = await importFile(
        store,
        actorOf(request),
        { ...file, mapping },
        {
          dryRun: fields.dryRun === 'true',
          onError: fields.onError ?? 'stop',
        },
      );
      return reply.status(report.dryRun || report.imported === 0 ? 200 : 201).send(report);
    },
  );
};

async function uploaded(request: FastifyRequest, RequestFileTooLarge: new () => Error) {
  let file: { fileName: string; bytes: Uint8Array } | null = null;
  const values: Record<string, string> = {};
  for await (const part of request.parts({
    limits: { fileSize: MAX_IMPORT_BYTES, files: 1, fields: 4, fieldSize: 64 * 1024 },
  })) {
    if (part.type === 'file') {
      if (part.fieldname !== 'file')
        throw new InvalidInput(`body.${part.fieldname}`, 'unknown file part (expected "file")');
      const bytes = await part.toBuffer();
      if (part.file.truncated) throw new RequestFileTooLarge();
      file = { fileName: part.filename || 'upload.csv', bytes: new Uint8Array(bytes) };
    } else {
      if (typeof part.value !== 'string') throw new InvalidInput(`body.${part.fieldname}`, 'expected text');
      values[part.fieldname] = part.value;
    }
  }
  if (!file) throw new InvalidInput('body.file', 'missing: attach the file as the "file" part');
  const parsed = Fields.safeParse(values);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.code === 'unrecognized_keys' ? issue.keys.join(',') : issue.path.join('.');
    throw new InvalidInput(
      `body.${field}`,
      issue.code === 'unrecognized_keys' ? 'unknown field' : issue.message,
    );
  }
  return { file, fields: parsed.data };
}
