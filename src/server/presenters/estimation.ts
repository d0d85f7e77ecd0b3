/** What leaves the server about estimates: counts, list names and model results, never a person. */
import { z } from 'zod';
import type { SavedEstimate } from '../../services/estimation/estimates.ts';
import {
  ESTIMATE_MODELS,
  EstimateAnswerSchema,
  LIST_KINDS,
  LinkageRunSchema,
} from '../../services/estimation/schemas.ts';
import { Id, Instant, iso, listOf } from './common.ts';

export const AvailableListsSchema = z.object({
  lists: z.array(
    z.object({
      kind: z.enum(LIST_KINDS),
      ref: z.string().describe('source id, publisher domain or organisation (actor) id'),
      label: z.string().nullable().describe('null for a sealed source, whose title is sealed'),
      sealed: z.boolean(),
      victims: z
        .number()
        .int()
        .describe('named victims this list reports, each person once (linked records by the default run)'),
    }),
  ),
  models: z.array(z.object({ model: z.enum(ESTIMATE_MODELS), available: z.boolean() })),
  linkage: z.object({
    runs: z.array(LinkageRunSchema).describe('the latest run of each database linkage list, newest first'),
    default: z
      .uuid()
      .nullable()
      .describe('the run counted when a request names none: the latest reviewed one, or null'),
  }),
});

export const SavedEstimateSchema = EstimateAnswerSchema.extend({
  id: Id,
  title: z.string(),
  inputKind: z.enum(['database', 'upload']),
  createdBy: z.string().nullable(),
  createdAt: Instant,
});

export const SavedEstimateItemSchema = z.object({
  id: Id,
  title: z.string(),
  inputKind: z.enum(['database', 'upload']),
  lists: z.number().int(),
  model: z.string(),
  observed: z.number().int(),
  estimate: z.number().nullable(),
  createdBy: z.string().nullable(),
  createdAt: Instant,
});
export const SavedEstimateListSchema = listOf(SavedEstimateItemSchema);

export function presentSaved(saved: SavedEstimate): z.output<typeof SavedEstimateSchema> {
  return { ...saved, createdAt: iso(saved.createdAt)! };
}

export function presentSavedList(page: {
  total: number;
  limit: number;
  offset: number;
  items: Array<Omit<z.output<typeof SavedEstimateItemSchema>, 'createdAt'> & { createdAt: Date }>;
}): z.output<typeof SavedEstimateListSchema> {
  return { ...page, items: page.items.map((item) => ({ ...item, createdAt: iso(item.createdAt)! })) };
}
