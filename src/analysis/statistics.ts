/**
 * Counts of documented violations by type, period and place, from plain records, with small-cell
 * suppression for anything that leaves the organisation.
 *
 * Why suppress: a published "1 killing in village X in March" can identify the victim and, through
 * them, the witness who reported it. Cells from 1 to threshold − 1 (default 5, the usual
 * statistical-disclosure floor) are suppressed. Zero cells are shown: they describe no one.
 *
 * Complementary suppression (one-way tables with a published total): a lone suppressed cell is
 * recovered as total − the other cells, and several suppressed cells leak their sum. So, after the
 * primary suppression, the smallest non-zero visible cells are also suppressed until
 *   (a) at least two cells are suppressed, and
 *   (b) sum − (m − 1) ≥ threshold, where m cells with sum `sum` are suppressed: every suppressed
 *       cell holds at least 1 (zeros are shown), so the most a reader can prove about any one of
 *       them is that it lies in [1, sum − (m − 1)]; (b) keeps that range reaching the threshold,
 *       so no suppressed cell can be shown to be small, let alone pinned down.
 * When no visible cell is left to add, or the total is below the threshold, the table is withheld
 * whole: no cell, no key (a place name alone says something happened there) and no total. Hiding
 * only the total would not do: the tables of one release share it, and any other table gives it.
 * Every suppressed cell is shown the same way (count null, display "suppressed"): marking primary
 * cells "<5" and complementary ones differently would tell a reader which is which, and "<5" would
 * be false for a complementary cell.
 *
 * Totals are exact, never rounded: they are safe because the complementary rule assumes a reader
 * knows them. Tables linked to others (nested groups, filtered populations) are handled by
 * `suppressRows`'s groups and forced rows (src/analysis/linkedTables.ts).
 */

export interface ViolationRecord {
  type?: string | null;
  /** ISO 8601 date or partial date: YYYY, YYYY-MM or YYYY-MM-DD. */
  date?: string | null;
  place?: string | null;
}

export interface CountCell {
  key: string;
  /** null when suppressed. */
  count: number | null;
  display: string;
  suppressed: boolean;
}

export interface CountTable {
  dimension: 'type' | 'period' | 'place';
  cells: CountCell[];
  total: number | null;
  totalDisplay: string;
  suppressed: boolean;
  /** Too few records, or no way to protect a small cell with the total known: no cell is given. */
  withheld: boolean;
}

export interface StatisticsOptions {
  /** Smallest count shown (default 5). */
  threshold?: number;
  /** Period granularity (default year). */
  period?: 'year' | 'month';
  /** false for internal use only: nothing is suppressed (default true). */
  suppress?: boolean;
}

export interface Statistics {
  records: number;
  threshold: number;
  byType: CountTable;
  byPeriod: CountTable;
  byPlace: CountTable;
}

/** Records without a value are counted under this key, so cells always add up to the total. */
export const UNKNOWN = 'unknown';

export function countViolations(
  records: readonly ViolationRecord[],
  options: StatisticsOptions = {},
): Statistics {
  const threshold = options.threshold ?? 5;
  if (!Number.isInteger(threshold) || threshold < 1)
    throw new RangeError('threshold must be a whole number ≥ 1');
  const suppress = options.suppress ?? true;
  const granularity = options.period ?? 'year';
  const tally = (
    dimension: CountTable['dimension'],
    keyOf: (record: ViolationRecord) => string,
  ): CountTable => {
    const counts = new Map<string, number>();
    for (const record of records) {
      const key = keyOf(record);
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    return suppressSmallCells(dimension, counts, suppress ? threshold : 0);
  };
  return {
    records: records.length,
    threshold,
    byType: tally('type', (record) => clean(record.type)),
    byPeriod: tally('period', (record) => periodOf(record.date, granularity)),
    byPlace: tally('place', (record) => clean(record.place)),
  };
}

function clean(value: string | null | undefined): string {
  const trimmed = value?.trim();
  return trimmed ? trimmed : UNKNOWN;
}

export function periodOf(date: string | null | undefined, granularity: 'year' | 'month'): string {
  const match = /^(\d{4})(?:-(0[1-9]|1[0-2]))?(?:-\d{2})?/.exec(date?.trim() ?? '');
  if (!match) return UNKNOWN;
  if (granularity === 'year') return match[1]!;
  return match[2] ? `${match[1]}-${match[2]}` : `${match[1]} (month unknown)`;
}

/** One-way table with primary and complementary suppression (rule in the header comment). */
export function suppressSmallCells(
  dimension: CountTable['dimension'],
  counts: ReadonlyMap<string, number>,
  threshold: number,
): CountTable {
  const keys = [...counts.keys()].sort((a, b) => a.localeCompare(b));
  const { hidden, totalHidden } = suppressRows(
    keys.map((key) => ({ key, values: { count: counts.get(key)! } })),
    [{ name: 'count', floor: 1, sensitive: true }],
    threshold,
  );
  const total = keys.reduce((sum, key) => sum + counts.get(key)!, 0);
  if (totalHidden)
    return { dimension, cells: [], total: null, totalDisplay: 'withheld', suppressed: true, withheld: true };
  const cells = keys.map((key): CountCell => {
    const count = counts.get(key)!;
    return hidden.has(key)
      ? { key, count: null, display: 'suppressed', suppressed: true }
      : { key, count, display: String(count), suppressed: false };
  });
  return { dimension, cells, total, totalDisplay: String(total), suppressed: false, withheld: false };
}

/** One published figure of every row of a table (acts, victims, the low or high end of a range). */
export interface SeriesRule<S extends string> {
  name: S;
  /**
   * What a reader knows each hidden row holds at least: 1 for a count of acts (a row exists because
   * it has acts; zero rows are never hidden), 0 for a figure a row may lack.
   */
  floor: 0 | 1;
  /** Whether a small value of this series is itself disclosive (acts, victims), or only a bound. */
  sensitive: boolean;
}

export interface SuppressibleRow<S extends string> {
  key: string;
  /** null: the row has no such figure (a range without upper end); the series total is then unknown. */
  values: Readonly<Record<S, number | null>>;
  /**
   * Rows of one group share a subtotal published elsewhere (a country's regions: the country table;
   * a year's months: the exported year table). Left out when that subtotal is not published.
   */
  group?: string | undefined;
}

export interface SuppressionOptions {
  /** Rows hidden whatever their figures: a linked public table hides them, or would give them away. */
  forced?: ReadonlySet<string>;
}

/**
 * Small-cell suppression of a one-way table whose rows carry several figures published together
 * (acts and victims, with the victims' range). A row is hidden whole, every figure of it, so one
 * figure cannot be read through another.
 *
 * - Primary: a row is hidden when any sensitive figure is from 1 to threshold − 1, or when the
 *   caller forces it (linked tables: src/analysis/linkedTables.ts).
 * - Complementary: rows are added, smallest first, until the hidden rows are safe against every
 *   published sum — the table's total and each group's subtotal: in every such unit, no hidden row
 *   or at least two of them and, for every series whose sum is published, the sum a reader
 *   recovers (unit sum − visible rows) cannot prove any one hidden row below the threshold:
 *   sum − (m − 1) ≥ threshold for a series whose rows hold at least 1 each; sum = 0 or sum ≥
 *   threshold for one whose rows may hold 0. Groups are made safe first, within the group.
 * - The totals are hidden when a sensitive total is below the threshold, or when a unit has no row
 *   left to hide and is still not safe.
 */
export function suppressRows<S extends string>(
  rows: ReadonlyArray<SuppressibleRow<S>>,
  series: ReadonlyArray<SeriesRule<S>>,
  threshold: number,
  options: SuppressionOptions = {},
): { hidden: Set<string>; totalHidden: boolean } {
  const small = (value: number | null) => value !== null && value > 0 && value < threshold;
  const hidden = new Set<string>();
  if (threshold <= 1) return { hidden, totalHidden: false };
  const sumOf = (unit: ReadonlyArray<SuppressibleRow<S>>, name: S): number | null =>
    unit.some((row) => row.values[name] === null)
      ? null
      : unit.reduce((sum, row) => sum + (row.values[name] ?? 0), 0);
  for (const row of rows)
    if (options.forced?.has(row.key) || series.some((rule) => rule.sensitive && small(row.values[rule.name])))
      hidden.add(row.key);
  let totalHidden = series.some((rule) => rule.sensitive && small(sumOf(rows, rule.name)));
  if (hidden.size === 0 || totalHidden) return { hidden, totalHidden };
  const grouped = new Map<string, Array<SuppressibleRow<S>>>();
  for (const row of rows)
    if (row.group !== undefined) grouped.set(row.group, [...(grouped.get(row.group) ?? []), row]);
  // Groups first: a row added for a group also counts for the table, rarely the other way round.
  const units = [...grouped.values(), rows];
  const safe = (unit: ReadonlyArray<SuppressibleRow<S>>): boolean => {
    const inside = unit.filter((row) => hidden.has(row.key));
    if (inside.length === 0) return true;
    if (inside.length < 2) return false;
    return series.every((rule) => {
      if (sumOf(unit, rule.name) === null) return true;
      const sum = inside.reduce((total, row) => total + (row.values[rule.name] ?? 0), 0);
      return rule.floor === 1 ? sum - (inside.length - 1) >= threshold : sum === 0 || sum >= threshold;
    });
  };
  const first = series.find((rule) => rule.sensitive) ?? series[0];
  const size = (row: SuppressibleRow<S>) => (first ? (row.values[first.name] ?? 0) : 0);
  const nextCandidate = (unit: ReadonlyArray<SuppressibleRow<S>>) =>
    unit
      .filter((row) => !hidden.has(row.key) && series.some((rule) => (row.values[rule.name] ?? 0) > 0))
      .sort((a, b) => size(a) - size(b) || a.key.localeCompare(b.key))[0];
  for (let unit = units.find((each) => !safe(each)); unit; unit = units.find((each) => !safe(each))) {
    const candidate = nextCandidate(unit);
    if (!candidate) {
      totalHidden = true;
      break;
    }
    hidden.add(candidate.key);
  }
  return { hidden, totalHidden };
}
