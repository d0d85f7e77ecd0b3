/**
 * The overlap table as a CSV file the analyst can keep or check in R: one row per observed
 * intersection, a 0/1 column per list and the count — the aggregated form `attest estimate` reads
 * back. A list name that a spreadsheet would run as a formula is escaped (as src/analysis/csv.ts
 * does on the server).
 */
import type { EstimationOverlaps } from './estimationApi.ts';

function cell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function overlapCsv(overlaps: EstimationOverlaps): string {
  const names = overlaps.lists.map((list) => list.name);
  const rows = [[...names, 'count'].map(cell).join(',')];
  for (const intersection of overlaps.intersections) {
    const flags = names.map((_, i) => (intersection.lists.includes(i) ? '1' : '0'));
    rows.push([...flags, String(intersection.count)].join(','));
  }
  return `${rows.join('\r\n')}\r\n`;
}
