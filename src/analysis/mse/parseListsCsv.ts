/**
 * Reads the capture-history CSV that `attest estimate` takes, in either form (docs/analysis.md):
 * - aggregated: one 0/1 column per list and a `count` column, one row per observed pattern;
 * - individual: one 0/1 column per list, one row per person (after record linkage), optionally an
 *   `id` column (ignored, but must be unique: the same person twice would be counted twice).
 * Either form may carry a `stratum` column; strata are estimated separately (estimatePopulation.ts).
 *
 * Validation happens here, at the boundary, and every failure is an InvalidInput naming the row (as
 * a spreadsheet numbers it: header = row 1) and the column. Values are not echoed unless they are
 * short numbers: a misaligned file can put a name where a flag should be, and errors reach logs.
 * A pattern repeated in the aggregated form is rejected rather than summed: in a table of pattern
 * counts a repeat is almost always a copy-paste or merge error, and summing it would silently
 * inflate the very overlaps the estimate depends on.
 */
import { InvalidInput } from '../../core/errors.ts';
import { parseCsv } from '../csv.ts';
import type { CaptureStratum, CaptureTable } from './captureTable.ts';

export interface ParseListsOptions {
  /** Column holding the stratum (default `stratum`). */
  stratumColumn?: string;
  /** Column holding a person identifier in the individual form (default `id`). */
  idColumn?: string;
}

export interface ParsedLists extends CaptureTable {
  form: 'aggregated' | 'individual';
  /** Data rows read (not counting the header). */
  rows: number;
}

/** 2^16 cells is already more lists than any MSE application in the literature. */
export const MAX_LISTS = 16;

export function parseListsCsv(text: string, options: ParseListsOptions = {}): ParsedLists {
  // Strict about quotes: a stray one in a 0/1 table is a broken export, not a value to keep.
  const records = parseCsv(text, { locate: (line) => `row ${line}`, strictQuotes: true });
  const header = records[0];
  if (!header) throw new InvalidInput('file', 'is empty: expected a header row naming the lists');
  const names = header.cells.map((name) => name.trim());
  if (names.every((name) => /^\s*\d+(\.\d+)?\s*$/.test(name))) {
    throw new InvalidInput(
      'row 1',
      'missing header: the first row holds numbers; name each list column (and `count` for the aggregated form)',
    );
  }
  const seen = new Map<string, number>();
  names.forEach((name, index) => {
    if (name === '') throw new InvalidInput(`row 1, column ${index + 1}`, 'header has an empty column name');
    const key = name.toLowerCase();
    if (seen.has(key))
      throw new InvalidInput(`row 1, column '${name}'`, 'column name appears twice in the header');
    seen.set(key, index);
  });
  const stratumName = (options.stratumColumn ?? 'stratum').toLowerCase();
  const idName = (options.idColumn ?? 'id').toLowerCase();
  const countIndex = seen.get('count');
  const stratumIndex = seen.get(stratumName);
  const idIndex = seen.get(idName);
  const form = countIndex === undefined ? 'individual' : 'aggregated';
  if (form === 'aggregated' && idIndex !== undefined) {
    throw new InvalidInput(
      `row 1, column '${names[idIndex]}'`,
      'an id column belongs to the individual form (one row per person), not with a count column',
    );
  }
  const listIndexes = names
    .map((_, index) => index)
    .filter((index) => index !== countIndex && index !== stratumIndex && index !== idIndex);
  const lists = listIndexes.map((index) => names[index]!);
  if (lists.length < 2) {
    throw new InvalidInput(
      'row 1',
      `needs at least two list columns, found ${lists.length}${lists.length ? ` ('${lists[0]}')` : ''}`,
    );
  }
  if (lists.length > MAX_LISTS)
    throw new InvalidInput('row 1', `at most ${MAX_LISTS} lists, found ${lists.length}`);

  const strata = new Map<string | null, { counts: Float64Array; rowOfPattern: Map<number, number> }>();
  const rowOfId = new Map<string, number>();
  const data = records.slice(1);
  if (data.length === 0) throw new InvalidInput('file', 'has a header but no data rows');

  for (const record of data) {
    const row = record.line;
    if (record.cells.length !== names.length) {
      throw new InvalidInput(
        `row ${row}`,
        `has ${record.cells.length} fields, the header has ${names.length}`,
      );
    }
    let pattern = 0;
    listIndexes.forEach((column, bit) => {
      const value = record.cells[column]!.trim();
      if (value === '1') pattern |= 1 << bit;
      else if (value !== '0') {
        throw new InvalidInput(
          `row ${row}, column '${names[column]}'`,
          `must be 0 or 1, found ${describe(value)}`,
        );
      }
    });
    if (pattern === 0) {
      throw new InvalidInput(
        `row ${row}`,
        'is on no list (every list column is 0): the unobserved cell is what MSE estimates and must not be in the data',
      );
    }
    let count = 1;
    if (countIndex !== undefined) count = parseCount(record.cells[countIndex]!, row, names[countIndex]!);
    let stratum: string | null = null;
    if (stratumIndex !== undefined) {
      stratum = record.cells[stratumIndex]!.trim();
      if (stratum === '')
        throw new InvalidInput(`row ${row}, column '${names[stratumIndex]}'`, 'stratum is empty');
    }
    if (idIndex !== undefined) {
      const id = record.cells[idIndex]!.trim();
      if (id === '') throw new InvalidInput(`row ${row}, column '${names[idIndex]}'`, 'id is empty');
      const earlier = rowOfId.get(id);
      if (earlier !== undefined) {
        throw new InvalidInput(
          `row ${row}, column '${names[idIndex]}'`,
          `same id as row ${earlier}: the individual form needs one row per person (link duplicates first)`,
        );
      }
      rowOfId.set(id, row);
    }
    let entry = strata.get(stratum);
    if (!entry) {
      entry = { counts: new Float64Array(1 << lists.length), rowOfPattern: new Map() };
      strata.set(stratum, entry);
    }
    if (form === 'aggregated') {
      const earlier = entry.rowOfPattern.get(pattern);
      if (earlier !== undefined) {
        throw new InvalidInput(
          `row ${row}`,
          `repeats the capture pattern of row ${earlier}${stratum === null ? '' : ' in the same stratum'}: give each pattern once with its total count`,
        );
      }
      entry.rowOfPattern.set(pattern, row);
    }
    entry.counts[pattern]! += count;
  }

  const result: CaptureStratum[] = [...strata.entries()].map(([name, entry]) => ({
    name,
    counts: entry.counts,
  }));
  return { lists, strata: result, form, rows: data.length };
}

function parseCount(raw: string, row: number, column: string): number {
  const value = raw.trim();
  const where = `row ${row}, column '${column}'`;
  if (value === '') throw new InvalidInput(where, 'count is empty');
  const number = Number(value);
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(value) || !Number.isFinite(number)) {
    throw new InvalidInput(where, `count must be a whole number, found ${describe(value)}`);
  }
  if (number < 0) throw new InvalidInput(where, `count must not be negative, found ${describe(value)}`);
  if (!Number.isInteger(number))
    throw new InvalidInput(where, `count must be a whole number, found ${describe(value)}`);
  if (number > Number.MAX_SAFE_INTEGER) throw new InvalidInput(where, 'count is too large');
  return number;
}

/** Echo short numbers (they help and cannot identify anyone); describe anything else. */
function describe(value: string): string {
  if (value === '') return 'an empty cell';
  if (value.length <= 12 && /^[-+0-9.eE]+$/.test(value)) return `'${value}'`;
  return 'text';
}
