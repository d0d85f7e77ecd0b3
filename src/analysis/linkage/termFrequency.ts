/**
 * Term-frequency adjustment of the Fellegi–Sunter weights: agreeing on a rare name is stronger
 * evidence than agreeing on a common one. The model's u for "names agree" is an average over all
 * names; two Magomeds agree far more often by chance than two Zelimkhans. Following Winkler (1989,
 * "Frequency-based matching in Fellegi–Sunter model of record linkage", Proc. Section on Survey
 * Research Methods, ASA) and Splink ("Term frequency adjustments", moj-analytical-services.github.io
 * /splink), for a pair agreeing on value v the level's u is replaced by one proportional to v's
 * frequency:
 *
 *     u(l, v) = u(l) · tf(v) / ρ          weight = log2(m(l) / u(l)) + log2(ρ / tf(v))
 *
 * tf(v) is the share of the *other* records whose name part has v's key (the vowel skeletons of the
 * part's tokens, so Зелимхан, Zelimkhan and Selimchan count together) and ρ = Σ tf² is the chance
 * that two random records share a key, i.e. the average of tf over agreeing pairs. Splink writes
 * the adjustment log2(u_exact / tf(v)); u_exact is ρ when the level is "same key", but our exact and
 * phonetic levels are finer and coarser than the key, so ρ is taken from the keys themselves. Hence
 * the adjustment averages out to nothing: names of equal frequency (a uniform distribution) are not
 * adjusted at all, rare ones gain, common ones lose. It is applied to the exact and phonetic levels
 * (the same name, perhaps in another script), with the larger of the two sides' frequencies, as
 * Splink does for fuzzy levels; weaker levels do not say which name it was.
 *
 * tf is shrunk toward ρ with the weight of TF_PSEUDO_RECORDS records, so that in a small file —
 * where every name is rare or common by chance — the adjustment fades away:
 *
 *     tf(v) = (count(v) − 1 + K · ρ) / (N − 1 + K),   K = TF_PSEUDO_RECORDS
 *
 * Counts include a person's other records (duplicates across lists), which makes tf a slight
 * overestimate of the chance agreement: conservative. Name parts containing an initial have no key
 * and are not adjusted. The m probabilities are not touched (they do not depend on the value).
 */
import {
  type ComparisonSchema,
  ORIENTATION,
  type Orientation,
  type PreparedRecord,
} from './comparisonVector.ts';

/** Levels (indices) adjusted: exact and phonetic. Weaker levels do not say which name it was. */
export const TF_LEVELS = 2;

/** Pseudo-records of the shrinkage toward ρ (see above). */
export const TF_PSEUDO_RECORDS = 500;

type Part = 'given' | 'surname' | 'middle';

export interface TermFrequencies {
  /** Records with a key, per part. */
  totals: Record<Part, number>;
  /** Value key → number of records with it, per part. */
  counts: Record<Part, Map<string, number>>;
  /** ρ: probability that two distinct records with a key share it, per part. */
  coincidence: Record<Part, number>;
}

const PARTS = ['given', 'surname', 'middle'] as const;

/** Counts every record's name-part keys. */
export function buildTermFrequencies(records: readonly PreparedRecord[]): TermFrequencies {
  const counts: TermFrequencies['counts'] = { given: new Map(), surname: new Map(), middle: new Map() };
  const totals: TermFrequencies['totals'] = { given: 0, surname: 0, middle: 0 };
  for (const record of records) {
    for (const part of PARTS) {
      const key = record.keys[part];
      if (key === null) continue;
      counts[part].set(key, (counts[part].get(key) ?? 0) + 1);
      totals[part]++;
    }
  }
  const coincidence: TermFrequencies['coincidence'] = { given: 0, surname: 0, middle: 0 };
  for (const part of PARTS) {
    const n = totals[part];
    let same = 0;
    for (const c of counts[part].values()) same += c * (c - 1);
    coincidence[part] = n > 1 ? same / (n * (n - 1)) : 0;
  }
  return { totals, counts, coincidence };
}

interface Side {
  part: Part;
  key: string | null;
}

/**
 * The two values a name field compared, each with the part of its own record it came from: for a
 * swapped pair, a's surname was compared with b's given name (and the other way round). Each value
 * is counted in its own record's table — the one of the two that holds it in the usual place shows
 * how common the name is.
 */
function comparedSides(
  kind: ComparisonSchema['fields'][number]['kind'],
  ra: PreparedRecord,
  rb: PreparedRecord,
  orientation: Orientation,
): { part: Part; a: Side; b: Side } | null {
  const swapped = orientation === ORIENTATION.swapped;
  switch (kind) {
    case 'given':
      if (orientation === ORIENTATION.merged) return null;
      return {
        part: 'given',
        a: swapped ? { part: 'surname', key: ra.keys.surname } : { part: 'given', key: ra.keys.given },
        b: { part: 'given', key: rb.keys.given },
      };
    case 'surname':
      if (orientation === ORIENTATION.merged) return null;
      return {
        part: 'surname',
        a: swapped ? { part: 'given', key: ra.keys.given } : { part: 'surname', key: ra.keys.surname },
        b: { part: 'surname', key: rb.keys.surname },
      };
    case 'name':
      return {
        part: 'surname',
        a: { part: 'surname', key: ra.keys.surname },
        b: { part: 'surname', key: rb.keys.surname },
      };
    case 'middleName':
      return {
        part: 'middle',
        a: { part: 'middle', key: ra.keys.middle },
        b: { part: 'middle', key: rb.keys.middle },
      };
    default:
      return null;
  }
}

/** Share of the other records of a side's table that have its key (unshrunk); null without a key. */
function sideFrequency(tf: TermFrequencies, side: Side): number | null {
  if (side.key === null) return null;
  const n = tf.totals[side.part];
  if (n < 2) return null;
  return Math.max(0, (tf.counts[side.part].get(side.key) ?? 1) - 1) / (n - 1);
}

/**
 * The term-frequency adjustment of field f at `level` for records a and b: the shrunk frequency of
 * the value they agree on and the bits added to the level's weight, log2(ρ / tf); null when the
 * field or level is not adjusted.
 */
export function pairTermFrequency(
  tf: TermFrequencies,
  schema: ComparisonSchema,
  f: number,
  level: number,
  a: number,
  b: number,
  orientation: Orientation,
): { frequency: number; adjustment: number } | null {
  if (level >= TF_LEVELS) return null;
  const sides = comparedSides(schema.fields[f]!.kind, schema.records[a]!, schema.records[b]!, orientation);
  if (sides === null) return null;
  const fa = sideFrequency(tf, sides.a);
  const fb = sideFrequency(tf, sides.b);
  if (fa === null && fb === null) return null;
  const rho = tf.coincidence[sides.part];
  if (!(rho > 0)) return null;
  const n = tf.totals[sides.part];
  const raw = Math.max(fa ?? 0, fb ?? 0);
  const frequency = (raw * (n - 1) + TF_PSEUDO_RECORDS * rho) / (n - 1 + TF_PSEUDO_RECORDS);
  return { frequency, adjustment: Math.log2(rho / frequency) };
}
