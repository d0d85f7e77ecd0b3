/**
 * Writes a capture table in the aggregated form parseListsCsv reads (one row per pattern with a
 * non-zero count, a `stratum` column when there are strata), quoting names per RFC 4180.
 */
import type { CaptureTable } from './captureTable.ts';

export function formatListsCsv(table: CaptureTable): string {
  const stratified = table.strata.some((stratum) => stratum.name !== null);
  const header = [...table.lists, ...(stratified ? ['stratum'] : []), 'count'].map(quoteCsv);
  const lines = [header.join(',')];
  for (const stratum of table.strata) {
    for (let pattern = 1; pattern < stratum.counts.length; pattern += 1) {
      const count = stratum.counts[pattern]!;
      if (count === 0) continue;
      const flags = table.lists.map((_, bit) => ((pattern >> bit) & 1 ? '1' : '0'));
      lines.push([...flags, ...(stratified ? [quoteCsv(stratum.name ?? '')] : []), String(count)].join(','));
    }
  }
  return `${lines.join('\r\n')}\r\n`;
}

export function quoteCsv(value: string): string {
  return /[",\r\n]/.test(value) || value.trim() !== value ? `"${value.replace(/"/g, '""')}"` : value;
}
