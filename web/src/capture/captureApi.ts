/** The web-capture part of the HTTP API: start and follow a capture, a source's captures and files. */
import { request } from '../api/client.ts';

export type CaptureStep =
  | 'fetching'
  | 'rendering'
  | 'screenshot'
  | 'pdf'
  | 'archive'
  | 'extracting'
  | 'storing';

export interface CaptureJob {
  id: string;
  state: 'queued' | 'running' | 'done' | 'failed';
  step: CaptureStep | null;
  sourceId: string | null;
  httpStatus: number | null;
  duplicate: boolean;
  error: string | null;
}

export interface OriginalTimestamp {
  status: 'pending' | 'stamped';
  time: string | null;
  authority: string | null;
  attempts: number;
  lastError: string | null;
}

export type CaptureFileRole = 'document' | 'headers' | 'screenshot' | 'pdf' | 'mhtml';

export interface SourceCaptures {
  original: { sha256: string; timestamp: OriginalTimestamp | null };
  captures: Array<{
    id: string;
    requestedUrl: string;
    finalUrl: string;
    redirects: Array<{ url: string; status: number; location: string }>;
    httpStatus: number;
    capturedAt: string;
    capturedBy: string;
    browserVersion: string;
    warnings: string[];
    files: Array<{
      role: CaptureFileRole;
      sha256: string;
      byteSize: number;
      mediaType: string;
      timestamp: OriginalTimestamp | null;
    }>;
  }>;
}

export const startCapture = (url: string) => request<CaptureJob>('POST', '/api/captures', { url });
export const getCaptureJob = (id: string) =>
  request<CaptureJob>('GET', `/api/captures/${encodeURIComponent(id)}`);
export const getSourceCaptures = (sourceId: string) =>
  request<SourceCaptures>('GET', `/api/sources/${encodeURIComponent(sourceId)}/captures`);
export const captureFileUrl = (sourceId: string, sha256: string) =>
  `/api/sources/${encodeURIComponent(sourceId)}/files/${sha256}`;
export const timestampTokenUrl = (sourceId: string, sha256: string) =>
  `/api/sources/${encodeURIComponent(sourceId)}/files/${sha256}/timestamp`;
