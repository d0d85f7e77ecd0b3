/**
 * The ESF-shaped JSON document (`attest export --format esf-json`): the HURIDOCS Events Standard
 * Formats' record types — events (Attest incidents), acts, involvements, sources and interventions —
 * with each coded field carrying the micro-thesaurus term beside Attest's own code. Built from the
 * export's presented tables, so the level's redaction already applies. Pure.
 */
import {
  ESF_LISTS,
  INTERVENTION_TYPE_ESF,
  PERPETRATOR_DEGREE_ESF,
  VICTIM_STATUS_ESF,
} from '../../../core/esfThesauri.ts';
import { type EsfTerm, EVENT_TYPE_ESF } from '../../../core/vocabulary.ts';
import type { ExportRow, ExportTable, JsonValue } from '../presenters.ts';

export const ESF_FORMAT = 'attest-esf';
export const ESF_FORMAT_VERSION = 1;

const term = (list: number, mapping: Record<string, EsfTerm>, code: JsonValue | undefined): JsonValue => {
  if (typeof code !== 'string') return null;
  const found = mapping[code];
  return found ? { list, vocab_number: found.vocabNumber, label: found.label } : null;
};

const rowsOf = (tables: readonly ExportTable[], name: string): ExportRow[] =>
  tables.find((t) => t.name === name)?.rows ?? [];

export function esfDocument(
  tables: readonly ExportTable[],
  meta: { level: 'partner' | 'public'; createdAt: string },
): Record<string, JsonValue> {
  const events = rowsOf(tables, 'incidents').map(
    (incident): ExportRow => ({
      ...incident,
      event_title: incident.title ?? null,
      // ESF's event description is Attest's summary; the dates and place span its acts.
      event_description: incident.summary ?? null,
      initial_date: incident.date_from ?? null,
      final_date: incident.date_to ?? null,
      types_of_acts: Array.isArray(incident.types)
        ? incident.types.map((type) => term(ESF_LISTS.typesOfActs, EVENT_TYPE_ESF, type))
        : [],
    }),
  );
  const acts = rowsOf(tables, 'acts').map(
    (act): ExportRow => ({
      ...act,
      event_id: act.incident_id ?? null,
      type_of_act: term(ESF_LISTS.typesOfActs, EVENT_TYPE_ESF, act.type),
      initial_date: act.date_from ?? null,
      final_date: act.date_to ?? null,
    }),
  );
  const involvements = rowsOf(tables, 'involvements').map(
    (involvement): ExportRow => ({
      ...involvement,
      degree_of_involvement: term(
        ESF_LISTS.degreesOfInvolvement,
        PERPETRATOR_DEGREE_ESF,
        involvement.perpetrator_degree,
      ),
      status_as_victim: term(ESF_LISTS.statusAsVictim, VICTIM_STATUS_ESF, involvement.victim_status),
    }),
  );
  const interventions = rowsOf(tables, 'interventions').map(
    (intervention): ExportRow => ({
      ...intervention,
      event_id: intervention.incident_id ?? null,
      type_of_intervention: term(ESF_LISTS.typesOfIntervention, INTERVENTION_TYPE_ESF, intervention.type),
    }),
  );
  return {
    format: ESF_FORMAT,
    formatVersion: ESF_FORMAT_VERSION,
    level: meta.level,
    createdAt: meta.createdAt,
    standard: 'HURIDOCS Events Standard Formats (2001); codes from the ESF micro-thesauri',
    events,
    acts,
    involvements,
    sources: rowsOf(tables, 'sources'),
    interventions,
    // Statements by actors about an event (Attest's claims, with denials): ESF has no record type for them.
    claims: rowsOf(tables, 'claims'),
    actors: rowsOf(tables, 'actors'),
    // Partner exports by a user allowed to read them: the decrypted person records (ESF "persons").
    ...(tables.some((t) => t.name === 'persons') ? { persons: rowsOf(tables, 'persons') } : {}),
  };
}
