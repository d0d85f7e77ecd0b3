/** Sources: paste or upload (both through ingestOne), list, one source, its original. */
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { InvalidInput } from '../../core/errors.ts';
import { IsoDate } from '../../core/isoDate.ts';
import { findUnstorableText } from '../../core/storableText.ts';
import { OCR_LANGUAGES, parseOcrLanguage } from '../../decode/ocr/ocrLanguage.ts';
import { sharedCopyOf } from '../../runtime/sharedBytes.ts';
import type { DecodePool } from '../../services/decodeSandbox/decodePool.ts';
import { PageSchema } from '../../services/incidents.ts';
import { type IngestInput, ingestOne } from '../../services/ingest.ts';
import type { OcrSettings } from '../../services/ocr/ocrSettings.ts';
import { getSource, listSources, SOURCE_SORTS, sourceOriginal } from '../../services/reviewSources.ts';
import type { Store } from '../../store/openStore.ts';
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
import { contract, parseBody, parseParams, parseQuery } from '../route.ts';

const Meta = {
  title: z.string().trim().min(1).max(500).optional(),
  url: z
    .url({ protocol: /^https?$/, error: 'expected an http(s) URL' })
    .max(2_000)
    .optional(),
  published: IsoDate.optional(),
};
const PasteBody = z.strictObject({ text: z.string().min(1, 'empty text').max(900_000), ...Meta });
const UploadFields = z.strictObject({
  ...Meta,
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
const IdParams = z.strictObject({ id: z.uuid('expected a UUID') });
const ListQuery = PageSchema.extend({
  reviewed: z.enum(['true', 'false']).optional(),
  language: z
    .string()
    .regex(/^[a-z]{2,3}$/, 'expected an ISO 639-1 code')
    .optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  sort: z.enum(SOURCE_SORTS).optional(),
});

export const sourceRoutes: FastifyPluginAsync<{
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
      const input = request.isMultipart()
        ? await uploadInput(request, uploadLimitBytes, app.multipartErrors.RequestFileTooLargeError)
        : pasteInput(request);
      const result = await ingestOne(
        store,
        { ...input, capturedBy: actor.userId },
        { maxBytes: uploadLimitBytes, decoder, ...(ocrSettings ? { ocrSettings } : {}) },
      );
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
      const { reviewed, language, from, to, sort, ...page } = parseQuery(ListQuery, request);
      const result = await listSources(
        store.db,
        { reviewed: reviewed === undefined ? undefined : reviewed === 'true', language, from, to, sort },
        page,
      );
      return { total: result.total, ...page, items: result.items.map(presentSourceListItem) };
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
      const { id } = parseParams(IdParams, request);
      const { source, review } = await getSource(store.db, id);
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
      const { id } = parseParams(IdParams, request);
      const original = await sourceOriginal(store, id);
      return reply.headers(downloadHeaders(original)).send(Buffer.from(original.bytes));
    },
  );
};

type IngestFields = Omit<IngestInput, 'capturedBy'>;

function pasteInput(request: FastifyRequest): IngestFields {
  const body = parseBody(PasteBody, request);
  return {
    fileName: 'paste.txt',
    bytes: new TextEncoder().encode(body.text),
    title: body.title,
    url: body.url,
    published: body.published,
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
  const meta = parseWithPrefix(UploadFields, fields);
  return { ...file, ...meta };
}

function parseWithPrefix(schema: typeof UploadFields, value: Record<string, string>) {
  const parsed = schema.safeParse(value);
  if (parsed.success) {
    // Checked before the original is written: a refused upload leaves no orphan file.
    const unstorable = findUnstorableText(parsed.data, 'body');
    if (unstorable) throw new InvalidInput(unstorable.path, unstorable.reason);
    return parsed.data;
  }
  const issue = parsed.error.issues[0]!;
  const field = issue.code === 'unrecognized_keys' ? issue.keys.join(',') : issue.path.join('.');
  throw new InvalidInput(
    `body.${field}`,
    issue.code === 'unrecognized_keys' ? 'unknown field' : issue.message,
  );
}
