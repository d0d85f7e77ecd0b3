/**
 * Interventions: what was done in response — an inquiry opened or demanded, people evacuated,
 * asylum or humanitarian parole, a petition, a public condemnation, a lawsuit, a referral. One per
 * type per sentence; a negated one ("refused to open an investigation") is left out.
 */
import type { InterventionSuggestion } from '../core/suggestions.ts';
import { findActors, toMention } from './actors.ts';
import type { Cues } from './eventMentions.ts';
import { clauseOf, type DocContext, within, wordsBetween } from './extractContext.ts';

export function findInterventions(ctx: DocContext, cues: Cues): InterventionSuggestion[] {
  const out: InterventionSuggestion[] = [];
  for (const sentence of ctx.sentences) {
    if (within(ctx.matches.interventions, sentence.start, sentence.end).length === 0) continue;
    const seen = new Set<string>();
    for (const { value: type, ...cue } of within(ctx.matches.interventions, sentence.start, sentence.end)) {
      if (seen.has(type)) continue;
      const clause = clauseOf(ctx, sentence, cue.start);
      const negated = within(cues.negation, clause.start, cue.start).some(
        (n) => wordsBetween(ctx, n.end, cue.start) <= 3,
      );
      if (negated) continue;
      const actor = findActors(ctx, sentence.start, sentence.end, sentence.start)
        .filter((a) => a.kind !== 'witness' && a.end <= cue.start)
        .pop();
      out.push({
        type,
        actor: actor ? toMention(actor) : null,
        text: ctx.text.slice(clause.start, clause.end),
        start: clause.start,
        end: clause.end,
      });
      seen.add(type);
    }
  }
  return out.sort((a, b) => a.start - b.start);
}
