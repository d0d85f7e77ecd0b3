/**
 * The shapes of the estimation page's requests and answers, once: the routes validate with them,
 * the presenters describe the answers with them (and the web app's types come from there), and a
 * saved estimate's stored result is read back through them.
 */
import { z } from 'zod';
import { MAX_LISTS } from '../../analysis/mse/parseListsCsv.ts';
import { LIST_KINDS } from '../../store/estimation.ts';

export { LIST_KINDS };

/** What the page offers. `lcmcr` and `dga` are passed to the engine once it has them (models.ts). */
export const ESTIMATE_MODELS = ['auto', 'independence', 'lcmcr', 'dga'] as const;
export type EstimateModel = (typeof ESTIMATE_MODELS)[number];

/** An uploaded lists file travels as text in the JSON body (the server's 1 MiB body limit). */
export const MAX_UPLOAD_CHARS = 900_000;

export const ListsInputSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('database'),
    lists: z
      .array(z.strictObject({ kind: z.enum(LIST_KINDS), ref: z.string().trim().min(1).max(300) }))
      .min(2, 'choose at least two lists: an estimate needs the overlap between lists')
      .max(MAX_LISTS, `at most ${MAX_LISTS} lists`),
    linkageRun: z
      .union([z.uuid(), z.literal('none')])
      .optional()
      .describe(
        "count linked records as one person by this database linkage run; 'none': each person record on its own; omitted: the latest reviewed run, if any",
      ),
  }),
  z.strictObject({
    kind: z.literal('upload'),
    csv: z.string().min(1, 'is empty').max(MAX_UPLOAD_CHARS, `at most ${MAX_UPLOAD_CHARS} characters`),
    stratumColumn: z.string().trim().min(1).max(100).optional(),
  }),
]);
export type ListsInput = z.output<typeof ListsInputSchema>;

export const EstimateRequestSchema = z.strictObject({
  lists: ListsInputSchema,
  model: z.enum(ESTIMATE_MODELS).default('auto'),
  criterion: z.enum(['aic', 'bic']).default('aic'),
  maxOrder: z.number().int().min(1).max(15).default(2),
  seed: z
    .number()
    .int()
    .min(0)
    .max(4_294_967_295)
    .optional()
    .describe('seed of every random draw (LCMCR, dga, bootstrap); the same seed gives the same figures'),
});
export type EstimateRequest = z.output<typeof EstimateRequestSchema>;

export const SaveEstimateSchema = z.strictObject({
  ...EstimateRequestSchema.shape,
  title: z.string().trim().min(1).max(200),
});
export type SaveEstimateRequest = z.output<typeof SaveEstimateSchema>;

export const ListRefSchema = z.object({
  name: z.string(),
  kind: z.enum([...LIST_KINDS, 'upload']),
  ref: z.string().nullable().describe('source id, publisher domain or organisation id; null when uploaded'),
});

/** A database linkage run as the estimation page counts persons by it (no name, no record code). */
export const LinkageRunSchema = z.object({
  run: z.uuid(),
  list: z.string().describe("the linkage list's name"),
  compartment: z.string().describe('the compartment whose persons the run linked'),
  createdAt: z.string().describe('when the run was made (ISO 8601)'),
  records: z.number().int().describe('person records the run compared'),
  mergedRecords: z.number().int().describe('records of named victims in clusters of two or more'),
  persons: z.number().int().describe('the persons those records are counted as'),
  unreviewed: z.number().int().describe('pairs the engine left to review that have no label yet'),
  reviewed: z.boolean().describe('whether a reviewer has labelled any pair of its list'),
  notInRun: z
    .number()
    .int()
    .describe('named victims of the compartment not in the run: each counts as one person'),
  newVictims: z
    .number()
    .int()
    .describe('of those, the ones recorded after the run (the rest could not be opened when it ran)'),
});
export type LinkageRunSummary = z.output<typeof LinkageRunSchema>;

/** Conditions the page explains in the reader's language (the engine's own warnings stay as text). */
export const NOTICES = ['two-lists', 'empty-list', 'no-overlap', 'strata'] as const;

export const OverlapsSchema = z.object({
  lists: z.array(ListRefSchema.extend({ size: z.number().int() })),
  observed: z.number().int().describe('people on at least one list'),
  intersections: z.array(
    z.object({
      pattern: z.number().int().describe('bit i set = on list i'),
      lists: z.array(z.number().int()).describe('indexes into lists'),
      count: z.number().int().describe('people on exactly these lists'),
    }),
  ),
  strata: z.array(z.object({ name: z.string().nullable(), observed: z.number().int() })),
  form: z.enum(['database', 'aggregated', 'individual']),
  notices: z.array(z.object({ code: z.enum(NOTICES), lists: z.array(z.string()) })),
  linkage: LinkageRunSchema.nullable()
    // Estimates saved before linkage runs were used have no such field: they counted person records.
    .default(null)
    .describe('lists from the database: the linkage run whose clusters counted as one person each, or null'),
});
export type OverlapsAnswer = z.output<typeof OverlapsSchema>;

const Interval = z.tuple([z.number(), z.number()]).nullable();

export const ModelSchema = z.object({
  terms: z.array(z.string()),
  interactions: z.array(z.string()).describe('the terms with a ":" (list dependence modelled)'),
  estimate: z.number(),
  aic: z.number(),
  bic: z.number(),
  deviance: z.number(),
  df: z.number().int(),
  status: z.string(),
});

export const EstimateSummarySchema = z.object({
  model: z.enum(ESTIMATE_MODELS),
  criterion: z.enum(['aic', 'bic']),
  maxOrder: z.number().int(),
  lists: z.array(z.string()),
  observed: z.number().int(),
  estimate: z.number().nullable(),
  ci95: Interval,
  interval: z.string().nullable().describe('how the interval was obtained'),
  selected: ModelSchema.nullable(),
  models: z.array(ModelSchema).describe('the best models, best first (at most 10)'),
  modelCount: z.number().int().describe('log-linear models fitted (all counted, the best listed)'),
  method: z.string().describe("the method's readable name, e.g. 'LCMCR (Manrique-Vallier 2016)'"),
  posterior: z
    .object({ median: z.number(), mean: z.number(), lower: z.number(), upper: z.number() })
    .nullable()
    .describe('Bayesian models (lcmcr, dga): the posterior of the total, with its 95% credible interval'),
  diagnostics: z
    .object({
      seed: z.number().int(),
      chains: z.number().int(),
      effectiveSampleSize: z.number(),
      splitRHat: z.number(),
      converged: z.boolean(),
    })
    .nullable()
    .describe('LCMCR: convergence of the chains (split-R̂ ≤ 1.05 is read as converged)'),
  search: z.string(),
  unidentifiableTerms: z.array(z.object({ term: z.string(), reason: z.string() })),
  strata: z
    .array(
      z.object({
        stratum: z.string().nullable(),
        observed: z.number().int(),
        estimate: z.number().nullable(),
        ci95: Interval,
        selected: ModelSchema.nullable(),
      }),
    )
    .nullable(),
  warnings: z.array(z.string()).describe("the estimator's own warnings, in English"),
});
export type EstimateSummary = z.output<typeof EstimateSummarySchema>;

export const EstimateAnswerSchema = z.object({ overlaps: OverlapsSchema, result: EstimateSummarySchema });
export type EstimateAnswer = z.output<typeof EstimateAnswerSchema>;

/** What is stored with a saved estimate: aggregated counts only (migration 082). */
export const StoredCaptureTableSchema = z.object({
  lists: z.array(z.string()),
  strata: z.array(z.object({ name: z.string().nullable(), counts: z.array(z.number()) })),
  form: z.enum(['database', 'aggregated', 'individual']),
});
