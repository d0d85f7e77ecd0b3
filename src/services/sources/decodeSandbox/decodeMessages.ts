/** What the decode pool and its workers say to each other (structured-clone data only). */
import type { Suggestions } from '../../../core/suggestions.ts';
import type { DecodedDocument } from '../../../decode/decodeDocument.ts';
import type { DecodeLimits } from '../../../decode/decodeLimits.ts';

export interface WorkerSetup {
  limits: DecodeLimits;
}

export interface DecodeJob {
  job: number;
  /** In a SharedArrayBuffer: read in place, never written. */
  bytes: Uint8Array;
  fileName: string;
  published: string | null;
}

/**
 * A job's answers, in order: `decoded` then `extracted`, or one of the others. Text comes back
 * before suggestions so that a text whose extraction runs out of time or memory is still kept.
 */
export type WorkerReply =
  | { job: 0; kind: 'ready' }
  | { job: number; kind: 'decoded'; decoded: DecodedDocument }
  | { job: number; kind: 'extracted'; suggestions: Suggestions }
  | { job: number; kind: 'over-limit'; reason: string }
  | { job: number; kind: 'invalid'; field: string; reason: string }
  | { job: number; kind: 'failed'; stage: 'decode' | 'extract' };
