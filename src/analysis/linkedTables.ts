/**
 * Suppression across linked public tables: what one table must hide because another public table
 * would give its hidden cells away (the rule inside one table: suppressRows, statistics.ts).
 *
 * A filtered table (acts by month in country X) sits inside the table with one filter fewer (acts
 * by month everywhere): subtracting one from the other gives the acts the filter removed, row by
 * row, and a 2 there is as disclosive as a 2 anywhere. So, against every table with one filter
 * fewer (its "parent"):
 *   - the filtered population must be the parent's, or smaller by at least the threshold (the
 *     query-set-size rule: k ≤ |filtered| and |parent| − |filtered| ∈ {0} ∪ [k, ∞)); else the
 *     filtered table is withheld;
 *   - a row the parent hides is hidden (else the filtered figure is a floor on the hidden one,
 *     and with the parent's recovered sum can pin it);
 *   - a row whose sensitive figures differ from the parent's by 1 to threshold − 1 is hidden.
 * Applied at every level (each parent checked against its own parents), differences over several
 * filters removed at once are sums of differences that are each 0 or ≥ threshold, so they are too.
 */
import type { SeriesRule, SuppressibleRow } from './statistics.ts';

export interface PublishedTable<S extends string> {
  rows: ReadonlyArray<SuppressibleRow<S>>;
  hidden: ReadonlySet<string>;
}

export interface ParentConstraint {
  /** Rows the filtered table must hide whatever their own figures. */
  forced: Set<string>;
  /** The filtered population is too close to the parent's: withhold the filtered table. */
  withheld: boolean;
}

export function constraintsFromParent<S extends string>(
  child: ReadonlyArray<SuppressibleRow<S>>,
  parent: PublishedTable<S>,
  series: ReadonlyArray<SeriesRule<S>>,
  threshold: number,
): ParentConstraint {
  const forced = new Set<string>();
  if (threshold <= 1) return { forced, withheld: false };
  const sensitive = series.filter((rule) => rule.sensitive);
  const revealsSmall = (parentValue: number | null, childValue: number | null) =>
    parentValue !== null &&
    childValue !== null &&
    parentValue - childValue > 0 &&
    parentValue - childValue < threshold;
  const total = (rows: ReadonlyArray<SuppressibleRow<S>>, name: S) =>
    rows.some((row) => row.values[name] === null)
      ? null
      : rows.reduce((sum, row) => sum + (row.values[name] ?? 0), 0);
  const withheld = sensitive.some((rule) =>
    revealsSmall(total(parent.rows, rule.name), total(child, rule.name)),
  );
  const parentRows = new Map(parent.rows.map((row) => [row.key, row]));
  for (const row of child) {
    const above = parentRows.get(row.key);
    if (
      !above ||
      parent.hidden.has(row.key) ||
      sensitive.some((rule) => revealsSmall(above.values[rule.name], row.values[rule.name]))
    )
      forced.add(row.key);
  }
  return { forced, withheld };
}

/**
 * Rows of a table nested in another public table's cells (regions in the country table): a row
 * whose parent cell is hidden is hidden too (else the rows of that parent add up to it), and the
 * others are grouped under their parent, whose published figure is then a subtotal to protect.
 */
export function nestUnder<S extends string>(
  rows: ReadonlyArray<SuppressibleRow<S>>,
  parentOf: (row: SuppressibleRow<S>) => string,
  parent: PublishedTable<S>,
): { rows: Array<SuppressibleRow<S>>; forced: Set<string> } {
  const forced = new Set<string>();
  const published = new Set(parent.rows.map((row) => row.key));
  const nested = rows.map((row) => {
    const key = parentOf(row);
    if (parent.hidden.has(key) || !published.has(key)) {
      forced.add(row.key);
      return { ...row, group: undefined };
    }
    return { ...row, group: key };
  });
  return { rows: nested, forced };
}
