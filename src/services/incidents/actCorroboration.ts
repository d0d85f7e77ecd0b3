/**
 * Per act: the sources that report it (each with its own figure and passage), how many of them are
 * independent (analysis/corroboration/independence.ts), the range of their figures and the one
 * chosen figure (reconcile.ts), and the status the evidence supports.
 */
import { assessIndependence, type Report } from '../../analysis/corroboration/independence.ts';
import {
  actStatus,
  chosenFigure,
  figureRange,
  supportedIncidentStatus,
} from '../../analysis/corroboration/reconcile.ts';
import type { IncidentStatus } from '../../core/vocabulary.ts';
import type { EvidenceRecord } from '../../store/actEvidence.ts';
import type { ActRecord } from '../../store/acts.ts';
import type { IncidentSource } from '../../store/incidents.ts';

export interface ActSourceReport {
  sourceId: string;
  title: string | null;
  publisher: string;
  /** False for a second report of one publisher, or a near-copy of an earlier report. */
  independent: boolean;
  /** The earlier report this one repeats (same publisher or near-copy), when not independent. */
  repeats: string | null;
  victims: { min: number | null; max: number | null; group: string | null };
  placeName: string | null;
  country: string | null;
  dateFrom: string | null;
  dateTo: string | null;
  passage: string;
  start: number;
  end: number;
  linkedBy: string;
  linkedAt: Date;
}

export interface ActCorroboration {
  reports: number;
  independent: number;
  status: IncidentStatus;
  range: { min: number | null; max: number | null };
  chosen: number | null;
  chosenBy: { by: string; at: Date; reason: string } | null;
  verification: { by: string; at: Date; reason: string } | null;
  sources: ActSourceReport[];
}

/** The reports of a set of sources, ordered by publication then capture order. */
export function reportsOf(sources: readonly IncidentSource[], ids: ReadonlySet<string>): Report[] {
  return sources
    .filter((source) => ids.has(source.id))
    .map((source, index) => ({
      sourceId: source.id,
      publisher: source.origin,
      text: source.text,
      // sourcesOf lists sources by publication date, then when they were added.
      order: String(index).padStart(6, '0'),
    }));
}

export function corroborateActs(
  acts: readonly ActRecord[],
  evidence: readonly EvidenceRecord[],
  sources: readonly IncidentSource[],
): Map<string, ActCorroboration> {
  const texts = new Map(sources.map((source) => [source.id, source.text]));
  const result = new Map<string, ActCorroboration>();
  for (const act of acts) {
    const links = evidence.filter((link) => link.actId === act.id);
    const independence = assessIndependence(reportsOf(sources, new Set(links.map((l) => l.sourceId))));
    const range = figureRange(links);
    const ownRange =
      range.min === null && range.max === null ? { min: act.victimsMin, max: act.victimsMax } : range;
    result.set(act.id, {
      reports: independence.reports,
      independent: independence.independent,
      status: actStatus(independence.independent, act.verification !== null),
      range: ownRange,
      chosen: chosenFigure(ownRange, act.chosen?.victims ?? null),
      chosenBy: act.chosen ? { by: act.chosen.by, at: act.chosen.at, reason: act.chosen.reason } : null,
      verification: act.verification,
      sources: links.map((link) => {
        const representative = independence.groupOf.get(link.sourceId) ?? link.sourceId;
        const independent = independence.independentBySource.get(link.sourceId) ?? true;
        return {
          sourceId: link.sourceId,
          title: link.sourceTitle,
          publisher: link.publisher,
          independent,
          repeats: independent ? null : representative,
          victims: { min: link.victimsMin, max: link.victimsMax, group: link.victimGroup },
          placeName: link.placeName,
          country: link.country,
          dateFrom: link.dateFrom,
          dateTo: link.dateTo,
          passage: texts.get(link.sourceId)?.slice(link.start, link.end) ?? '',
          start: link.start,
          end: link.end,
          linkedBy: link.linkedBy,
          linkedAt: link.linkedAt,
        };
      }),
    });
  }
  return result;
}

export function incidentSupportedStatus(
  corroboration: ReadonlyMap<string, ActCorroboration>,
): IncidentStatus {
  return supportedIncidentStatus([...corroboration.values()].map((act) => act.status));
}
