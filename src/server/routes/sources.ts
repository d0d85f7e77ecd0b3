/** Sources: paste or upload (both through ingestOne), list, one source, its original. */

import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CompartmentCode, IsoDate, LanguageCode } from '../../core/codes.ts';
import { InvalidInput } from '../../core/errors.ts';
import { IdParams, ListPageSchema, parseWith } from '../../core/validation.ts';
import { OCR_LANGUAGES, parseOcrLanguage } from '../../decode/ocr/ocrLanguage.ts';
import { sharedCopyOf } from '../../runtime/sharedBytes.ts';
import type { OcrSettings } from '../../services/ocr/ocrSettings.ts';
import { getSource, listSources, SOURCE_SORTS, sourceOriginal } from '../../services/review/sources.ts';
import type { DecodePool } from '../../services/sources/decodeSandbox/decodePool.ts';
import { type IngestInput, ingestOne } from '../../services/sources/ingest.ts';
import { ingestSealed } from '../../services/sources/sealedSources.ts';
import type { Store } from '../../services/store.ts';
import { actorOf } from '../auth.ts';
import { downloadHeaders } from '../download.ts';
import {
  IngestedSchema,
  presentIngested,
  presentSource,
  presentSourceListItem,
  SourceDetailSchema,
  SourceListSchema,
} from '../presenters/sources.ts';
import { contract } from '../route.ts';

const Meta = {
  title: z.string().trim().min(1).max(500).optional(),
  url: z
    .url({ protocol: /^https?$/, error: 'expected an http(s) URL' })
    .max(2_000)
    .optional(),
  published: IsoDate.optional(),
};
// Sensitive (testimony, medical report): sealed under a compartment's key, readable by its members only.
const Sealing = {
  sealed: z.boolean().optional(),
  compartment: CompartmentCode.optional(),
};
export const PasteBody = z.strictObject({
  text: z.string().min(1, 'empty text').max(900_000),
  ...Meta,
  ...Sealing,
});
const UploadFields = z.strictObject({
  ...Meta,
  sealed: z.enum(['true', 'false']).optional(),
  compartment: Sealing.compartment,
  ocrLanguage: z
    .string()
    .transform((value, context) => {
      const language = parseOcrLanguage(value);
      if (!language)
        context.addIssue({ code: 'custom', message: `expected one of ${OCR_LANGUAGES.join(', ')}` });
      return language ?? undefined;
    })
    .optional(),
});
const ListQuery = ListPageSchema.extend({
  reviewed: z.enum(['true', 'false']).optional(),
  language: LanguageCode.optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  sort: z.enum(SOURCE_SORTS).optional(),
});

export const sourceRoutes: FastifyPluginAsyncZod<{
  store: Store;
  uploadLimitBytes: number;
  decoder: DecodePool;
  ocrSettings?: OcrSettings;
}> = async (app, { store, uploadLimitBytes, decoder, ocrSettings }) => {
  app.post(
    '/api/sources',
    contract('source.create', {
      summary:
        'Preserve a source: JSON paste {text,title?,url?,published?} or multipart upload (part "file" + optional fields, ocrLanguage for a scan)',
      tags: ['sources'],
      body: PasteBody,
      consumes: ['application/json', 'multipart/form-data'],
      response: { 201: IngestedSchema, 200: IngestedSchema },
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
      if (compartment !== undefined && !sealed)
        throw new InvalidInput('body.compartment', 'a compartment is chosen only for a sealed source');
      const options = { maxBytes: uploadLimitBytes, decoder, ...(ocrSettings ? { ocrSettings } : {}) };
      const result = sealed
        ? await ingestSealed(
            store,
            actor,
            { ...fields, capturedBy: actor.userId },
            { ...options, compartment },
          )
        : await ingestOne(store, { ...fields, capturedBy: actor.userId }, options);
      return reply.status(result.duplicate ? 200 : 201).send(presentIngested(result));
    },
  );

  app.get(
    '/api/sources',
    contract('source.list', {
      summary:
        'Sources, newest capture first (or by publication date or title), filtered by review state, language, publication period',
      tags: ['sources'],
      querystring: ListQuery,
      response: { 200: SourceListSchema },
    }),
    async (request) => {
      const { reviewed, language, from, to, sort, ...page } = request.query;
      const result = await listSources(
        store.db,
        { reviewed: reviewed === undefined ? undefined : reviewed === 'true', language, from, to, sort },
        page,
      );
      const { after: _, ...position } = page;
      return { ...result, ...position, items: result.items.map(presentSourceListItem) };
    },
  );

  app.get(
    '/api/sources/:id',
    contract('source.read', {
      summary: 'One source: text, hash, size, type, capture, suggestions, review state',
      tags: ['sources'],
      params: IdParams,
      response: { 200: SourceDetailSchema },
      errors: [404],
    }),
    async (request) => {
      const { id } = request.params;
      const { source, review } = await getSource(store.db, id, actorOf(request));
      return presentSource(source, review);
    },
  );

  app.get(
    '/api/sources/:id/original',
    contract('source.read', {
      summary: 'Download the preserved original (attachment)',
      tags: ['sources'],
      params: IdParams,
      response: { 200: null },
      errors: [404],
    }),
    async (request, reply) => {
      const { id } = request.params;
      const original = await sourceOriginal(store, id, actorOf(request));
      return reply.headers(downloadHeaders(original)).send(Buffer.from(original.bytes));
    },
  );
};

export type IngestFields = Omit<IngestInput, 'capturedBy'> & {
  sealed?: boolean;
  compartment?: string | undefined;
};

/** A new source's body, as a JSON paste or a multipart upload (POST /api/sources and /api/source-jobs). */
export function sourceInput(
  request: FastifyRequest,
  limit: number,
  RequestFileTooLarge: new () => Error,
): Promise<IngestFields> | IngestFields {
  return request.isMultipart() ? uploadInput(request, limit, RequestFileTooLarge) : pasteInput(request);
}

/** A paste (JSON); the route takes uploads too, so it parses its body here rather than before. */
function pasteInput(request: FastifyRequest): IngestFields {
  const body = parseWith(PasteBody, request.body, 'body');
  return {
    fileName: 'paste.txt',
    bytes: new TextEncoder().encode(body.text),
    title: body.title,
    url: body.url,
    published: body.published,
    sealed: body.sealed ?? false,
    compartment: body.compartment,
  };
}

async function uploadInput(
  request: FastifyRequest,
  limit: number,
  RequestFileTooLarge: new () => Error,
): Promise<IngestFields> {
  let file: { fileName: string; bytes: Uint8Array } | null = null;
  const fields: Record<string, string> = {};
  for await (const part of request.parts({
    limits: { fileSize: limit, files: 1, fields: 10, fieldSize: 4_096 },
  })) {
    if (part.type === 'file') {
      if (part.fieldname !== 'file')
        throw new InvalidInput(`body.${part.fieldname}`, 'unknown file part (expected "file")');
      // The chunks go straight into shared memory (the decode worker reads them in place), a step
      // at a time: one large copy would hold up every other request.
      const chunks: Buffer[] = [];
      for await (const chunk of part.file) chunks.push(chunk as Buffer);
      if (part.file.truncated) throw new RequestFileTooLarge();
      file = { fileName: part.filename || 'upload.bin', bytes: await sharedCopyOf(chunks) };
    } else {
      if (typeof part.value !== 'string') throw new InvalidInput(`body.${part.fieldname}`, 'expected text');
      fields[part.fieldname] = part.value;
    }
  }
  if (!file) throw new InvalidInput('body.file', 'missing: attach the file as the "file" part');
  // Checked before the original is written: a refused upload leaves no orphan file.
  const { sealed, ...meta } = parseWith(UploadFields, fields, 'body');
  return { ...file, ...meta, sealed: sealed === 'true' };
}
