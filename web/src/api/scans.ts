/** How a source's text was obtained by OCR, or its recording described (GET /api/sources/:id/scan). */
import { request } from './client.ts';

export interface SourceScan {
  ocr: {
    engine: string;
    language: string | null;
    languageFrom: 'user' | 'detected';
    confidence: number | null;
    pagesRead: number;
    pages: number;
  } | null;
  media: {
    container: string | null;
    durationSeconds: number | null;
    streams: Array<{
      kind: string;
      codec: string | null;
      width?: number;
      height?: number;
      sampleRate?: number;
      channels?: number;
    }>;
  } | null;
  pageImages: number;
}

export const getSourceScan = (id: string) =>
  request<SourceScan>('GET', `/api/sources/${encodeURIComponent(id)}/scan`);

/** A page as an image without its metadata, to show beside the text. */
export const pageImageUrl = (id: string, page: number) =>
  `/api/sources/${encodeURIComponent(id)}/pages/${page}`;

/** The languages OCR reads, as the capture form offers them. */
export const OCR_LANGUAGES = ['pt', 'en', 'es', 'ru', 'fr'] as const;
