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
  const total = keys.reduce((sum, key) => sum + counts.get(key)!, 0);
  const hidden = new Set(keys.filter((key) => counts.get(key)! > 0 && counts.get(key)! < threshold));
  let hideTotal = total > 0 && total < threshold;
  if (hidden.size > 0 && !hideTotal) {
    const sumHidden = (): number => [...hidden].reduce((sum, key) => sum + counts.get(key)!, 0);
    const safe = (): boolean => hidden.size >= 2 && sumHidden() - (hidden.size - 1) >= threshold;
    const visible = keys
      .filter((key) => !hidden.has(key) && counts.get(key)! > 0)
      .sort((a, b) => counts.get(a)! - counts.get(b)! || a.localeCompare(b));
    while (!safe() && visible.length > 0) hidden.add(visible.shift()!);
    if (!safe()) hideTotal = true;
  }
  const cells = keys.map((key): CountCell => {
    const count = counts.get(key)!;
    return hidden.has(key)
      ? { key, count: null, display: 'suppressed', suppressed: true }
      : { key, count, display: String(count), suppressed: false };
  });
  return {
    dimension,
    cells,
    total: hideTotal ? null : total,
    totalDisplay: hideTotal ? 'suppressed' : String(total),
    suppressed: hideTotal,
  };
}
