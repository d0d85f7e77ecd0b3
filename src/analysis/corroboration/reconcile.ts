/**
 * Counts reconcile, never add up: every source's own figure stays on record; an act shows the range
 * they give and ONE chosen figure — by default the lowest lower bound any source reports (the
 * conservative rule of event-data projects such as ACLED), or a figure a person chose with a reason.
 * And statuses follow the evidence: alleged (one independent report), corroborated (two or more),
 * verified (a person confirmed it, with a reason).
 */
import { INCIDENT_STATUSES, type IncidentStatus } from '../../core/vocabulary.ts';

export interface ReportedFigure {
  victimsMin: number | null;
  victimsMax: number | null;
}

export interface FigureRange {
  min: number | null;
  /** Null when a source gives no upper bound ("more than 100"): the range is open. */
  max: number | null;
}

export function figureRange(figures: readonly ReportedFigure[]): FigureRange {
  const reported = figures.filter((f) => f.victimsMin !== null || f.victimsMax !== null);
  if (reported.length === 0) return { min: null, max: null };
  const lows = reported.map((f) => f.victimsMin ?? 0);
  const highs = reported.map((f) => f.victimsMax);
  const bounded = highs.every((high): high is number => high !== null);
  return { min: Math.min(...lows), max: bounded ? Math.max(...highs) : null };
}

/** The chosen figure: a person's choice when there is one, else the conservative default. */
export function chosenFigure(range: FigureRange, personChoice: number | null): number | null {
  return personChoice ?? range.min;
}

export function actStatus(independentReports: number, verified: boolean): IncidentStatus {
  if (verified) return 'verified';
  return independentReports >= 2 ? 'corroborated' : 'alleged';
}

/** The most an incident may claim without a reviewer's override: what its best-supported act has. */
export function supportedIncidentStatus(actStatuses: readonly IncidentStatus[]): IncidentStatus {
  let best = 0;
  for (const status of actStatuses) best = Math.max(best, INCIDENT_STATUSES.indexOf(status));
  return INCIDENT_STATUSES[best]!;
}

export function claimsMoreThan(status: IncidentStatus, supported: IncidentStatus): boolean {
  return INCIDENT_STATUSES.indexOf(status) > INCIDENT_STATUSES.indexOf(supported);
}
