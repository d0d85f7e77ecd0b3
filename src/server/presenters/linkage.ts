/**
 * What leaves the server about linkage review: record references (person codes or a CSV's ids),
 * agreement levels, weights, labels and clusters. Names leave only in the records answers: to the
 * uploader, from their own file, in the answer to its run; or, for a database list, opened for a key
 * holder through the records route (audited).
 */
import { z } from 'zod';
import { Id, Instant } from './common.ts';

const Decision = z.enum(['match', 'non-match', 'unsure']);
const Source = z.enum(['database', 'csv']);
const RecordRef = z.string().describe('a record reference: a person code (database) or the CSV’s id');

export const LinkageFieldSchema = z.object({
  name: z.string(),
  levels: z.array(z.object({ level: z.string(), m: z.number(), u: z.number(), weight: z.number() })),
});

export const PairExplanationSchema = z.object({
  priorLogOdds: z.number().describe('log2 of the prior odds of a match: where the waterfall starts'),
  contributions: z.array(
    z.object({
      field: z.string(),
      level: z.string().nullable().describe('agreement level; null when a side is missing'),
      weight: z.number().describe('log2(m/u) of the level: how far this field moved the score'),
    }),
  ),
  weight: z.number(),
  probability: z.number(),
});

export const LinkageRunSchema = z.object({
  id: Id,
  list: z.object({ id: Id, name: z.string(), source: Source, compartment: z.string().nullable() }),
  createdAt: Instant,
  records: z.number().int(),
  comparisons: z.number().int(),
  prior: z.number(),
  threshold: z.number(),
  reviewFloor: z.number(),
  fields: z.array(LinkageFieldSchema),
  pairs: z.array(
    z.object({
      a: RecordRef,
      b: RecordRef,
      probability: z.number(),
      reason: z.enum(['uncertain', 'chaining']),
      explanation: PairExplanationSchema,
      label: z.object({ decision: Decision, by: z.string(), at: Instant }).nullable(),
    }),
  ),
  clusters: z.array(
    z.object({
      members: z.array(RecordRef),
      changed: z.boolean().describe('differs from the engine’s cluster because of labels'),
    }),
  ),
  engineClusters: z.number().int(),
  conflicts: z.array(z.object({ a: RecordRef, b: RecordRef })),
  progress: z.object({ reviewed: z.number().int(), total: z.number().int() }),
  mayOpenRecords: z.boolean(),
  warnings: z.array(z.string()),
});

export const LinkageRecordsSchema = z.object({
  columns: z.array(z.string()),
  roles: z.array(z.string()),
  records: z.array(z.object({ id: RecordRef, values: z.array(z.string()) })),
});

export const LinkageRunResultSchema = z.object({
  run: LinkageRunSchema,
  records: LinkageRecordsSchema.nullable().describe(
    'an uploaded file’s records shown in the run; null for a database list',
  ),
});

export const LinkageListSchema = z.object({
  id: Id,
  name: z.string(),
  source: Source,
  createdAt: Instant,
  latestRun: z.object({ id: Id, records: z.number().int(), createdAt: Instant }).nullable(),
});

export const LabelHistorySchema = z.object({
  items: z.array(
    z.object({ decision: z.enum(['match', 'non-match', 'unsure', 'cleared']), by: z.string(), at: Instant }),
  ),
});
