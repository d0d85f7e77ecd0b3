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
 * When no visible cell is left to add, the total is suppressed as well; a total below the
 * threshold is always suppressed. Every suppressed cell is shown the same way (count null,
 * display "suppressed"): marking primary cells "<5" and complementary ones differently would tell
 * a reader which is which, and "<5" would be false for a complementary cell.
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
  const cells = keys.map((key): CountCell => {
    const count = counts.get(key)!;
    return hidden.has(key)
      ? { key, count: null, display: 'suppressed', suppressed: true }
      : { key, count, display: String(count), suppressed: false };
  });
  return {
    dimension,
    cells,
    total: totalHidden ? null : total,
    totalDisplay: totalHidden ? 'suppressed' : String(total),
    suppressed: totalHidden,
  };
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
}

/**
 * Small-cell suppression of a one-way table whose rows carry several figures published together
 * (acts and victims, with the victims' range). A row is hidden whole, every figure of it, so one
 * figure cannot be read through another.
 *
 * - Primary: a row is hidden when any sensitive figure is from 1 to threshold − 1.
 * - Complementary: rows are added, smallest first, until the hidden rows are safe against the
 *   published totals: at least two of them and, for every series whose total is published, the sum a
 *   reader recovers (total − visible rows) cannot prove any one hidden row below the threshold:
 *   sum − (m − 1) ≥ threshold for a series whose rows hold at least 1 each; sum = 0 or sum ≥
 *   threshold for one whose rows may hold 0.
 * - The totals are hidden when a sensitive total is below the threshold, or when no row is left to
 *   hide and the hidden ones are still not safe.
 */
export function suppressRows<S extends string>(
  rows: ReadonlyArray<SuppressibleRow<S>>,
  series: ReadonlyArray<SeriesRule<S>>,
  threshold: number,
): { hidden: Set<string>; totalHidden: boolean } {
  const small = (value: number | null) => value !== null && value > 0 && value < threshold;
  const hidden = new Set<string>();
  if (threshold <= 1) return { hidden, totalHidden: false };
  const totals = new Map<S, number | null>(
    series.map((rule) => [
      rule.name,
      rows.some((row) => row.values[rule.name] === null)
        ? null
        : rows.reduce((sum, row) => sum + (row.values[rule.name] ?? 0), 0),
    ]),
  );
  for (const row of rows)
    if (series.some((rule) => rule.sensitive && small(row.values[rule.name]))) hidden.add(row.key);
  let totalHidden = series.some((rule) => rule.sensitive && small(totals.get(rule.name) ?? null));
  if (hidden.size === 0 || totalHidden) return { hidden, totalHidden };
  const safe = (): boolean => {
    if (hidden.size < 2) return false;
    const inside = rows.filter((row) => hidden.has(row.key));
    return series.every((rule) => {
      if (totals.get(rule.name) === null) return true;
      const sum = inside.reduce((total, row) => total + (row.values[rule.name] ?? 0), 0);
      return rule.floor === 1 ? sum - (inside.length - 1) >= threshold : sum === 0 || sum >= threshold;
    });
  };
  const first = series.find((rule) => rule.sensitive) ?? series[0];
  const size = (row: SuppressibleRow<S>) => (first ? (row.values[first.name] ?? 0) : 0);
  const candidates = rows
    .filter((row) => !hidden.has(row.key) && series.some((rule) => (row.values[rule.name] ?? 0) > 0))
    .sort((a, b) => size(a) - size(b) || a.key.localeCompare(b.key));
  while (!safe() && candidates.length > 0) hidden.add(candidates.shift()!.key);
  if (!safe()) totalHidden = true;
  return { hidden, totalHidden };
}
