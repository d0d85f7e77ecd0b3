/**
 * Claims and interventions reported by a second source: the same statement (same actor, same stance,
 * about the same act) or the same response (same type, same actor) is one record with more evidence,
 * not a second record. Pure; Attest proposes and the reviewer confirms.
 */

export const STATEMENT_MATCH_REASONS = ['same-actor', 'same-stance', 'same-act', 'same-type'] as const;
export type StatementMatchReason = (typeof STATEMENT_MATCH_REASONS)[number];

export interface StatementMatch {
  confident: boolean;
  reasons: StatementMatchReason[];
}

const normalise = (name: string | null) =>
  name ? name.normalize('NFKD').replace(/\p{M}/gu, '').trim().toLowerCase() : null;

/** A claim matches only with the same stance and a named actor who is the same on both sides. */
export function matchClaim(
  suggested: { stance: string; actorName: string | null; actId: string | null },
  recorded: { stance: string; actorName: string | null; actId: string | null },
): StatementMatch | null {
  const actor = normalise(suggested.actorName);
  if (suggested.stance !== recorded.stance || !actor || actor !== normalise(recorded.actorName)) return null;
  const reasons: StatementMatchReason[] = ['same-actor', 'same-stance'];
  // An unknown act on the suggestion side does not rule the match out; a different known act does.
  if (suggested.actId && recorded.actId && suggested.actId !== recorded.actId) return null;
  if (suggested.actId && suggested.actId === recorded.actId) reasons.push('same-act');
  return { confident: reasons.includes('same-act') || suggested.actId === null, reasons };
}

/** An intervention matches with the same type and the same named actor. */
export function matchIntervention(
  suggested: { type: string; actorName: string | null },
  recorded: { type: string; actorName: string | null },
): StatementMatch | null {
  const actor = normalise(suggested.actorName);
  if (suggested.type !== recorded.type || !actor || actor !== normalise(recorded.actorName)) return null;
  return { confident: true, reasons: ['same-type', 'same-actor'] };
}
