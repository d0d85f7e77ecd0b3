/**
 * Why the model thinks two records are (or are not) the same person, as a waterfall in the style of
 * Splink's: start from the prior log2 odds, add each field's weight (its log2 Bayes factor, term
 * frequency adjustment included), end at the posterior probability. What a reviewer reads next to
 * the two records; computed with the very functions that scored the pair (linkModel.ts), so the
 * numbers add up to the probability the linkage used.
 */
import { InvalidInput } from '../../core/errors.ts';
import type { ColumnRole } from './columnRoles.ts';
import { type ComparedField, compareRecords, MISSING } from './comparisonVector.ts';
import { matchProbability } from './fellegiSunter.ts';
import { fieldWeight, type LinkState, linkStateOf } from './linkModel.ts';

export interface FieldContribution {
  /** The model's field: given, surname, name, middleName, birthDate, sex, or the compared column. */
  field: string;
  /** The input column(s) the field reads, joined with " + " (e.g. "given_name"). */
  column: string;
  role: ColumnRole;
  /** Agreement level (e.g. "exact", "phonetic", "near"); null when either side has no value. */
  level: string | null;
  /** m and u of the level (u before any term-frequency adjustment); null when missing. */
  m: number | null;
  u: number | null;
  /** The value's term frequency that replaced u, when the weight was adjusted; else null. */
  termFrequency: number | null;
  /** log2 Bayes factor this field adds (0 when missing; negative is evidence against). */
  weight: number;
}

export interface PairExplanation {
  ids: [string, string];
  /** Prior share of matches among all pairs, and its log2 odds: where the waterfall starts. */
  prior: number;
  priorWeight: number;
  fields: FieldContribution[];
  /** Sum of the field weights. */
  weight: number;
  /** priorWeight + weight. */
  logOdds: number;
  /** Posterior match probability, 1 / (1 + 2^−logOdds). */
  probability: number;
  termFrequencyAdjusted: boolean;
  /** Whether the linkage put both records in one cluster. */
  sameCluster: boolean;
}

/**
 * Explains the pair of records `a` and `b` of a `linkRecords` result, each given as its id (string)
 * or its index in the input (number). Works for any two records, compared by blocking or not.
 * Throws InvalidInput for an unknown record, the same record twice, or a result that did not come
 * from linkRecords in this process (the model is not part of the result's JSON).
 */
export function explainPair(result: object, a: number | string, b: number | string): PairExplanation {
  const state = linkStateOf(result);
  if (!state) {
    throw new InvalidInput('linkage result', 'not produced by linkRecords in this process: link again');
  }
  const i = recordIndex(state, a);
  const j = recordIndex(state, b);
  if (i === j) throw new InvalidInput('pair', 'a record cannot be compared with itself');
  return explainRecords(state, i, j);
}

/** explainPair on record indices, for linkRecords' own review list. */
export function explainRecords(state: LinkState, a: number, b: number): PairExplanation {
  const { scorer } = state;
  const fields = scorer.schema.fields;
  const levels = new Uint8Array(fields.length);
  const orientation = compareRecords(scorer.schema, a, b, levels);
  let weight = 0;
  const contributions = fields.map((field, f): FieldContribution => {
    const level = levels[f]!;
    const { role, column } = sourceOf(field, state);
    if (level === MISSING) {
      return {
        field: field.name,
        column,
        role,
        level: null,
        m: null,
        u: null,
        termFrequency: null,
        weight: 0,
      };
    }
    const scored = fieldWeight(scorer, f, level, a, b, orientation);
    weight += scored.weight;
    return {
      field: field.name,
      column,
      role,
      level: field.levels[level]!,
      m: round(scorer.model.m[f]![level]!),
      u: round(scorer.model.u[f]![level]!),
      termFrequency: scored.frequency === null ? null : roundSignificant(scored.frequency),
      weight: round(scored.weight),
    };
  });
  const prior = scorer.model.prior;
  const priorWeight = Math.log2(prior / (1 - prior));
  const cluster = state.clusterOf[a]!;
  return {
    ids: [state.ids[a]!, state.ids[b]!],
    prior: roundSignificant(prior),
    priorWeight: round(priorWeight),
    fields: contributions,
    weight: round(weight),
    logOdds: round(priorWeight + weight),
    probability: round(matchProbability(weight, prior)),
    termFrequencyAdjusted: scorer.tf !== null,
    sameCluster: cluster >= 0 && cluster === state.clusterOf[b],
  };
}

function recordIndex(state: LinkState, ref: number | string): number {
  if (typeof ref === 'number') {
    if (Number.isInteger(ref) && ref >= 0 && ref < state.ids.length) return ref;
    throw new InvalidInput('record', `no record number ${ref}`);
  }
  const index = state.indexOf.get(ref);
  if (index === undefined) throw new InvalidInput('record', 'no record with this id');
  return index;
}

const ROLE_OF_KIND: Record<Exclude<ComparedField['kind'], 'string'>, ColumnRole> = {
  given: 'givenName',
  surname: 'surname',
  name: 'name',
  middleName: 'middleName',
  birthDate: 'birthDate',
  sex: 'sex',
  source: 'source',
};

function sourceOf(field: ComparedField, state: LinkState): { role: ColumnRole; column: string } {
  if (field.kind === 'string') {
    const index = state.columns.indexOf(field.name);
    return { role: state.roles[index] ?? 'ignore', column: field.name };
  }
  const role = ROLE_OF_KIND[field.kind];
  let columns = state.columns.filter((_, c) => state.roles[c] === role);
  // A patronymic split out of the given-name or full-name field has no column of its own.
  if (columns.length === 0 && role === 'middleName') {
    columns = state.columns.filter((_, c) => state.roles[c] === 'givenName' || state.roles[c] === 'name');
  }
  return { role, column: columns.join(' + ') };
}

function round(x: number): number {
  return Math.round(x * 1e4) / 1e4;
}

/** Four significant digits: priors and frequencies can be 1e-7, which fixed rounding would zero. */
function roundSignificant(x: number): number {
  return x === 0 ? 0 : Number(x.toPrecision(4));
}
