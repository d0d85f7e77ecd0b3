/**
 * The statistics of a dataset export: documented violations (acts) counted by type, country and
 * year with small-cell suppression (src/analysis/statistics.ts), in public and partner exports alike
 * — both leave the organisation, and a cell of 1 in a village-sized country-year can name a victim.
 * A table that cannot be protected with its total known is withheld: only its total row is
 * written, as "withheld", and no key (a country's name alone says something happened there).
 */
import { type CountTable, countViolations } from '../../analysis/statistics.ts';
import type { ActRecord } from '../../store/acts.ts';
import type { IncidentRecord } from '../../store/incidents.ts';
import type { ExportRow, ExportTable } from './presenters.ts';

export const DEFAULT_SUPPRESSION_THRESHOLD = 5;

const DIMENSION_LABEL: Record<CountTable['dimension'], string> = {
  type: 'type',
  place: 'country',
  period: 'year',
};

export function presentStatistics(
  records: {
    acts: ReadonlyArray<Pick<ActRecord, 'incidentId' | 'type' | 'dateFrom' | 'country'>>;
    incidents: ReadonlyArray<Pick<IncidentRecord, 'id' | 'dateFrom' | 'country'>>;
  },
  threshold: number = DEFAULT_SUPPRESSION_THRESHOLD,
): { table: ExportTable; suppressed: number } {
  const incidents = new Map(records.incidents.map((incident) => [incident.id, incident]));
  // An act without its own date or country takes its incident's: that is what the incident derives.
  const statistics = countViolations(
    records.acts.map((act) => ({
      type: act.type,
      date: act.dateFrom ?? incidents.get(act.incidentId)?.dateFrom ?? null,
      place: act.country ?? incidents.get(act.incidentId)?.country ?? null,
    })),
    { threshold, period: 'year' },
  );
  const rows: ExportRow[] = [];
  let suppressed = 0;
  for (const countTable of [statistics.byType, statistics.byPlace, statistics.byPeriod]) {
    const dimension = DIMENSION_LABEL[countTable.dimension];
    for (const cell of countTable.cells) {
      if (cell.suppressed) suppressed += 1;
      rows.push({
        dimension,
        key: cell.key,
        count: cell.count,
        display: cell.display,
        suppressed: cell.suppressed,
      });
    }
    if (countTable.suppressed) suppressed += 1;
    rows.push({
      dimension,
      key: '(total)',
      count: countTable.total,
      display: countTable.totalDisplay,
      suppressed: countTable.suppressed,
    });
  }
  return {
    table: { name: 'statistics', columns: ['dimension', 'key', 'count', 'display', 'suppressed'], rows },
    suppressed,
  };
}
