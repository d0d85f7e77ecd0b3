/**
 * Name comparators over tokens. Lists disagree on word order (surname first in Russian documents,
 * given name first elsewhere), on which column holds which part, and on abbreviation ("Z. Bakaev"),
 * so names are compared as sets of tokens (Christen, "Data Matching", 2012, §5.3 on token-based
 * comparison), each token by Jaro–Winkler on its romanised form, with a transliteration skeleton
 * agreement counted as near-exact.
 */
import { jaroWinkler } from './jaroWinkler.ts';
import { nameSkeleton, normaliseName, vowelSkeleton } from './transliterate.ts';

export interface NameToken {
  norm: string;
  /** Vowel-free phonetic skeleton: equal for romanisation variants, but also for some distinct names. */
  skel: string;
  /** Skeleton with vowel classes: equal almost only for romanisation variants of one name. */
  vskel: string;
}

/** Splits a name field into romanised tokens with their skeletons. */
export function nameTokens(value: string): NameToken[] {
  const norm = normaliseName(value);
  if (norm === '') return [];
  return norm
    .split(' ')
    .map((token) => ({ norm: token, skel: nameSkeleton(token), vskel: vowelSkeleton(token) }));
}

/** Similarity a bare initial gets against a name it abbreviates: evidence, but weak. */
export const INITIAL_SIMILARITY = 0.87;
/** Similarity for tokens that differ in spelling but share a transliteration skeleton with vowels. */
export const SKELETON_SIMILARITY = 0.95;
/** Floor for tokens that share only the vowel-free skeleton (Muhammad/Magomed, but also Isaev/Usaev). */
export const CONSONANT_SIMILARITY = 0.86;

/** Similarity of two tokens in [0, 1]; symmetric; 1 for identical tokens. */
export function tokenSimilarity(a: NameToken, b: NameToken): number {
  if (a.norm === b.norm) return 1;
  if (a.norm.length === 1 || b.norm.length === 1) {
    return a.norm[0] === b.norm[0] ? INITIAL_SIMILARITY : 0;
  }
  const jw = jaroWinkler(a.norm, b.norm);
  if (a.vskel === b.vskel) return Math.max(SKELETON_SIMILARITY, jw);
  return a.skel === b.skel ? Math.max(CONSONANT_SIMILARITY, jw) : jw;
}

/**
 * Token-set similarity: each token of the shorter name is matched to its most similar token in the
 * other (so order does not matter and an extra middle name costs nothing), averaged. Symmetric
 * because the shorter side drives it (ties broken by taking the larger of both directions). Null when
 * either side has no tokens: a missing name is no evidence either way.
 */
export function tokenSetSimilarity(a: NameToken[], b: NameToken[]): number | null {
  if (a.length === 0 || b.length === 0) return null;
  if (a.length === 1 && b.length === 1) return tokenSimilarity(a[0]!, b[0]!);
  if (a.length < b.length) return directed(a, b);
  if (b.length < a.length) return directed(b, a);
  return Math.max(directed(a, b), directed(b, a));
}

function directed(short: NameToken[], long: NameToken[]): number {
  let total = 0;
  for (const token of short) {
    let best = 0;
    for (const other of long) {
      const s = tokenSimilarity(token, other);
      if (s > best) best = s;
      if (best === 1) break;
    }
    total += best;
  }
  return total / short.length;
}

export interface OrientedNames {
  given: number | null;
  surname: number | null;
  swapped: boolean;
}

/**
 * Given-name and surname similarity, allowing the two to have been swapped between lists: the
 * orientation with the larger total wins. When one record has only one of the two parts filled
 * (a full name typed into the surname column), everything is compared as one token set and reported
 * as the surname similarity.
 */
export function orientedNameSimilarity(
  givenA: NameToken[],
  surnameA: NameToken[],
  givenB: NameToken[],
  surnameB: NameToken[],
): OrientedNames {
  const completeA = givenA.length > 0 && surnameA.length > 0;
  const completeB = givenB.length > 0 && surnameB.length > 0;
  if (!completeA || !completeB) {
    const all = tokenSetSimilarity([...givenA, ...surnameA], [...givenB, ...surnameB]);
    return { given: null, surname: all, swapped: false };
  }
  const g = tokenSetSimilarity(givenA, givenB)!;
  const s = tokenSetSimilarity(surnameA, surnameB)!;
  const gs = tokenSetSimilarity(givenA, surnameB)!;
  const sg = tokenSetSimilarity(surnameA, givenB)!;
  if (gs + sg > g + s + 1e-9) return { given: sg, surname: gs, swapped: true };
  return { given: g, surname: s, swapped: false };
}
