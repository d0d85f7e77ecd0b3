/**
 * What leaves the organisation in a dataset export, field by field: the one place to read it.
 *
 * Public (advocacy, anyone may read it): every free text and source URL goes through the redactor;
 * who captured, confirmed, verified or changed anything is dropped (staff e-mail addresses);
 * original file names are dropped (they often carry a witness's name); span offsets are dropped
 * (they point into the unredacted text and would give away the length of each removed value).
 * Place names are redacted too: a reviewer may type a street address where a town was suggested.
 * A source's SHA-256 and byte size are dropped: both describe the unredacted original, so for a plain
 * text anyone could confirm a guessed phone number or name against the hash, and the size gives away
 * how long the removed values were. Capture times are cut to the day (the minute can be matched
 * against a witness's movements or a network log).
 * Partner (a trusted
 * organisation): the records as stored, with provenance. Neither ever carries password hashes,
 * wrapped keys, sessions, compartment keys or the audit log — those are simply never read.
 */
import type { ActGeolocation, ActRecord, Provenance } from '../../store/acts.ts';
import type { InvolvementRow } from '../../store/involvements.ts';
import type { SourceRecord } from '../../store/sources.ts';
import type { PersonFields } from '../persons/sealing.ts';
import type { DatasetRecords } from './records.ts';
import type { Redactor } from './redaction.ts';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type ExportRow = Record<string, JsonValue>;

export interface ExportTable {
  /** File name without extension: incidents, acts, claims… */
  name: string;
  columns: readonly string[];
  rows: ExportRow[];
}

export interface PresentOptions {
  public: boolean;
  redactor: Redactor;
}

const iso = (date: Date | null) => (date ? date.toISOString() : null);
/** YYYY-MM-DD (UTC): when a public export says something was captured. */
const isoDay = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : null);

function table(name: string, rows: ExportRow[], columns: readonly string[]): ExportTable {
  // Columns are fixed per mode, so an empty table still has its header row.
  return {
    name,
    columns,
    rows: rows.map((row) => Object.fromEntries(columns.map((c) => [c, row[c] ?? null]))),
  };
}

/**
 * Coordinates as a public export gives them: two decimals (about a kilometre) and a precision no
 * finer than "near" (2). An exact point can be a family's house or a shelter; ACLED-style maps need
 * the town, not the door. Partner exports carry the coordinates as recorded.
 */
function geolocationColumns(geolocation: ActGeolocation | null, isPublic: boolean): ExportRow {
  if (!geolocation) return { latitude: null, longitude: null, geo_precision: null };
  if (!isPublic)
    return {
      latitude: geolocation.latitude,
      longitude: geolocation.longitude,
      geo_precision: geolocation.precision,
    };
  const round = (value: number) => Math.round(value * 100) / 100;
  return {
    latitude: round(geolocation.latitude),
    longitude: round(geolocation.longitude),
    geo_precision: Math.max(2, geolocation.precision),
  };
}

/** Who confirmed a record and when: partner exports only. */
const provenanceColumns = (provenance: Provenance | null): ExportRow => ({
  confirmed_by: provenance?.confirmedBy ?? null,
  confirmed_at: provenance?.confirmedAt ?? null,
});

export function presentDataset(records: DatasetRecords, options: PresentOptions): ExportTable[] {
  const { redactor } = options;
  const isPublic = options.public;
  const sourceById = new Map(records.sources.map((source) => [source.id, source]));
  const incidentLanguage = new Map(records.incidents.map((incident) => [incident.id, incident.language]));
  const passageOf = (sourceId: string | null, start: number | null, end: number | null, field: string) => {
    const source = sourceId ? sourceById.get(sourceId) : undefined;
    if (!source || start === null || end === null) return null;
    return redactor.redact(source.text.slice(start, end), field, { language: source.language });
  };
  const spanColumns = (start: number | null, end: number | null): ExportRow =>
    isPublic ? {} : { span_start: start, span_end: end };

  const incidents = records.incidents.map(
    (incident): ExportRow => ({
      id: incident.id,
      title: redactor.redact(incident.title, 'incidents.title', { language: incident.language }),
      summary: redactor.redact(incident.summary, 'incidents.summary', { language: incident.language }),
      status: incident.status,
      place_name: redactor.redactNullable(incident.placeName, 'incidents.place_name'),
      country: incident.country,
      date_from: incident.dateFrom,
      date_to: incident.dateTo,
      date_precision: incident.datePrecision,
      language: incident.language,
      tags: incident.tags.map((tag) => redactor.redact(tag, 'incidents.tags')),
      types: incident.types,
      victims_min: incident.victims.min,
      victims_max: incident.victims.max,
      source_ids: incident.sourceIds,
      created_at: iso(incident.createdAt),
      updated_at: iso(incident.updatedAt),
      ...(isPublic
        ? {}
        : {
            created_by: incident.createdBy,
            verified_by: incident.verifiedBy,
            verified_at: iso(incident.verifiedAt),
            status_changed_by: incident.statusChangedBy,
            status_changed_at: iso(incident.statusChangedAt),
          }),
    }),
  );

  const acts = records.acts.map(
    (act: ActRecord): ExportRow => ({
      id: act.id,
      incident_id: act.incidentId,
      type: act.type,
      // The range the sources give and the one figure to count (each act once: 040_act_evidence.sql).
      victims_min: act.victimsMin,
      victims_max: act.victimsMax,
      victims_chosen: act.chosen?.victims ?? act.victimsMin,
      victim_group: redactor.redactNullable(act.victimGroup, 'acts.victim_group'),
      place_name: redactor.redactNullable(act.placeName, 'acts.place_name'),
      country: act.country,
      ...geolocationColumns(act.geolocation, isPublic),
      date_from: act.dateFrom,
      date_to: act.dateTo,
      date_precision: act.datePrecision,
      perpetrators: act.perpetrators.map((p) => ({
        name: redactor.redact(p.name, 'acts.perpetrators'),
        actor_id: p.actorId,
      })),
      source_id: act.provenance?.sourceId ?? null,
      ...spanColumns(act.provenance?.start ?? null, act.provenance?.end ?? null),
      passage: passageOf(
        act.provenance?.sourceId ?? null,
        act.provenance?.start ?? null,
        act.provenance?.end ?? null,
        'acts.passage',
      ),
      edited: act.provenance?.edited ?? null,
      ...(isPublic ? {} : provenanceColumns(act.provenance)),
    }),
  );

  const claims = records.claims.map(
    (claim): ExportRow => ({
      id: claim.id,
      incident_id: claim.incidentId,
      act_id: claim.actId,
      source_id: claim.sourceId,
      actor_id: claim.actorId,
      actor_name: redactor.redactNullable(claim.actorName, 'claims.actor_name'),
      stance: claim.stance,
      text: redactor.redact(claim.text, 'claims.text', {
        language: sourceById.get(claim.sourceId)?.language,
      }),
      ...spanColumns(claim.spanStart, claim.spanEnd),
      passage: passageOf(claim.sourceId, claim.spanStart, claim.spanEnd, 'claims.passage'),
      ...(isPublic ? {} : provenanceColumns(claim.provenance)),
    }),
  );

  const interventions = records.interventions.map(
    (intervention): ExportRow => ({
      id: intervention.id,
      incident_id: intervention.incidentId,
      type: intervention.type,
      actor_id: intervention.actorId,
      actor_name: redactor.redactNullable(intervention.actorName, 'interventions.actor_name'),
      description: redactor.redact(intervention.description, 'interventions.description', {
        language: incidentLanguage.get(intervention.incidentId),
      }),
      date_from: intervention.dateFrom,
      outcome: redactor.redactNullable(intervention.outcome, 'interventions.outcome'),
      source_id: intervention.sourceId,
      ...spanColumns(intervention.spanStart, intervention.spanEnd),
      passage: passageOf(
        intervention.sourceId,
        intervention.spanStart,
        intervention.spanEnd,
        'interventions.passage',
      ),
      ...(isPublic ? {} : provenanceColumns(intervention.provenance)),
    }),
  );

  const actors = records.actors.map(
    (actor): ExportRow => ({
      id: actor.id,
      name: redactor.redact(actor.name, 'actors.name'),
      kind: actor.kind,
    }),
  );

  const sources = records.sources.map(
    (source: SourceRecord): ExportRow => ({
      id: source.id,
      title: redactor.redactNullable(source.title, 'sources.title', { language: source.language }),
      // A URL can name its author (a victim's own post); texts lose their URLs, so metadata does too.
      url: redactor.redactNullable(source.url, 'sources.url'),
      published_on: source.publishedOn,
      language: source.language,
      media_type: source.mediaType,
      captured_at: isPublic ? isoDay(source.capturedAt) : iso(source.capturedAt),
      origin_reliability: source.originReliability,
      content_reliability: source.contentReliability,
      // Hash and size of the unredacted original: a partner verifies originals handed over with them;
      // in public they would confirm a guessed redacted value (see the header).
      ...(isPublic
        ? {}
        : {
            sha256: source.sha256,
            byte_size: source.byteSize,
            file_name: source.fileName,
            captured_by: source.capturedBy,
          }),
      text: redactor.redact(source.text, 'sources.text', {
        language: source.language,
        stored: source.suggestions.pii,
      }),
    }),
  );

  const provenance = isPublic ? [] : ['confirmed_by', 'confirmed_at'];
  const spans = isPublic ? [] : ['span_start', 'span_end'];
  return [
    table('incidents', incidents, [
      'id',
      'title',
      'summary',
      'status',
      'place_name',
      'country',
      'date_from',
      'date_to',
      'date_precision',
      'language',
      'tags',
      'types',
      'victims_min',
      'victims_max',
      'source_ids',
      'created_at',
      'updated_at',
      ...(isPublic
        ? []
        : ['created_by', 'verified_by', 'verified_at', 'status_changed_by', 'status_changed_at']),
    ]),
    table('acts', acts, [
      'id',
      'incident_id',
      'type',
      'victims_min',
      'victims_max',
      'victims_chosen',
      'victim_group',
      'place_name',
      'country',
      'latitude',
      'longitude',
      'geo_precision',
      'date_from',
      'date_to',
      'date_precision',
      'perpetrators',
      'source_id',
      ...spans,
      'passage',
      'edited',
      ...provenance,
    ]),
    table('claims', claims, [
      'id',
      'incident_id',
      'act_id',
      'source_id',
      'actor_id',
      'actor_name',
      'stance',
      'text',
      ...spans,
      'passage',
      ...provenance,
    ]),
    table('interventions', interventions, [
      'id',
      'incident_id',
      'type',
      'actor_id',
      'actor_name',
      'description',
      'date_from',
      'outcome',
      'source_id',
      ...spans,
      'passage',
      ...provenance,
    ]),
    table('actors', actors, ['id', 'name', 'kind']),
    table('sources', sources, [
      'id',
      ...(isPublic ? [] : ['sha256']),
      'title',
      'url',
      'published_on',
      'language',
      'media_type',
      ...(isPublic ? [] : ['byte_size']),
      'captured_at',
      'origin_reliability',
      'content_reliability',
      ...(isPublic ? [] : ['file_name', 'captured_by']),
      'text',
    ]),
  ];
}

/** Decrypted person records: partner exports by an authorised user only, never public ones. */
export function presentPersons(
  persons: ReadonlyArray<PersonFields & { code: string; compartment: string }>,
): ExportTable {
  const rows = persons.map(
    (person): ExportRow => ({
      code: person.code,
      compartment: person.compartment,
      name: person.name,
      aliases: person.aliases,
      contacts: person.contacts,
      birth_date: person.birthDate,
      note: person.note,
    }),
  );
  return table('persons', rows, ['code', 'compartment', 'name', 'aliases', 'contacts', 'birth_date', 'note']);
}

/**
 * Who was involved in each act (ESF involvements). Persons appear by their code only, never a name,
 * and in public exports not at all: the role stays (a victim was named), the pseudonym goes, since a
 * code repeated across acts and exports lets a reader follow one person. Organisations are public
 * actors, their names redacted like any text.
 */
export function presentInvolvements(
  involvements: readonly InvolvementRow[],
  options: PresentOptions,
): ExportTable {
  const rows = involvements.map(
    (involvement): ExportRow => ({
      id: involvement.id,
      act_id: involvement.actId,
      role: involvement.role,
      person_code: options.public ? null : involvement.personCode,
      organisation: options.redactor.redactNullable(involvement.organisation, 'involvements.organisation'),
      perpetrator_degree: involvement.perpetratorDegree,
      victim_status: involvement.victimStatus,
    }),
  );
  return table('involvements', rows, [
    'id',
    'act_id',
    'role',
    ...(options.public ? [] : ['person_code']),
    'organisation',
    'perpetrator_degree',
    'victim_status',
  ]);
}
