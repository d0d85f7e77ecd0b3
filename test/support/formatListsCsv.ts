/**
 * Writes a capture table in the aggregated form parseListsCsv reads (one row per pattern with a
 * non-zero count, a `stratum` column when there are strata), with the project's one CSV writer.
 * Only the round-trip tests need it: the product reads capture tables, it never writes them.
 */
import { formatCsv } from '../../src/analysis/csv.ts';
import type { CaptureTable } from '../../src/analysis/mse/captureTable.ts';

export function formatListsCsv(table: CaptureTable): string {
  const stratified = table.strata.some((stratum) => stratum.name !== null);
  const rows = [[...table.lists, ...(stratified ? ['stratum'] : []), 'count']];
  for (const stratum of table.strata) {
    for (let pattern = 1; pattern < stratum.counts.length; pattern += 1) {
      const count = stratum.counts[pattern]!;
      if (count === 0) continue;
      const flags = table.lists.map((_, bit) => ((pattern >> bit) & 1 ? '1' : '0'));
      rows.push([...flags, ...(stratified ? [stratum.name ?? ''] : []), String(count)]);
    }
  }
  return formatCsv(rows);
}
