/** What leaves the server about sources. `capturedBy` is a user id or an operator name, never a password or key. */
import { z } from 'zod';
import type { ReviewRecord, SourceListItem, SourceRecord } from '../../services/review/sources.ts';
import type { IngestResult } from '../../services/sources/ingest.ts';
import { DateOnly, Id, Instant, iso, longListOf, SuggestionsSchema } from './common.ts';

export const NotDecoded = z
  .string()
  .nullable()
  .describe('the decoding limit the file was over ("PDF has more than 5000 pages"): original kept, no text');

export const SealedSchema = z
  .object({ compartment: z.string() })
  .nullable()
  .describe('set for a sealed source: readable by members of this compartment only, every read audited');

const Counts = z.object({
  events: z.number().int(),
  claims: z.number().int(),
  interventions: z.number().int(),
});

export const SourceListItemSchema = z.object({
  id: Id,
  title: z.string().nullable(),
  fileName: z.string(),
  mediaType: z.string(),
  language: z.string(),
  url: z.string().nullable(),
  publishedOn: DateOnly.nullable(),
  capturedBy: z.string(),
  capturedAt: Instant,
  byteSize: z.number().int(),
  reviewed: z.boolean(),
  counts: Counts,
  notDecoded: NotDecoded,
  sealed: SealedSchema,
});
export const SourceListSchema = longListOf(SourceListItemSchema);

export const ReviewStateSchema = z.object({
  reviewedBy: z.string(),
  reviewedAt: Instant,
  incidentId: Id.nullable(),
});

export const SourceDetailSchema = SourceListItemSchema.extend({
  sha256: z.string(),
  encoding: z.string().nullable(),
  text: z.string(),
  warnings: z.array(z.string()),
  originReliability: z.string().nullable(),
  contentReliability: z.number().int().nullable(),
  suggestions: SuggestionsSchema,
  review: ReviewStateSchema.nullable(),
});

export const IngestedSchema = z.object({
  id: Id,
  sha256: z.string(),
  duplicate: z.boolean(),
  title: z.string().nullable(),
  language: z.string(),
  notDecoded: NotDecoded,
  suggestions: SuggestionsSchema,
  sealed: SealedSchema,
});

const countsOf = (source: SourceRecord) => ({
  events: source.suggestions.events.length,
  claims: source.suggestions.claims.length,
  interventions: source.suggestions.interventions.length,
});

export function presentSourceListItem(item: SourceListItem): z.infer<typeof SourceListItemSchema> {
  const { sealedCompartment, ...rest } = item;
  return {
    ...rest,
    capturedAt: iso(item.capturedAt)!,
    sealed: sealedCompartment === null ? null : { compartment: sealedCompartment },
  };
}

export function presentReviewState(review: ReviewRecord | null): z.infer<typeof ReviewStateSchema> | null {
  return review
    ? { reviewedBy: review.reviewedBy, reviewedAt: iso(review.reviewedAt)!, incidentId: review.incidentId }
    : null;
}

export function presentSource(
  source: SourceRecord & { compartment?: string },
  review: ReviewRecord | null,
): z.infer<typeof SourceDetailSchema> {
  return {
    sealed: source.compartmentId === null ? null : { compartment: source.compartment ?? '' },
    id: source.id,
    title: source.title,
    fileName: source.fileName,
    mediaType: source.mediaType,
    language: source.language,
    url: source.url,
    publishedOn: source.publishedOn,
    capturedBy: source.capturedBy,
    capturedAt: iso(source.capturedAt)!,
    byteSize: Number(source.byteSize),
    reviewed: review !== null,
    counts: countsOf(source),
    notDecoded: source.notDecoded,
    sha256: source.sha256,
    encoding: source.encoding,
    text: source.text,
    warnings: source.warnings,
    originReliability: source.originReliability,
    contentReliability: source.contentReliability,
    suggestions: source.suggestions,
    review: presentReviewState(review),
  };
}

export function presentIngested(result: IngestResult): z.infer<typeof IngestedSchema> {
  return {
    id: result.id,
    sha256: result.sha256,
    duplicate: result.duplicate,
    title: result.title,
    language: result.language,
    notDecoded: result.notDecoded,
    suggestions: result.suggestions,
    sealed: result.sealed ?? null,
  };
}
