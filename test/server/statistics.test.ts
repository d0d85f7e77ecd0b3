/**
 * The statistics page's API on a real store: acts and victims by each dimension, every act counted
 * once — the seed's Moscow arrests, reported by two independent sources, stay one act of 5 — small-cell
 * suppression in the public view (forced for roles without compartment keys), and map marks whose
 * squares list exactly their incidents.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actorsRepository } from '../../src/store/actors.ts';
import { actsRepository } from '../../src/store/acts.ts';
import { incidentsRepository } from '../../src/store/incidents.ts';
import { hasShared, SEED_ARTICLE, sharedText } from '../support/shared.ts';
import { backends } from '../support/stores.ts';
import { startApi, type TestApi } from './support.ts';

interface Row {
  key: string;
  country: string | null;
  acts: number | null;
  victims: number | null;
  victimsLow: number | null;
  victimsHigh: number | null;
  withoutFigure: number | null;
  suppressed: boolean;
}
interface Breakdown {
  view: string;
  publicOnly: boolean;
  threshold: number;
  rows: Row[];
  total: Omit<Row, 'key' | 'country'>;
}

const decide = (items: unknown[], decision: (index: number) => object) =>
  items.map((_item, index) => ({ index, ...decision(index) }));

describe.skipIf(!hasShared(SEED_ARTICLE)).each(backends())('statistics of the seed on %s', (backend) => {
  let api: TestApi;
  const breakdown = async (query: string, role: 'investigator' | 'analyst' = 'investigator') => {
    const response = await api.as(role, { method: 'GET', url: `/api/stats/breakdown?${query}` });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as Breakdown;
  };

  beforeAll(async () => {
    api = await startApi(backend);
    const seed = (
      await api.as('investigator', {
        method: 'POST',
        url: '/api/sources',
        payload: {
          text: sharedText(SEED_ARTICLE),
          published: '2017-05-12',
          url: 'https://www.humanrightsfirst.org/a',
        },
      })
    ).json();
    const applied = await api.as('investigator', {
      method: 'POST',
      url: `/api/review/${seed.id}`,
      payload: {
        events: decide(seed.suggestions.events, () => ({ decision: 'accept' })),
        claims: decide(seed.suggestions.claims, () => ({ decision: 'accept' })),
        interventions: decide(seed.suggestions.interventions, () => ({ decision: 'accept' })),
        incident: { mode: 'new' },
      },
    });
    expect(applied.statusCode).toBe(201);
    const incidentId = applied.json().incidentId;
    const incident = (await api.as('viewer', { method: 'GET', url: `/api/incidents/${incidentId}` })).json();
    const moscow = incident.evidence.acts.find(
      (act: { placeName: string | null }) => act.placeName === 'Moscow',
    );
    // A second, independent report of the Moscow arrests, recorded as the same act.
    const second = (
      await api.as('investigator', {
        method: 'POST',
        url: '/api/sources',
        payload: {
          text: 'Five activists were arrested in Moscow on Thursday while trying to deliver a petition.',
          published: '2017-05-12',
          url: 'https://news.example.org/moscow',
        },
      })
    ).json();
    const merged = await api.as('investigator', {
      method: 'POST',
      url: `/api/review/${second.id}`,
      payload: {
        events: decide(second.suggestions.events, (index) =>
          index === 0 ? { decision: 'accept', sameAsActId: moscow.id } : { decision: 'reject' },
        ),
        claims: decide(second.suggestions.claims, () => ({ decision: 'reject' })),
        interventions: decide(second.suggestions.interventions, () => ({ decision: 'reject' })),
        incident: { mode: 'merge', incidentId },
      },
    });
    expect(merged.statusCode).toBe(201);
  });
  afterAll(async () => api?.close());

  it('counts the seed by type: 101 detained in two acts (the Moscow arrests once), 3 killed', async () => {
    const byType = await breakdown('by=type');
    expect(byType).toMatchObject({ view: 'internal', publicOnly: false, threshold: 5 });
    const detention = byType.rows.find((row) => row.key === 'detention');
    expect(detention).toMatchObject({ acts: 2, victims: 105, victimsLow: 105, suppressed: false });
    expect(byType.rows.find((row) => row.key === 'killing')).toMatchObject({ acts: 1, victims: 3 });
    expect(byType.total.victims).toBe(108);
    // Every act in one row: the rows add up to the total.
    expect(byType.rows.reduce((sum, row) => sum + (row.acts ?? 0), 0)).toBe(byType.total.acts);
  });

  it('gives the same total along every dimension, and Russia as the country of the counted victims', async () => {
    const totals = [];
    for (const by of ['country', 'region', 'month', 'perpetrator', 'status']) {
      const result = await breakdown(`by=${by}`);
      expect(result.rows.reduce((sum, row) => sum + (row.acts ?? 0), 0)).toBe(result.total.acts);
      totals.push(result.total);
    }
    expect(new Set(totals.map((total) => JSON.stringify(total))).size).toBe(1);
    const byCountry = await breakdown('by=country');
    expect(byCountry.rows.find((row) => row.key === 'RU')).toMatchObject({ victims: 108 });
    const region = await breakdown('by=region&type=detention');
    expect(region.rows.find((row) => row.key === 'Moscow')).toMatchObject({
      country: 'RU',
      acts: 1,
      victims: 5,
    });
    const month = await breakdown('by=month&type=detention');
    expect(month.rows.find((row) => row.key === '2017-05')).toMatchObject({ acts: 1, victims: 5 });
  });

  it('in the public view suppresses the small cells and what would give them away; analysts get only it', async () => {
    const internal = await breakdown('by=type&view=public');
    expect(internal.view).toBe('public');
    // 8 acts in 7 types: every row is small, and hidden together they would still be pinned down by
    // the total (8 − 6 < 5), which the country table publishes: the table is withheld whole.
    expect(internal).toMatchObject({ withheld: true, rows: [], total: { suppressed: true, acts: null } });
    const byCountry = await breakdown('by=country&view=public');
    expect(byCountry).toMatchObject({ withheld: false, total: { acts: 8, victims: 108 } });
    expect(byCountry.rows).toEqual([expect.objectContaining({ key: 'RU', acts: 8, withoutFigure: null })]);
    const analyst = await breakdown('by=type&view=internal', 'analyst');
    expect(analyst).toMatchObject({ view: 'public', publicOnly: true });
    expect(analyst.rows).toEqual(internal.rows);
    expect((await breakdown('by=country', 'analyst')).rows).toEqual(byCountry.rows);
    // A lower threshold than configured is refused; a higher one is taken.
    expect((await breakdown('by=type&view=public&threshold=200')).threshold).toBe(200);
    const low = await api.as('analyst', { method: 'GET', url: '/api/stats/breakdown?by=type&threshold=1' });
    expect(low.statusCode).toBe(400);
  });
});

describe.each(backends())('statistics of many acts on %s', (backend) => {
  let api: TestApi;
  const incidents: string[] = [];
  beforeAll(async () => {
    api = await startApi(backend);
    const db = api.store.db;
    const police = await actorsRepository(db).idForName('City police', 'security-force');
    const army = await actorsRepository(db).idForName('Army', 'security-force');
    const ministry = await actorsRepository(db).idForName('Ministry of the Interior', 'authority');
    // Grozny: 12 detentions in 3 incidents (same point); Moscow: 2 killings; Kazan: 1 undated act without figure.
    const places = [
      {
        place: 'Grozny',
        lat: 43.3178,
        lon: 45.6982,
        type: 'detention',
        n: 12,
        victims: 2,
        perpetrators: [police],
      },
      {
        place: 'Moscow',
        lat: 55.7558,
        lon: 37.6173,
        type: 'killing',
        n: 2,
        victims: 1,
        perpetrators: [army, ministry],
      },
      { place: 'Kazan', lat: 55.7963, lon: 49.1088, type: 'torture', n: 1, victims: null, perpetrators: [] },
    ];
    for (const [index, spec] of places.entries()) {
      for (let part = 0; part < (spec.place === 'Grozny' ? 3 : 1); part++) {
        const id = randomUUID();
        incidents.push(id);
        await incidentsRepository(db).insert({
          id,
          title: `${spec.place} ${part}`,
          summary: '',
          tags: [],
          language: 'en',
          createdBy: 'test',
        });
        const count = spec.place === 'Grozny' ? 4 : spec.n;
        for (let k = 0; k < count; k++) {
          const actId = randomUUID();
          await actsRepository(db).insert({
            id: actId,
            incidentId: id,
            type: spec.type,
            victimsMin: spec.victims,
            victimsMax: spec.victims === null ? null : spec.victims + 1,
            victimGroup: null,
            placeName: spec.place,
            country: 'RU',
            dateFrom: index === 2 ? null : `2021-0${index + 1}-1${k % 9}`,
            dateTo: null,
            datePrecision: index === 2 ? null : 'day',
            perpetrators: spec.perpetrators.map((actorId) => ({ name: actorId, actorId })),
            provenance: null,
          });
          // One of the Moscow killings in Khimki, on the city's edge: the same 1° square, another place.
          const khimki = spec.place === 'Moscow' && k === 1;
          await actsRepository(db).setGeolocation(actId, {
            latitude: khimki ? 55.8897 : spec.lat,
            longitude: khimki ? 37.4297 : spec.lon,
            precision: 1,
          });
        }
        await incidentsRepository(db).refreshDerived(id);
      }
    }
  });
  afterAll(async () => api?.close());

  it('groups by perpetrator kind, one kind per act, and keeps acts without a figure apart', async () => {
    const result = (
      await api.as('investigator', { method: 'GET', url: '/api/stats/breakdown?by=perpetrator' })
    ).json();
    const byKey = Object.fromEntries(result.rows.map((row: Row) => [row.key, row]));
    expect(byKey['security-force']).toMatchObject({ acts: 12, victims: 24, victimsLow: 24, victimsHigh: 36 });
    expect(byKey.several).toMatchObject({ acts: 2, victims: 2 });
    expect(byKey['']).toMatchObject({ acts: 1, victims: 0, victimsHigh: null, withoutFigure: 1 });
    expect(result.total).toMatchObject({ acts: 15, victims: 26, victimsHigh: null, withoutFigure: 1 });
    const months = (
      await api.as('investigator', { method: 'GET', url: '/api/stats/breakdown?by=month' })
    ).json();
    expect(months.rows.map((row: Row) => [row.key, row.acts])).toEqual([
      ['2021-01', 12],
      ['2021-02', 2],
      ['', 1],
    ]);
  });

  it('suppresses the small rows in public, and the total when nothing else protects them', async () => {
    const result = (await api.as('viewer', { method: 'GET', url: '/api/stats/breakdown?by=type' })).json();
    expect(result.view).toBe('public');
    const byKey = Object.fromEntries(result.rows.map((row: Row) => [row.key, row]));
    expect(byKey.killing.suppressed).toBe(true);
    expect(byKey.torture.suppressed).toBe(true);
    // Killing and torture hidden together hold 3 acts: the total minus detention would pin them
    // below 5 (3 − 1 < 5), so detention, the only row left, is hidden too; the total may then stand.
    expect(byKey.detention).toMatchObject({ suppressed: true, acts: null, victims: null });
    expect(result).toMatchObject({ withheld: false, total: { suppressed: false, acts: 15, victims: 26 } });
    const place = (
      await api.as('viewer', { method: 'GET', url: '/api/stats/breakdown?by=region&type=killing' })
    ).json();
    // 2 acts in all: the total is below the threshold; the table is withheld, even the place's name.
    expect(place).toMatchObject({ withheld: true, rows: [], total: { suppressed: true, acts: null } });
  });

  it('marks Grozny as one place of 12 acts, Moscow and Khimki as one cluster, and links to exactly their incidents', async () => {
    const fine = (await api.as('investigator', { method: 'GET', url: '/api/stats/places?cell=1' })).json();
    expect(fine.marks).toHaveLength(3);
    const grozny = fine.marks[0];
    expect(grozny).toMatchObject({ kind: 'place', acts: 12, incidents: 3 });
    expect(grozny.latitude).toBeCloseTo(43.3178, 6);
    const { south, west, north, east } = grozny.bounds;
    const listed = (
      await api.as('viewer', { method: 'GET', url: `/api/incidents?area=${south},${west},${north},${east}` })
    ).json();
    expect(listed.items.map((item: { id: string }) => item.id).sort()).toEqual(incidents.slice(0, 3).sort());
    expect(fine.marks.find((mark: { acts: number }) => mark.acts === 2)).toMatchObject({ kind: 'cluster' });
    const finer = (
      await api.as('investigator', { method: 'GET', url: '/api/stats/places?cell=0.25' })
    ).json();
    expect(finer.marks.map((mark: { kind: string; acts: number }) => [mark.kind, mark.acts])).toEqual([
      ['place', 12],
      ['place', 1],
      ['place', 1],
      ['place', 1],
    ]);
    const publicMarks = (await api.as('viewer', { method: 'GET', url: '/api/stats/places?cell=1' })).json();
    expect(publicMarks).toMatchObject({ view: 'public', someHidden: true });
    expect(publicMarks.marks).toEqual([
      expect.objectContaining({ acts: 12, incidents: null, latitude: 43.32, longitude: 45.7 }),
    ]);
    const bad = await api.as('viewer', { method: 'GET', url: '/api/incidents?area=50,10,40,20' });
    expect(bad.statusCode).toBe(400);
    expect((await api.as('viewer', { method: 'GET', url: '/api/stats/places?cell=3' })).statusCode).toBe(400);
  });
});
