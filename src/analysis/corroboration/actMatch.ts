/**
 * Is a suggested act the same real-world act as one already recorded? A pure score with the reasons
 * a reviewer reads ("same type, same place, dates overlap, counts compatible"). Attest only
 * proposes: the reviewer confirms. Some differences rule a match out (another type, another place or
 * country, dates that cannot overlap): two acts merged by mistake would hide a violation, which is
 * worse than a duplicate a reviewer can still merge.
 */

export interface ActFacts {
  type: string;
  victimsMin: number | null;
  victimsMax: number | null;
  victimGroup: string | null;
  placeName: string | null;
  country: string | null;
  dateFrom: string | null;
  dateTo: string | null;
}

export const ACT_MATCH_REASONS = [
  'same-type',
  'same-place',
  'same-country',
  'dates-overlap',
  'counts-compatible',
  'same-victim-group',
  // Set by the caller, not scored here: the new report is a near-copy of one already linked to the act.
  'copies-a-linked-report',
] as const;
export type ActMatchReason = (typeof ACT_MATCH_REASONS)[number];

export interface ActMatch {
  /** 0..1: the share of the evidence for "same act" that is present. */
  score: number;
  /** Strong enough to merge without a person choosing (`review apply --accept-all`). */
  confident: boolean;
  reasons: ActMatchReason[];
}

const WEIGHTS: Record<ActMatchReason, number> = {
  'same-type': 0.3,
  'same-place': 0.25,
  'same-country': 0.1,
  'dates-overlap': 0.2,
  'counts-compatible': 0.15,
  'same-victim-group': 0.1,
  'copies-a-linked-report': 0,
};
const CONFIDENT_SCORE = 0.75;
/** Sources disagree on counts; a quarter either way still reads as one act ("5" and "6 activists"). */
const COUNT_TOLERANCE = 1.25;

const normalise = (text: string) => text.normalize('NFKD').replace(/\p{M}/gu, '').trim().toLowerCase();

/** Words of a victim group without a plural -s, so "LGBT activists" shares "activist" with "activists". */
function groupWords(group: string): Set<string> {
  return new Set(
    normalise(group)
      .split(/[^\p{L}\p{N}]+/u)
      .filter((word) => word.length > 2)
      .map((word) => word.replace(/s$/, '')),
  );
}

function datesOverlap(a: ActFacts, b: ActFacts): boolean | null {
  if (!a.dateFrom || !b.dateFrom) return null;
  const aTo = a.dateTo ?? a.dateFrom;
  const bTo = b.dateTo ?? b.dateFrom;
  return a.dateFrom <= bTo && b.dateFrom <= aTo;
}

function countsCompatible(a: ActFacts, b: ActFacts): boolean | null {
  if (a.victimsMin === null && a.victimsMax === null) return null;
  if (b.victimsMin === null && b.victimsMax === null) return null;
  const aLow = a.victimsMin ?? 0;
  const bLow = b.victimsMin ?? 0;
  const aHigh = a.victimsMax ?? Number.POSITIVE_INFINITY;
  const bHigh = b.victimsMax ?? Number.POSITIVE_INFINITY;
  return aLow <= bHigh * COUNT_TOLERANCE && bLow <= aHigh * COUNT_TOLERANCE;
}

/** The match of `suggested` with `recorded`, or null when they cannot be the same act. */
export function scoreActMatch(suggested: ActFacts, recorded: ActFacts): ActMatch | null {
  if (suggested.type !== recorded.type) return null;
  const reasons: ActMatchReason[] = ['same-type'];
  if (suggested.country && recorded.country) {
    if (suggested.country !== recorded.country) return null;
  }
  if (suggested.placeName && recorded.placeName) {
    if (normalise(suggested.placeName) !== normalise(recorded.placeName)) return null;
    reasons.push('same-place');
  } else if (suggested.country && suggested.country === recorded.country) {
    reasons.push('same-country');
  }
  const overlap = datesOverlap(suggested, recorded);
  if (overlap === false) return null;
  if (overlap) reasons.push('dates-overlap');
  if (countsCompatible(suggested, recorded)) reasons.push('counts-compatible');
  if (suggested.victimGroup && recorded.victimGroup) {
    const words = groupWords(recorded.victimGroup);
    if ([...groupWords(suggested.victimGroup)].some((word) => words.has(word)))
      reasons.push('same-victim-group');
  }
  const score = Math.min(
    1,
    reasons.reduce((sum, reason) => sum + WEIGHTS[reason], 0),
  );
  const confident =
    score >= CONFIDENT_SCORE &&
    reasons.includes('dates-overlap') &&
    (reasons.includes('same-place') || reasons.includes('same-country')) &&
    countsCompatible(suggested, recorded) !== false;
  return { score: Math.round(score * 100) / 100, confident, reasons };
}

/** The best-scoring recorded act for a suggestion, or null when none can be the same act. */
export function bestActMatch<T extends ActFacts>(
  suggested: ActFacts,
  recorded: readonly T[],
): { act: T; match: ActMatch } | null {
  let best: { act: T; match: ActMatch } | null = null;
  for (const act of recorded) {
    const match = scoreActMatch(suggested, act);
    if (match && (!best || match.score > best.match.score)) best = { act, match };
  }
  return best;
}
