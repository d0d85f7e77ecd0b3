/**
 * The statistics' SQL against a plain reference computed here, act by act, on a varied set of
 * incidents and acts (figures chosen, missing or open-ended; acts without a date, a place or a
 * country of their own; year-precise dates; perpetrators unnamed, unknown, of one kind or several;
 * coordinates on cell edges and below zero), for each filter: every figure must be equal. The
 * queries are written for speed at a million sources (store/stats.ts); this says they still count
 * what the statistics page promises.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clusterActs, marksOfCells } from '../../src/analysis/mapClusters.ts';
import type { IncidentFilters } from '../../src/store/incidents.ts';
import { STAT_DIMENSIONS, type StatDimension, statsRepository } from '../../src/store/stats.ts';
import { backends, openTestStore, type TestStore } from '../support/stores.ts';

interface Incident {
  id: string;
  status: 'alleged' | 'corroborated' | 'verified';
  country: string | null;
  placeName: string | null;
  dateFrom: string | null;
  dateTo: string | null;
  datePrecision: string | null;
  language: string;
}
interface Act {
  id: string;
  incidentId: string;
  type: string;
  victimsMin: number | null;
  victimsMax: number | null;
  chosen: number | null;
  placeName: string | null;
  country: string | null;
  dateFrom: string | null;
  datePrecision: string | null;
  perpetrators: unknown;
  latitude: number | null;
  longitude: number | null;
}

/** A small deterministic generator: the same varied data on every run. */
function generate(actorIds: { id: string; kind: string }[]) {
  let seed = 17;
  const next = (n: number) => {
    seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
    return (seed >>> 8) % n;
  };
  const pick = <T>(items: readonly T[]) => items[next(items.length)]!;
  const incidents: Incident[] = [];
  const acts: Act[] = [];
  for (let index = 0; index < 40; index++) {
    const dated = next(8) > 0;
    const day = `20${pick(['14', '15', '16'])}-${pick(['01', '06', '12'])}-${pick(['01', '15', '28'])}`;
    const incident: Incident = {
      id: randomUUID(),
      status: pick(['alleged', 'corroborated', 'verified'] as const),
      country: pick(['RU', 'BR', 'UA', null]),
      placeName: pick(['Grozny', 'Kazan', null, ' ']),
      dateFrom: dated ? day : null,
      dateTo: dated && next(2) === 0 ? `${day.slice(0, 4)}-12-31` : null,
      datePrecision: dated ? pick(['day', 'month', 'year', null]) : null,
      language: pick(['en', 'pt']),
    };
    incidents.push(incident);
    const actCount = next(4);
    for (let k = 0; k < actCount; k++) {
      const victimsMin = pick([null, 0, 1, 3, 10]);
      const victimsMax = victimsMin === null ? pick([null, 4]) : pick([null, victimsMin, victimsMin + 5]);
      const onEdge = next(5) === 0;
      const located = next(4) > 0;
      const actor = pick(actorIds);
      const other = pick(actorIds);
      acts.push({
        id: randomUUID(),
        incidentId: incident.id,
        type: pick(['detention', 'killing', 'torture']),
        victimsMin,
        victimsMax,
        chosen: next(5) === 0 ? pick([0, 2, 7]) : null,
        placeName: pick(['Grozny', 'Moscow', null, '', ' Kazan ']),
        country: pick(['RU', 'BR', null]),
        dateFrom: next(3) === 0 ? null : `2015-0${1 + next(9)}-1${next(9)}`,
        datePrecision: pick(['day', 'month', 'quarter', 'year', null]),
        perpetrators: pick([
          [],
          [{ name: 'police', actorId: null }],
          [{ name: 'x', actorId: actor.id }],
          [
            { name: 'x', actorId: actor.id },
            { name: 'y', actorId: other.id },
          ],
          [{ name: 'gone', actorId: randomUUID() }],
          [{ name: 'z' }, 'bare'],
          [
            { name: 'x', actorId: actor.id },
            { name: 'w', actorId: null },
          ],
        ]),
        latitude: located ? (onEdge ? pick([0, -2, 44, -0.25]) : 43.3178 - next(300) / 7) : null,
        longitude: located ? (onEdge ? pick([0, -8, 46, 0.5]) : 45.6982 - next(500) / 3) : null,
      });
    }
  }
  return { incidents, acts };
}

const chosenOf = (act: Act) => act.chosen ?? act.victimsMin;

/** The reference: the rules of store/stats.ts, one act at a time. */
function reference(data: { incidents: Incident[]; acts: Act[] }, kinds: Map<string, string>) {
  const byId = new Map(data.incidents.map((incident) => [incident.id, incident]));
  const incidentPasses = (incident: Incident, filters: IncidentFilters) =>
    (!filters.country || incident.country === filters.country) &&
    (!filters.status || incident.status === filters.status) &&
    (!filters.language || incident.language === filters.language) &&
    (!filters.type || data.acts.some((act) => act.incidentId === incident.id && act.type === filters.type)) &&
    (!filters.from ||
      ((incident.dateTo ?? incident.dateFrom) !== null &&
        (incident.dateTo ?? incident.dateFrom)! >= filters.from)) &&
    (!filters.to || (incident.dateFrom !== null && incident.dateFrom <= filters.to));
  const incidentsOf = (filters: IncidentFilters) =>
    data.incidents.filter((incident) => incidentPasses(incident, filters));
  const actsOf = (filters: IncidentFilters) =>
    data.acts
      .filter((act) => !filters.type || act.type === filters.type)
      .filter((act) => incidentPasses(byId.get(act.incidentId)!, filters))
      .map((act) => ({ act, incident: byId.get(act.incidentId)! }));
  const month = (date: string | null) => date?.slice(0, 7) ?? null;
  const perpetratorKind = (act: Act): string | null => {
    if (!Array.isArray(act.perpetrators) || act.perpetrators.length === 0) return null;
    const found = act.perpetrators.map((p: unknown) => {
      const id = typeof p === 'object' && p !== null && 'actorId' in p ? p.actorId : null;
      return (typeof id === 'string' && kinds.get(id)) || 'other';
    });
    return new Set(found).size === 1 ? found[0]! : 'several';
  };
  const keyOf: Record<StatDimension, (act: Act, incident: Incident) => [string, string | null]> = {
    type: (act) => [act.type, null],
    country: (act, incident) => [act.country ?? incident.country ?? '', null],
    region: (act, incident) => [
      (act.placeName ?? incident.placeName ?? '').trim(),
      act.country ?? incident.country ?? '',
    ],
    month: (act, incident) => [
      ['quarter', 'year', 'decade'].includes(act.datePrecision ?? incident.datePrecision ?? 'day')
        ? ''
        : (month(act.dateFrom ?? incident.dateFrom) ?? ''),
      null,
    ],
    perpetrator: (act) => [perpetratorKind(act) ?? '', null],
    status: (_act, incident) => [incident.status, null],
  };
  const count = <K extends string>(
    items: Array<{ act: Act; incident: Incident }>,
    key: (act: Act, incident: Incident) => K,
  ) => {
    const groups = new Map<K, { acts: number; victims: number }>();
    for (const { act, incident } of items) {
      const group = groups.get(key(act, incident)) ?? { acts: 0, victims: 0 };
      group.acts += 1;
      group.victims += chosenOf(act) ?? 0;
      groups.set(key(act, incident), group);
    }
    return groups;
  };
  return {
    breakdown(filters: IncidentFilters, dimension: StatDimension) {
      const groups = new Map<
        string,
        {
          key: string;
          country: string | null;
          acts: number;
          victims: number;
          victimsLow: number;
          high: number;
          open: boolean;
          withoutFigure: number;
        }
      >();
      for (const { act, incident } of actsOf(filters)) {
        const [key, country] = keyOf[dimension](act, incident);
        const id = `${key}|${country}`;
        const group = groups.get(id) ?? {
          key,
          country,
          acts: 0,
          victims: 0,
          victimsLow: 0,
          high: 0,
          open: false,
          withoutFigure: 0,
        };
        const chosen = chosenOf(act);
        group.acts += 1;
        group.victims += chosen ?? 0;
        group.victimsLow += chosen === null ? 0 : Math.min(act.victimsMin ?? chosen, chosen);
        if (chosen === null || act.victimsMax === null) group.open = true;
        else group.high += Math.max(act.victimsMax, chosen);
        if (chosen === null) group.withoutFigure += 1;
        groups.set(id, group);
      }
      return [...groups.values()]
        .map(({ high, open, ...group }) => ({ ...group, victimsHigh: open ? null : high }))
        .sort((a, b) => `${a.key}|${a.country}`.localeCompare(`${b.key}|${b.country}`));
    },
    timeline(filters: IncidentFilters) {
      const incidents = new Map<string, number>();
      for (const incident of incidentsOf(filters)) {
        const key = month(incident.dateFrom) ?? '';
        incidents.set(key, (incidents.get(key) ?? 0) + 1);
      }
      const acts = count(actsOf(filters), (act) => month(act.dateFrom) ?? '');
      const keys = [...new Set([...incidents.keys(), ...acts.keys()])].sort();
      return keys.map((key) => ({
        month: key,
        incidents: incidents.get(key) ?? 0,
        acts: acts.get(key)?.acts ?? 0,
      }));
    },
    actTotals(filters: IncidentFilters) {
      const list = (groups: Map<string, { acts: number; victims: number }>) =>
        [...groups.entries()]
          .map(([key, value]) => ({ key, ...value }))
          .sort((a, b) => a.key.localeCompare(b.key));
      const items = actsOf(filters);
      return {
        byCountry: list(count(items, (act, incident) => act.country ?? incident.country ?? '')),
        byType: list(count(items, (act) => act.type)),
        byMonth: list(count(items, (act) => month(act.dateFrom) ?? '')),
      };
    },
    byCountry(filters: IncidentFilters) {
      const unfiltered = { ...filters, country: undefined };
      const incidents = new Map<string, number>();
      for (const incident of incidentsOf(unfiltered))
        if (incident.country) incidents.set(incident.country, (incidents.get(incident.country) ?? 0) + 1);
      const acts = count(actsOf(unfiltered), (act, incident) => act.country ?? incident.country ?? '');
      acts.delete('');
      return [...new Set([...incidents.keys(), ...acts.keys()])]
        .map((country) => ({
          country,
          incidents: incidents.get(country) ?? 0,
          acts: acts.get(country)?.acts ?? 0,
          victimsMin: acts.get(country)?.victims ?? 0,
        }))
        .sort((a, b) => b.incidents - a.incidents || a.country.localeCompare(b.country));
    },
    positions(filters: IncidentFilters) {
      return actsOf(filters).flatMap(({ act }) =>
        act.latitude === null || act.longitude === null
          ? []
          : [{ latitude: act.latitude, longitude: act.longitude, incidentId: act.incidentId }],
      );
    },
  };
}

const FILTERS: IncidentFilters[] = [
  {},
  { country: 'RU' },
  { status: 'verified' },
  { type: 'killing' },
  { language: 'pt' },
  { from: '2015-01-01', to: '2015-12-31' },
  { country: 'BR', type: 'detention', from: '2014-06-01' },
];

const byKey = <T extends { key: string; country?: string | null }>(rows: T[]) =>
  [...rows].sort((a, b) => `${a.key}|${a.country ?? null}`.localeCompare(`${b.key}|${b.country ?? null}`));

describe.each(backends())('statistics equal a count act by act, on %s', (backend) => {
  let store: TestStore;
  let expected: ReturnType<typeof reference>;

  beforeAll(async () => {
    store = await openTestStore(backend);
    const db = store.db;
    const actors = ['security-force', 'authority', 'other', 'security-force'].map((kind) => ({
      id: randomUUID(),
      kind,
    }));
    for (const [index, actor] of actors.entries()) {
      await db.query('insert into actors (id, name, kind) values ($1, $2, $3)', [
        actor.id,
        `Actor ${index}`,
        actor.kind,
      ]);
    }
    const data = generate(actors);
    for (const incident of data.incidents) {
      await db.query(
        `insert into incidents (id, title, status, country, place_name, date_from, date_to, date_precision, language, created_by)
         values ($1, 'incident', $2, $3, $4, $5, $6, $7, $8, 'test')`,
        [
          incident.id,
          incident.status,
          incident.country,
          incident.placeName,
          incident.dateFrom,
          incident.dateTo,
          incident.datePrecision,
          incident.language,
        ],
      );
    }
    for (const act of data.acts) {
      await db.query(
        `insert into acts (id, incident_id, type, victims_min, victims_max, victims_chosen, victims_chosen_reason, victims_chosen_by,
                           place_name, country, date_from, date_precision, perpetrators, latitude, longitude, geo_precision)
         values ($1, $2, $3, $4, $5, $6, case when $6::int is null then null else 'counted' end, case when $6::int is null then null else 'test' end,
                 $7, $8, $9, $10, $11::jsonb, $12, $13, case when $12::float8 is null then null else 1 end)`,
        [
          act.id,
          act.incidentId,
          act.type,
          act.victimsMin,
          act.victimsMax,
          act.chosen,
          act.placeName,
          act.country,
          act.dateFrom,
          act.datePrecision,
          JSON.stringify(act.perpetrators),
          act.latitude,
          act.longitude,
        ],
      );
    }
    expected = reference(data, new Map(actors.map((actor) => [actor.id, actor.kind])));
  });
  afterAll(async () => {
    await store?.close();
  });

  it.runIf(backend === 'postgres')(
    'runs without JIT compilation, which cost more than it saved',
    async () => {
      const rows = await store.db.transaction((tx) => tx.query<{ jit: string }>('show jit'));
      expect(rows[0]?.jit).toBe('off');
    },
  );

  it('has the cases it is meant to check', () => {
    const keys = (dimension: StatDimension) => expected.breakdown({}, dimension).map((row) => row.key);
    expect(keys('perpetrator')).toEqual(expect.arrayContaining(['', 'other', 'several', 'security-force']));
    expect(keys('month')).toContain('');
    expect(keys('region')).toEqual(expect.arrayContaining(['', 'Kazan']));
    const rows = expected.breakdown({}, 'type');
    expect(rows.reduce((sum, row) => sum + row.acts, 0)).toBeGreaterThan(40);
    expect(rows.some((row) => row.withoutFigure > 0)).toBe(true);
    expect(expected.breakdown({}, 'status').some((row) => row.victimsHigh === null)).toBe(true);
    expect(expected.positions({}).filter((act) => act.latitude <= 0).length).toBeGreaterThan(0);
  });

  it.each(FILTERS.map((filters) => [JSON.stringify(filters), filters] as const))(
    'under %s',
    async (_name, filters) => {
      const stats = statsRepository(store.db);
      for (const dimension of STAT_DIMENSIONS) {
        const rows = await stats.actBreakdown(filters, dimension);
        expect(byKey(rows), dimension).toEqual(byKey(expected.breakdown(filters, dimension)));
      }
      const timeline = await stats.timeline(filters);
      const undated = expected.timeline(filters).find((row) => row.month === '');
      expect(timeline.months).toEqual(expected.timeline(filters).filter((row) => row.month !== ''));
      expect(timeline.undated).toEqual({ incidents: undated?.incidents ?? 0, acts: undated?.acts ?? 0 });
      const totals = await stats.actTotals(filters);
      const want = expected.actTotals(filters);
      expect(byKey(totals.byCountry)).toEqual(want.byCountry);
      expect(byKey(totals.byType)).toEqual(want.byType);
      expect(byKey(totals.byMonth)).toEqual(want.byMonth);
      expect(await stats.byCountry(filters)).toEqual(expected.byCountry(filters));
      for (const cell of [0.25, 2, 8]) {
        const fromDatabase = marksOfCells(await stats.actsOnGrid(filters, cell), cell);
        const inMemory = clusterActs(expected.positions(filters), cell);
        const shape = (marks: typeof inMemory) =>
          marks
            .map((mark) => ({
              ...mark,
              latitude: Number(mark.latitude.toFixed(9)),
              longitude: Number(mark.longitude.toFixed(9)),
            }))
            .sort((a, b) => a.bounds.south - b.bounds.south || a.bounds.west - b.bounds.west);
        expect(shape(fromDatabase), `cell ${cell}`).toEqual(shape(inMemory));
      }
    },
  );
});
