/**
 * What a dossier says, as plain data: every text already redacted for its level and every account
 * already named by its pseudonym, so the layout (dossierPdf.ts) only places words on pages and can
 * leak nothing by mistake.
 *
 * The redaction is the dataset export's, field by field: the incident, acts, claims, interventions
 * and sources come from `presentDataset` (exportPresenters.ts) run over this incident's records with
 * the export's redactor; the few texts the export has no column for (each source's own passage and
 * figure for an act, the reasons for a chosen figure or a verification) go through the same
 * redactor. At public level, as in a public export: no SHA-256, size or file name of an original
 * (they would confirm a guessed redacted value), capture times cut to the day, no staff identities.
 */
import {
  EVENT_TYPE_LABELS,
  type EventType,
  INTERVENTION_TYPE_LABELS,
  type InterventionType,
} from '../../core/vocabulary.ts';
import type { ExportRow, ExportTable, JsonValue } from '../export/presenters.ts';
import type { Redactor } from '../export/redaction.ts';
import type { IncidentDetail } from '../incidents/incidents.ts';
import type { CustodyLine } from './dossierCustody.ts';
import type { SourceTimestamp } from './sourceTimestamps.ts';

export const DOSSIER_LEVELS = ['partner', 'public'] as const;
export type DossierLevel = (typeof DOSSIER_LEVELS)[number];

export interface DossierPassage {
  /** "S1", "S2"…: the source's reference in the source list. */
  source: string;
  text: string;
  /** What this source says about the victims, e.g. "more than 100 men" as figures "100–". */
  figure: string | null;
  independent: boolean;
}

export interface DossierClaim {
  source: string;
  actor: string | null;
  text: string;
  passage: string;
  /** For a denial: the act it denies, as "Act 2: Arbitrary detention"; null when it names none. */
  denies: string | null;
}

export interface DossierAct {
  number: number;
  id: string;
  type: string;
  place: string;
  dates: string;
  victimGroup: string | null;
  perpetrators: string[];
  /** The range the sources give, e.g. "100–130", and the one figure counted. */
  range: string;
  chosen: string;
  chosenReason: string;
  status: string;
  statusReason: string;
  passages: DossierPassage[];
  denials: DossierClaim[];
}

export interface DossierSource {
  ref: string;
  id: string;
  title: string;
  publisher: string;
  url: string | null;
  publishedOn: string | null;
  capturedAt: string;
  mediaType: string;
  /** Null at public level (see the header). */
  sha256: string | null;
  byteSize: number | null;
  fileName: string | null;
  timestamp: SourceTimestamp | null;
}

export interface DossierContent {
  level: DossierLevel;
  generatedAt: Date;
  generatedBy: string;
  attestVersion: string;
  organisation: string | null;
  incident: {
    id: string;
    title: string;
    summary: string;
    status: string;
    statusReason: string | null;
    place: string;
    dates: string;
    types: string[];
    tags: string[];
    victims: string;
    evidence: string;
  };
  acts: DossierAct[];
  /** Assertions not tied to one act, and every denial that names no act. */
  otherClaims: DossierClaim[];
  interventions: Array<{
    type: string;
    actor: string | null;
    description: string;
    date: string;
    outcome: string | null;
    source: string | null;
    passage: string | null;
  }>;
  sources: DossierSource[];
  /** Acts by type, country and year, small cells suppressed as in the dataset export. */
  statistics: Array<{ dimension: string; key: string; display: string }>;
  custody: CustodyLine[];
}

export interface DossierInput {
  level: DossierLevel;
  generatedAt: Date;
  generatedBy: string;
  attestVersion: string;
  organisation: string | null;
  detail: IncidentDetail;
  /** presentDataset's tables for this incident's records, at this level. */
  tables: readonly ExportTable[];
  statistics: ExportTable;
  redactor: Redactor;
  /** Names an account by role and pseudonym (dossierCustody.ts). */
  name: (actor: string) => string;
  timestamps: ReadonlyMap<string, SourceTimestamp>;
  custody: CustodyLine[];
}

const str = (value: JsonValue | undefined): string | null =>
  value === null || value === undefined ? null : String(value);

export function rangeText(min: number | null, max: number | null): string {
  if (min === null && max === null) return 'not given';
  if (min === max) return String(min);
  if (max === null) return `${min} or more`;
  if (min === null) return `up to ${max}`;
  return `${min}–${max}`;
}

export function datesText(from: string | null, to: string | null): string {
  if (!from && !to) return 'date not given';
  if (!to || to === from) return from ?? `until ${to}`;
  return `${from ?? '…'} – ${to}`;
}

function placeText(place: string | null, country: string | null): string {
  return [place, country].filter(Boolean).join(', ') || 'place not given';
}

const actTypeLabel = (type: string) => EVENT_TYPE_LABELS[type as EventType]?.en ?? type;
const interventionLabel = (type: string) => INTERVENTION_TYPE_LABELS[type as InterventionType]?.en ?? type;

function rowsById(tables: readonly ExportTable[], name: string): Map<string, ExportRow> {
  const table = tables.find((t) => t.name === name);
  return new Map((table?.rows ?? []).map((row) => [String(row.id), row]));
}

export function composeDossier(input: DossierInput): DossierContent {
  const { detail, redactor, name } = input;
  const evidence = detail.evidence;
  const incidentRow = rowsById(input.tables, 'incidents').get(detail.id)!;
  const actRows = rowsById(input.tables, 'acts');
  const claimRows = rowsById(input.tables, 'claims');
  const interventionRows = rowsById(input.tables, 'interventions');
  const sourceRows = rowsById(input.tables, 'sources');
  const refOf = new Map(evidence.sources.map((source, index) => [source.id, `S${index + 1}`]));
  const ref = (sourceId: string) => refOf.get(sourceId) ?? 'S?';
  const languageOf = new Map(evidence.sources.map((source) => [source.id, source.language]));
  const actNumber = new Map(evidence.acts.map((act, index) => [act.id, index + 1]));

  const claimOf = (id: string, denies: string | null): DossierClaim => {
    const row = claimRows.get(id)!;
    return {
      source: ref(String(row.source_id)),
      actor: str(row.actor_name),
      text: str(row.text) ?? '',
      passage: str(row.passage) ?? '',
      denies,
    };
  };

  const acts = evidence.acts.map((act, index): DossierAct => {
    const row = actRows.get(act.id)!;
    const c = act.corroboration;
    const perpetrators = Array.isArray(row.perpetrators)
      ? row.perpetrators.map((p) =>
          p && typeof p === 'object' && !Array.isArray(p) ? String(p.name) : String(p),
        )
      : [];
    return {
      number: index + 1,
      id: act.id,
      type: actTypeLabel(act.type),
      place: placeText(str(row.place_name), act.country),
      dates: datesText(act.dateFrom, act.dateTo),
      victimGroup: str(row.victim_group),
      perpetrators,
      range: rangeText(c.range.min, c.range.max),
      chosen: c.chosen === null ? 'none' : String(c.chosen),
      chosenReason:
        c.chosen === null
          ? 'no source gives a figure'
          : c.chosenBy
            ? `chosen by ${name(c.chosenBy.by)} on ${c.chosenBy.at.toISOString().slice(0, 10)}: ${redactor.redact(c.chosenBy.reason, 'dossier.chosen_reason')}`
            : 'the lowest figure the sources give (each act counted once, conservatively)',
      status: c.status,
      statusReason: statusReasonOf(c, name, redactor),
      passages: c.sources.map((report) => ({
        source: ref(report.sourceId),
        text: redactor.redact(report.passage, 'dossier.act_passage', {
          language: languageOf.get(report.sourceId),
        }),
        figure:
          report.victims.min === null && report.victims.max === null
            ? null
            : rangeText(report.victims.min, report.victims.max),
        independent: report.independent,
      })),
      denials: evidence.denials
        .filter((denial) => denial.actId === act.id)
        .map((denial) => claimOf(denial.id, `Act ${index + 1}: ${actTypeLabel(act.type)}`)),
    };
  });

  const otherClaims = [
    ...evidence.denials
      .filter((denial) => !denial.actId || !actNumber.has(denial.actId))
      .map((denial) => claimOf(denial.id, 'the incident')),
    ...evidence.assertions.filter((claim) => !claim.actId).map((claim) => claimOf(claim.id, null)),
  ];

  const interventions = evidence.interventions.map((intervention) => {
    const row = interventionRows.get(intervention.id)!;
    return {
      type: interventionLabel(intervention.type),
      actor: str(row.actor_name),
      description: str(row.description) ?? '',
      date: intervention.dateFrom ?? 'date not given',
      outcome: str(row.outcome),
      source: intervention.source ? ref(intervention.source.id) : null,
      passage: str(row.passage),
    };
  });

  const sources = evidence.sources.map((source): DossierSource => {
    const row = sourceRows.get(source.id)!;
    return {
      ref: ref(source.id),
      id: source.id,
      title: str(row.title) ?? str(row.file_name) ?? 'untitled source',
      // A source without a URL (a testimony, an upload) has no publisher but itself.
      publisher: source.origin.startsWith('capture:')
        ? 'not published (captured directly)'
        : redactor.redact(source.origin, 'dossier.publisher'),
      url: str(row.url),
      publishedOn: str(row.published_on),
      capturedAt: (str(row.captured_at) ?? '').replace(/^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}).*$/, '$1 $2 UTC'),
      mediaType: str(row.media_type) ?? '',
      sha256: str(row.sha256),
      byteSize: typeof row.byte_size === 'number' ? row.byte_size : null,
      fileName: str(row.file_name),
      timestamp: input.timestamps.get(source.id) ?? null,
    };
  });

  return {
    level: input.level,
    generatedAt: input.generatedAt,
    generatedBy: input.generatedBy,
    attestVersion: input.attestVersion,
    organisation: input.organisation,
    incident: {
      id: detail.id,
      title: str(incidentRow.title) ?? '',
      summary: str(incidentRow.summary) ?? '',
      status: detail.status,
      statusReason: detail.statusReason
        ? redactor.redact(detail.statusReason, 'dossier.status_reason')
        : null,
      place: placeText(str(incidentRow.place_name), detail.country),
      dates: datesText(detail.dateFrom, detail.dateTo),
      types: detail.types.map(actTypeLabel),
      tags: Array.isArray(incidentRow.tags) ? incidentRow.tags.map(String) : [],
      victims: rangeText(detail.victims.min, detail.victims.max),
      evidence: evidence.summary,
    },
    acts,
    otherClaims,
    interventions,
    sources,
    statistics: input.statistics.rows.map((row) => ({
      dimension: String(row.dimension),
      key: String(row.key),
      display: String(row.display),
    })),
    custody: input.custody,
  };
}

function statusReasonOf(
  c: IncidentDetail['evidence']['acts'][number]['corroboration'],
  name: (actor: string) => string,
  redactor: Redactor,
): string {
  const independent = `${c.independent} independent source${c.independent === 1 ? '' : 's'} of ${c.reports} report${c.reports === 1 ? '' : 's'}`;
  if (c.verification)
    return `verified by ${name(c.verification.by)} on ${c.verification.at.toISOString().slice(0, 10)}: ${redactor.redact(c.verification.reason, 'dossier.verification_reason')} (${independent})`;
  if (c.status === 'corroborated') return `${independent}: two or more independent sources report it`;
  return `${independent}: corroboration needs two independent sources`;
}
