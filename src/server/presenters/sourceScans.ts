/** What leaves the server about how a source's text or description was obtained (OCR, ffprobe). */
import { z } from 'zod';
import type { SourceMedia, SourceOcr } from '../../services/ocr/publishableImage.ts';

export const SourceScanSchema = z.object({
  ocr: z
    .object({
      engine: z.string(),
      language: z.string().nullable(),
      languageFrom: z.enum(['user', 'detected']),
      confidence: z.number().nullable().describe('mean word confidence, 0–100'),
      pagesRead: z.number().int(),
      pages: z.number().int(),
    })
    .nullable()
    .describe('present when the text was read by OCR from a scan'),
  media: z
    .object({
      container: z.string().nullable(),
      durationSeconds: z.number().nullable(),
      streams: z.array(
        z.object({
          kind: z.string(),
          codec: z.string().nullable(),
          width: z.number().int().optional(),
          height: z.number().int().optional(),
          sampleRate: z.number().int().optional(),
          channels: z.number().int().optional(),
        }),
      ),
    })
    .nullable()
    .describe('technical description of a recording or video (ffprobe)'),
  pageImages: z.number().int().describe('pages that GET /api/sources/:id/pages/:page can show (0: none)'),
});

export function presentSourceScan(
  mediaType: string,
  details: { ocr: SourceOcr | null; media: SourceMedia | null },
): z.infer<typeof SourceScanSchema> {
  const pageImages =
    mediaType === 'application/pdf'
      ? (details.ocr?.pages ?? 0)
      : mediaType === 'image/jpeg' || mediaType === 'image/png'
        ? 1
        : 0;
  return { ocr: details.ocr, media: details.media, pageImages };
}
