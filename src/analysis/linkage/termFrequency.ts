/**
 * Term-frequency adjustment of the Fellegi–Sunter weights: agreeing on a rare name is stronger
 * evidence than agreeing on a common one. The model's u for "names agree" is an average over all
 * names; two Magomeds agree far more often by chance than two Zelimkhans. Following Winkler (1989,
 * "Frequency-based matching in Fellegi–Sunter model of record linkage", Proc. Section on Survey
 * Research Methods, ASA) and Splink ("Term frequency adjustments", moj-analytical-services.github.io
 * /splink), for a pair agreeing on value v the u of the agreement is replaced by the frequency of v:
 *
 *     weight = log2(m_l / u_l) + log2(u_exact / tf(v))
 *
 * For the exact level (l = exact) this is log2(m_exact / tf(v)); for the phonetic level (the same
 * name in another script or romanisation) the same correction is added to the level's weight, as
 * Splink does for fuzzy levels, with tf the larger of the two spellings' frequencies.
 *
 * tf(v) is the share of the *other* records whose value has v's key (the vowel skeleton of the name
 * part, so Зелимхан, Zelimkhan and Selimchan count together), shrunk toward the model's average u
 * with the weight of TF_PSEUDO_RECORDS records: in a small file every name is rare or common by
 * chance, and the adjustment should then fade to nothing.
 *
 *     tf(v) = (count(v) − 1 + K · u_exact) / (N − 1 + K),   K = TF_PSEUDO_RECORDS
 *
 * Counts include a person's other records (duplicates across lists), which makes tf a slight
 * overestimate of the chance agreement: conservative. Name parts with an initial have no key and are
 * not adjusted. The m probabilities are not touched (they do not depend on the value).
 */
import {
  type ComparisonSchema,
  ORIENTATION,
  type Orientation,
  type PreparedRecord,
} from './comparisonVector.ts';

/** Levels (indices) adjusted: exact and phonetic. Weaker levels do not say which name it was. */
export const TF_LEVELS = 2;

/** Pseudo-records of the shrinkage toward the average u (see above). */
export const TF_PSEUDO_RECORDS = 500;

type Part = 'given' | 'surname' | 'middle';

export interface TermFrequencies {
  /** Records with a key, per part. */
  totals: Record<Part, number>;
  /** Value key → number of records with it, per part. */
  counts: Record<Part, Map<string, number>>;
}

/** Counts every record's name-part keys. */
export function buildTermFrequencies(records: readonly PreparedRecord[]): TermFrequencies {
  const counts: TermFrequencies['counts'] = { given: new Map(), surname: new Map(), middle: new Map() };
  const totals: TermFrequencies['totals'] = { given: 0, surname: 0, middle: 0 };
  for (const record of records) {
    for (const part of ['given', 'surname', 'middle'] as const) {
      const key = record.keys[part];
      if (key === null) continue;
      counts[part].set(key, (counts[part].get(key) ?? 0) + 1);
      totals[part]++;
    }
  }
  return { totals, counts };
}

/**
 * The keys of the two values a name field compared, and which frequency table they are read in:
 * for a swapped pair, a's surname was compared with b's given name (and the other way round).
 */
function comparedKeys(
  kind: ComparisonSchema['fields'][number]['kind'],
  ra: PreparedRecord,
  rb: PreparedRecord,
  orientation: Orientation,
): { part: Part; a: string | null; b: string | null } | null {
  switch (kind) {
    case 'given':
      if (orientation === ORIENTATION.merged) return null;
      return {
        part: 'given',
        a: orientation === ORIENTATION.swapped ? ra.keys.surname : ra.keys.given,
        b: rb.keys.given,
      };
    case 'surname':
      if (orientation === ORIENTATION.merged) return null;
      return {
        part: 'surname',
        a: orientation === ORIENTATION.swapped ? ra.keys.given : ra.keys.surname,
        b: rb.keys.surname,
      };
    case 'name':
      return { part: 'surname', a: ra.keys.surname, b: rb.keys.surname };
    case 'middleName':
      return { part: 'middle', a: ra.keys.middle, b: rb.keys.middle };
    default:
      return null;
  }
}

/**
 * tf of the value a pair agrees on in field f (the larger of both sides'), or null when the field or
 * level is not adjusted. `uExact` is the model's u of the field's exact level (the shrinkage target).
 */
export function pairTermFrequency(
  tf: TermFrequencies,
  schema: ComparisonSchema,
  f: number,
  level: number,
  a: number,
  b: number,
  orientation: Orientation,
  uExact: number,
): number | null {
  if (level >= TF_LEVELS) return null;
  const keys = comparedKeys(schema.fields[f]!.kind, schema.records[a]!, schema.records[b]!, orientation);
  if (keys === null || (keys.a === null && keys.b === null)) return null;
  const table = tf.counts[keys.part];
  const others = Math.max(
    keys.a === null ? 0 : (table.get(keys.a) ?? 1) - 1,
    keys.b === null ? 0 : (table.get(keys.b) ?? 1) - 1,
  );
  const n = tf.totals[keys.part];
  return (others + TF_PSEUDO_RECORDS * uExact) / (Math.max(0, n - 1) + TF_PSEUDO_RECORDS);
}

/** The adjustment in bits added to a level's weight: log2(u_exact / tf). */
export function tfAdjustment(uExact: number, frequency: number): number {
  return Math.log2(uExact / frequency);
}
