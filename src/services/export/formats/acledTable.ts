/**
 * The ACLED-style event table: one row per act, in the columns conflict-event datasets use, built
 * from the export's presented tables (so a public export's redaction and rounding already apply).
 * Pure: tables in, one table out.
 *
 * Each act is one row and counted once: `fatalities` is the act's chosen figure (the lowest lower
 * bound its sources give unless a person chose another, with a reason), for killings only, and empty
 * when no source gives a number — ACLED writes 0 there, but an unknown toll is not a toll of zero.
 * The event type mapping is in EVENT_TYPE_ACLED below and in docs/cli.md.
 */
import type { EventType } from '../../../core/vocabulary.ts';
import { gazetteer } from '../../../extract/gazetteer/index.ts';
import type { ExportRow, ExportTable, JsonValue } from '../presenters.ts';

/** ACLED's event type and sub-event type for each Attest event type (documented in docs/cli.md). */
export const EVENT_TYPE_ACLED: Record<EventType, { eventType: string; subEventType: string }> = {
  killing: { eventType: 'Violence against civilians', subEventType: 'Attack' },
  torture: { eventType: 'Violence against civilians', subEventType: 'Attack' },
  'sexual-violence': { eventType: 'Violence against civilians', subEventType: 'Sexual violence' },
  disappearance: {
    eventType: 'Violence against civilians',
    subEventType: 'Abduction/forced disappearance',
  },
  detention: { eventType: 'Strategic developments', subEventType: 'Arrests' },
  threat: { eventType: 'Strategic developments', subEventType: 'Other' },
  'forced-disclosure': { eventType: 'Strategic developments', subEventType: 'Other' },
  displacement: { eventType: 'Strategic developments', subEventType: 'Other' },
  persecution: { eventType: 'Strategic developments', subEventType: 'Other' },
  'physical-assault': { eventType: 'Violence against civilians', subEventType: 'Attack' },
  'attempted-killing': { eventType: 'Violence against civilians', subEventType: 'Attack' },
  abduction: { eventType: 'Violence against civilians', subEventType: 'Abduction/forced disappearance' },
  raid: { eventType: 'Strategic developments', subEventType: 'Other' },
  censorship: { eventType: 'Strategic developments', subEventType: 'Other' },
  'property-destruction': {
    eventType: 'Strategic developments',
    subEventType: 'Looting/property destruction',
  },
};

/** ACLED time precision: 1 the day is known, 2 the week, 3 only the month or a longer period. */
const TIME_PRECISION: Record<string, number> = { day: 1, week: 2, month: 3, quarter: 3, year: 3, decade: 3 };

export const ACLED_COLUMNS = [
  'event_id_cnty',
  'event_date',
  'year',
  'time_precision',
  'event_type',
  'sub_event_type',
  'actor1',
  'assoc_actor_1',
  'actor2',
  'iso',
  'country',
  'admin1',
  'location',
  'latitude',
  'longitude',
  'geo_precision',
  'source',
  'notes',
  'fatalities',
  'attest_type',
  'attest_act_id',
  'attest_incident_id',
] as const;

const countryNames = new Map(
  gazetteer.filter((entry) => entry.kind === 'country').map((entry) => [entry.country, entry.name]),
);
const regionNames = new Set(
  gazetteer.filter((entry) => entry.kind === 'region').map((entry) => `${entry.country}|${entry.name}`),
);

const text = (value: JsonValue | undefined): string | null =>
  typeof value === 'string' && value !== '' ? value : null;
const num = (value: JsonValue | undefined): number | null => (typeof value === 'number' ? value : null);

function tableNamed(tables: readonly ExportTable[], name: string): ExportRow[] {
  return tables.find((t) => t.name === name)?.rows ?? [];
}

export function acledTable(tables: readonly ExportTable[]): ExportTable {
  const incidents = new Map(tableNamed(tables, 'incidents').map((row) => [row.id as string, row]));
  const sources = new Map(tableNamed(tables, 'sources').map((row) => [row.id as string, row]));
  const acts = tableNamed(tables, 'acts');
  const sequence = new Map<string, number>();
  const rows = acts.map((act): ExportRow => {
    const incident = incidents.get(act.incident_id as string);
    const type = act.type as EventType;
    const mapped = EVENT_TYPE_ACLED[type] ?? { eventType: 'Strategic developments', subEventType: 'Other' };
    const iso = text(act.country) ?? text(incident?.country);
    const n = (sequence.get(iso ?? 'XX') ?? 0) + 1;
    sequence.set(iso ?? 'XX', n);
    const place = text(act.place_name);
    const date = text(act.date_from);
    const perpetrators = Array.isArray(act.perpetrators)
      ? act.perpetrators.map((p) => (p && typeof p === 'object' && !Array.isArray(p) ? text(p.name) : null))
      : [];
    const named = perpetrators.filter((name): name is string => name !== null);
    const sourceIds = [text(act.source_id), ...((incident?.source_ids as string[] | undefined) ?? [])].filter(
      (id): id is string => id !== null,
    );
    const sourceTitles = [...new Set(sourceIds)]
      .map((id) => text(sources.get(id)?.title) ?? text(sources.get(id)?.url))
      .filter((title): title is string => title !== null);
    const chosen = num(act.victims_chosen);
    return {
      event_id_cnty: `${iso ?? 'XX'}${String(n).padStart(4, '0')}`,
      event_date: date,
      year: date ? Number(date.slice(0, 4)) : null,
      time_precision: date ? (TIME_PRECISION[text(act.date_precision) ?? 'day'] ?? 3) : null,
      event_type: mapped.eventType,
      sub_event_type: mapped.subEventType,
      actor1: named[0] ?? null,
      assoc_actor_1: named.length > 1 ? named.slice(1).join('; ') : null,
      actor2: text(act.victim_group),
      iso,
      country: iso ? (countryNames.get(iso) ?? iso) : null,
      admin1: iso && place && regionNames.has(`${iso}|${place}`) ? place : null,
      location: place,
      latitude: num(act.latitude),
      longitude: num(act.longitude),
      geo_precision: num(act.geo_precision),
      source: sourceTitles.length > 0 ? sourceTitles.join('; ') : null,
      notes: text(act.passage) ?? text(incident?.title),
      fatalities: type === 'killing' ? chosen : type in EVENT_TYPE_ACLED ? 0 : null,
      attest_type: type,
      attest_act_id: act.id as string,
      attest_incident_id: act.incident_id as string,
    };
  });
  return { name: 'acled', columns: ACLED_COLUMNS, rows };
}
