/** Captures of web pages: when, from where, by whom, with which browser, and their preserved files. */
import type { Queryable } from './db.ts';

export const CAPTURE_FILE_ROLES = ['document', 'headers', 'screenshot', 'pdf', 'mhtml'] as const;
export type CaptureFileRole = (typeof CAPTURE_FILE_ROLES)[number];

export interface CaptureFile {
  role: CaptureFileRole;
  sha256: string;
  byteSize: number;
  mediaType: string;
}

export interface CaptureRedirect {
  url: string;
  status: number;
  location: string;
}

export interface NewCapture {
  id: string;
  sourceId: string;
  requestedUrl: string;
  finalUrl: string;
  redirects: CaptureRedirect[];
  httpStatus: number;
  capturedAt: Date;
  capturedBy: string;
  browserVersion: string;
  warnings: string[];
  files: CaptureFile[];
}

export type CaptureRecord = NewCapture;

interface CaptureRow {
  id: string;
  source_id: string;
  requested_url: string;
  final_url: string;
  redirects: CaptureRedirect[];
  http_status: number;
  captured_at: Date;
  captured_by: string;
  browser_version: string;
  warnings: string[];
}

interface FileRow {
  capture_id: string;
  role: CaptureFileRole;
  sha256: string;
  byte_size: number;
  media_type: string;
}

export function capturesRepository(db: Queryable) {
  return {
    async insert(capture: NewCapture): Promise<void> {
      await db.query(
        `insert into source_captures (id, source_id, requested_url, final_url, redirects, http_status,
           captured_at, captured_by, browser_version, warnings)
         values ($1, $2, $3, $4, $5::jsonb, $6, $7, $8, $9, $10::jsonb)`,
        [
          capture.id,
          capture.sourceId,
          capture.requestedUrl,
          capture.finalUrl,
          JSON.stringify(capture.redirects),
          capture.httpStatus,
          capture.capturedAt,
          capture.capturedBy,
          capture.browserVersion,
          JSON.stringify(capture.warnings),
        ],
      );
      for (const file of capture.files)
        await db.query(
          'insert into capture_files (capture_id, role, sha256, byte_size, media_type) values ($1, $2, $3, $4, $5)',
          [capture.id, file.role, file.sha256, file.byteSize, file.mediaType],
        );
    },

    /** A source's captures, oldest first, each with its files. */
    async listForSource(sourceId: string): Promise<CaptureRecord[]> {
      const rows = await db.query<CaptureRow>(
        'select * from source_captures where source_id = $1 order by captured_at, id',
        [sourceId],
      );
      if (rows.length === 0) return [];
      const files = await db.query<FileRow>(
        `select f.* from capture_files f join source_captures c on c.id = f.capture_id
         where c.source_id = $1 order by f.role`,
        [sourceId],
      );
      return rows.map((row) => ({
        id: row.id,
        sourceId: row.source_id,
        requestedUrl: row.requested_url,
        finalUrl: row.final_url,
        redirects: row.redirects,
        httpStatus: Number(row.http_status),
        capturedAt: row.captured_at,
        capturedBy: row.captured_by,
        browserVersion: row.browser_version,
        warnings: row.warnings,
        files: files
          .filter((file) => file.capture_id === row.id)
          .sort((a, b) => CAPTURE_FILE_ROLES.indexOf(a.role) - CAPTURE_FILE_ROLES.indexOf(b.role))
          .map((file) => ({
            role: file.role,
            sha256: file.sha256,
            byteSize: Number(file.byte_size),
            mediaType: file.media_type,
          })),
      }));
    },

    /** One preserved file of a source's captures, by hash (for download). */
    async findFile(sourceId: string, sha256: string): Promise<CaptureFile | null> {
      const rows = await db.query<FileRow>(
        `select f.* from capture_files f join source_captures c on c.id = f.capture_id
         where c.source_id = $1 and f.sha256 = $2 limit 1`,
        [sourceId, sha256],
      );
      const row = rows[0];
      return row
        ? { role: row.role, sha256: row.sha256, byteSize: Number(row.byte_size), mediaType: row.media_type }
        : null;
    },
  };
}
