/** The review queue, one source under review, and the result of applying a review. */
import { z } from 'zod';
import { ACT_MATCH_REASONS } from '../../analysis/corroboration/actMatch.ts';
import { STATEMENT_MATCH_REASONS } from '../../analysis/corroboration/statementMatch.ts';
import type { IncidentSummary } from '../../services/incidents/incidents.ts';
import type { IncidentProposal } from '../../services/review/proposals.ts';
import type { ReviewResult } from '../../services/review/review.ts';
import type { QueueItem, ReviewRecord, SourceRecord } from '../../services/review/sources.ts';
import { DateOnly, Id, Instant, iso, longListOf, SuggestionsSchema } from './common.ts';
import { IncidentSummarySchema, presentIncidentSummary } from './incidents.ts';
import { NotDecoded, presentReviewState, ReviewStateSchema } from './sources.ts';

export const QueueItemSchema = z.object({
  sourceId: Id,
  title: z.string().nullable(),
  fileName: z.string(),
  language: z.string(),
  publishedOn: DateOnly.nullable(),
  capturedAt: Instant,
  capturedBy: z.string(),
  counts: z.object({ events: z.number().int(), claims: z.number().int(), interventions: z.number().int() }),
});
export const QueueSchema = longListOf(QueueItemSchema);

const StatementProposalSchema = z.object({
  index: z.number().int(),
  recordId: Id,
  confident: z.boolean(),
  reasons: z.array(z.enum(STATEMENT_MATCH_REASONS)),
});

export const ReviewDetailSchema = z.object({
  source: z.object({
    id: Id,
    title: z.string().nullable(),
    language: z.string(),
    publishedOn: DateOnly.nullable(),
    url: z.string().nullable(),
    text: z.string(),
    notDecoded: NotDecoded,
    sealed: z.boolean().describe('a sealed source: the web app keeps no draft of its review'),
  }),
  suggestions: SuggestionsSchema,
  reviewed: ReviewStateSchema.nullable(),
  candidates: z.array(IncidentSummarySchema),
  /** Per candidate incident: which suggestions are the same as its records, and why. */
  proposals: z.array(
    z.object({
      incidentId: Id,
      score: z.number(),
      events: z.array(
        z.object({
          index: z.number().int(),
          act: z.object({
            id: Id,
            type: z.string(),
            placeName: z.string().nullable(),
            country: z.string().nullable(),
            dateFrom: DateOnly.nullable(),
            dateTo: DateOnly.nullable(),
            victimsMin: z.number().int().nullable(),
            victimsMax: z.number().int().nullable(),
          }),
          score: z.number(),
          confident: z.boolean(),
          reasons: z.array(z.enum(ACT_MATCH_REASONS)),
        }),
      ),
      claims: z.array(StatementProposalSchema),
      interventions: z.array(StatementProposalSchema),
    }),
  ),
});

export const ReviewResultSchema = z.object({
  incidentId: Id.nullable(),
  acts: z.array(Id),
  actLinks: z.array(z.object({ index: z.number().int(), id: Id, merged: z.boolean() })),
  claims: z.array(Id),
  interventions: z.array(Id),
});

export function presentQueueItem(item: QueueItem): z.infer<typeof QueueItemSchema> {
  return { ...item, capturedAt: iso(item.capturedAt)! };
}

export function presentReviewDetail(detail: {
  source: SourceRecord;
  review: ReviewRecord | null;
  candidates: IncidentSummary[];
  proposals: IncidentProposal[];
}): z.infer<typeof ReviewDetailSchema> {
  const { source } = detail;
  return {
    source: {
      id: source.id,
      title: source.title,
      language: source.language,
      publishedOn: source.publishedOn,
      url: source.url,
      text: source.text,
      notDecoded: source.notDecoded,
      sealed: source.compartmentId !== null,
    },
    suggestions: source.suggestions,
    reviewed: presentReviewState(detail.review),
    candidates: detail.candidates.map(presentIncidentSummary),
    proposals: detail.proposals.map(({ incident, ...proposal }) => ({
      incidentId: incident.id,
      ...proposal,
    })),
  };
}

export function presentReviewResult(result: ReviewResult): z.infer<typeof ReviewResultSchema> {
  return {
    incidentId: result.incidentId,
    acts: result.acts,
    actLinks: result.actLinks,
    claims: result.claims,
    interventions: result.interventions,
  };
}
