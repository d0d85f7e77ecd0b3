/**
 * Near-duplicate texts: a wire copy or a lightly edited re-publication is not a second witness.
 * Word 5-shingles (Broder, "On the resemblance and containment of documents", 1997) over a
 * normalised text; the containment of the smaller set in the larger catches both light rewording and
 * an excerpt republished inside a longer page. Deterministic and exact: an act has a handful of
 * sources, so no sketch (MinHash) is needed to compare them.
 */

const SHINGLE_WORDS = 5;
/** Share of the shorter text's shingles found in the other: above it, one is a copy of the other. */
export const NEAR_COPY_CONTAINMENT = 0.5;
/** Texts shorter than this many words are too short to call copies by shape alone. */
const MIN_WORDS = 20;

export function shingles(text: string): Set<string> {
  const words = text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  const result = new Set<string>();
  if (words.length < MIN_WORDS) return result;
  for (let i = 0; i + SHINGLE_WORDS <= words.length; i++)
    result.add(words.slice(i, i + SHINGLE_WORDS).join(' '));
  return result;
}

/** |A ∩ B| / min(|A|, |B|); 0 when either text is too short to judge. */
export function containment(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  if (small.size === 0) return 0;
  let shared = 0;
  for (const shingle of small) if (large.has(shingle)) shared++;
  return shared / small.size;
}

export function isNearCopy(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  return containment(a, b) >= NEAR_COPY_CONTAINMENT;
}
