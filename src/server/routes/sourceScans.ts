/** How a source's text was obtained (OCR) or its recording described, and its pages as images for review. */
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import type { OcrSettings } from '../../services/ocr/ocrSettings.ts';
import { sourcePageImage } from '../../services/publishableImage.ts';
import { getSource } from '../../services/reviewSources.ts';
import type { Store } from '../../store/openStore.ts';
import { sourceScanDetailsRepository } from '../../store/sourceScanDetails.ts';
import { presentSourceScan, SourceScanSchema } from '../presenters/sourceScans.ts';
import { contract, parseParams } from '../route.ts';

const IdParams = z.strictObject({ id: z.uuid('expected a UUID') });
const PageParams = z.strictObject({
  id: z.uuid('expected a UUID'),
  page: z.coerce.number().int('expected a page number').min(1, 'pages count from 1').max(100_000),
});

export const sourceScanRoutes: FastifyPluginAsync<{ store: Store; ocrSettings?: OcrSettings }> = async (
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
      const { id } = parseParams(IdParams, request);
      const { source } = await getSource(store.db, id);
      return presentSourceScan(source.mediaType, await sourceScanDetailsRepository(store.db).find(id));
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
      const { id, page } = parseParams(PageParams, request);
      const image = await sourcePageImage(store, id, page, ocrSettings);
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
