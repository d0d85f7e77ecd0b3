/**
 * A compact, readable projection of suggestions for golden tests: one short line per event, claim
 * and intervention type, so a failing golden shows a diff a linguist can read.
 */
import type { Suggestions } from '../../src/core/suggestions.ts';

export interface Projection {
  events: string[];
  claims: string[];
  interventions: string[];
}

export function project(s: Pick<Suggestions, 'events' | 'claims' | 'interventions'>): Projection {
  return {
    events: s.events.map((e) => {
      const count = `${e.victims?.min ?? '?'}-${e.victims?.max ?? '?'}`;
      const month = e.date?.from ? e.date.from.slice(0, 7) : '-';
      return `${e.type} ${count} ${e.victims?.group ?? '-'} @${e.place?.country ?? '-'} ${month}`;
    }),
    claims: s.claims.map((c) => `${c.stance} ${c.actor?.name ?? '-'}`),
    interventions: [...new Set(s.interventions.map((i) => i.type))].sort(),
  };
}
