/** Shapes shared by several presenters. */
import { z } from 'zod';
import { Suggestions } from '../../core/suggestions.ts';

export const Id = z.string().describe('UUID');
export const Instant = z.string().describe('ISO 8601 instant');
export const DateOnly = z.string().describe('YYYY-MM-DD');

export const ProvenanceSchema = z.object({
  sourceId: Id,
  start: z.number().int(),
  end: z.number().int(),
  confirmedBy: z.string().describe('user id of who confirmed the suggestion'),
  confirmedAt: Instant,
  edited: z.boolean(),
});

export const SuggestionsSchema = Suggestions;

export function listOf<T extends z.ZodType>(item: T) {
  return z.object({
    total: z.number().int(),
    limit: z.number().int(),
    offset: z.number().int(),
    items: z.array(item),
  });
}

/**
 * A page of a long list (incidents, sources): the total is capped as search's is, and `next`
 * continues the list by cursor (store/keysetPage.ts).
 */
export function longListOf<T extends z.ZodType>(item: T) {
  return listOf(item).extend({
    total: z
      .number()
      .int()
      .describe('matches: exact unless totalIsLowerBound, then at least this many (10,000 are counted)'),
    totalIsLowerBound: z
      .boolean()
      .describe('more matches exist than were counted: total is a lower bound ("10,000+")'),
    next: z
      .string()
      .nullable()
      .describe('pass as after for the next page (dates and ids only, no titles); null on the last page'),
  });
}

export const iso = (date: Date | string | null): string | null =>
  date === null ? null : date instanceof Date ? date.toISOString() : new Date(date).toISOString();
