/** What OCR and media probing found about a source (migration 062), one row each at most. */
import type { MediaStream, SourceMedia } from '../decode/media/ffprobeReport.ts';

export type { MediaStream, SourceMedia };

import type { Queryable } from './db.ts';

export interface SourceOcr {
  engine: string;
  language: string | null;
  languageFrom: 'user' | 'detected';
  confidence: number | null;
  pagesRead: number;
  pages: number;
}

export function sourceScanDetailsRepository(db: Queryable) {
  return {
    async insertOcr(sourceId: string, ocr: SourceOcr): Promise<void> {
      await db.query(
        `insert into source_ocr (source_id, engine, language, language_from, confidence, pages_read, pages)
         values ($1, $2, $3, $4, $5, $6, $7)`,
        [sourceId, ocr.engine, ocr.language, ocr.languageFrom, ocr.confidence, ocr.pagesRead, ocr.pages],
      );
    },

    async insertMedia(sourceId: string, media: SourceMedia): Promise<void> {
      await db.query(
        `insert into source_media (source_id, container, duration_seconds, streams) values ($1, $2, $3, $4::jsonb)`,
        [sourceId, media.container, media.durationSeconds, JSON.stringify(media.streams)],
      );
    },

    async find(sourceId: string): Promise<{ ocr: SourceOcr | null; media: SourceMedia | null }> {
      const [ocr, media] = await Promise.all([
        db.query<{
          engine: string;
          language: string | null;
          language_from: 'user' | 'detected';
          confidence: number | null;
          pages_read: number;
          pages: number;
        }>('select * from source_ocr where source_id = $1', [sourceId]),
        db.query<{ container: string | null; duration_seconds: number | null; streams: MediaStream[] }>(
          'select * from source_media where source_id = $1',
          [sourceId],
        ),
      ]);
      const o = ocr[0];
      const m = media[0];
      return {
        ocr: o
          ? {
              engine: o.engine,
              language: o.language,
              languageFrom: o.language_from,
              confidence: o.confidence === null ? null : Number(o.confidence),
              pagesRead: o.pages_read,
              pages: o.pages,
            }
          : null,
        media: m
          ? {
              container: m.container,
              durationSeconds: m.duration_seconds === null ? null : Number(m.duration_seconds),
              streams: m.streams,
            }
          : null,
      };
    },
  };
}
