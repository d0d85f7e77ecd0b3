/** How a source's text was obtained (OCR) or its recording described, and its pages as images for review. */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { IdParams, Uuid } from '../../core/validation.ts';
import type { OcrSettings } from '../../services/ocr/ocrSettings.ts';
import { sourcePageImage, sourceScanOf } from '../../services/ocr/publishableImage.ts';
import type { Store } from '../../services/store.ts';
import { actorOf } from '../auth.ts';
import { presentSourceScan, SourceScanSchema } from '../presenters/sourceScans.ts';
import { contract } from '../route.ts';

const PageParams = z.strictObject({
  id: Uuid,
  page: z.coerce.number().int('expected a page number').min(1, 'pages count from 1').max(100_000),
});

export const sourceScanRoutes: FastifyPluginAsyncZod<{ store: Store; ocrSettings?: OcrSettings }> = async (
  app,
  { store, ocrSettings },
) => {
  app.get(
    '/api/sources/:id/scan',
    contract('source.read', {
      summary: 'How the text was obtained (OCR language and confidence) or the recording described (ffprobe)',
      tags: ['sources'],
      params: IdParams,
      response: { 200: SourceScanSchema },
      errors: [404],
    }),
    async (request) => {
      const scan = await sourceScanOf(store.db, request.params.id, actorOf(request));
      return presentSourceScan(scan.mediaType, scan.details);
    },
  );

  app.get(
    '/api/sources/:id/pages/:page',
    contract('source.read', {
      summary: 'One page of a scan as an image, without metadata (EXIF/GPS), to show beside its text',
      tags: ['sources'],
      params: PageParams,
      response: { 200: null },
      errors: [404],
    }),
    async (request, reply) => {
      const { id, page } = request.params;
      const image = await sourcePageImage(store, id, page, actorOf(request), ocrSettings);
      return reply
        .headers({
          'content-type': image.mediaType,
          'content-security-policy': "default-src 'none'; sandbox",
          'x-content-type-options': 'nosniff',
          'cache-control': 'private, no-store',
        })
        .send(Buffer.from(image.bytes));
    },
  );
};
