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

export const iso = (date: Date | string | null): string | null =>
  date === null ? null : date instanceof Date ? date.toISOString() : new Date(date).toISOString();
