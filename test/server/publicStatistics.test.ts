/**
 * The public statistics of a real store against the attacks small-cell suppression alone lets
 * through: a region recomputed as its country's figure minus the other regions, and a filtered
 * table subtracted from the unfiltered one. Rows are made directly in the store so every figure
 * below is known: Grozny 10 detentions and Kazan 2 killings (RU 12), Kharkiv 6 and Kyiv 30
 * detentions (UA 36), 48 acts in all.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { actsRepository } from '../../src/store/acts.ts';
import { incidentsRepository } from '../../src/store/incidents.ts';
import { fakeIo } from '../support/commandIo.ts';
import { backends } from '../support/stores.ts';
import { PASSWORD, startApi, type TestApi } from './support.ts';

interface Row {
  key: string;
  country: string | null;
  acts: number | null;
  suppressed: boolean;
}
interface Breakdown {
  view: string;
  withheld: boolean;
  rows: Row[];
  total: { acts: number | null; suppressed: boolean };
}

const PLACES = [
  { place: 'Grozny', country: 'RU', type: 'detention', acts: 10, month: '01' },
  { place: 'Kazan', country: 'RU', type: 'killing', acts: 2, month: '02' },
  { place: 'Kharkiv', country: 'UA', type: 'detention', acts: 6, month: '01' },
  { place: 'Kyiv', country: 'UA', type: 'detention', acts: 30, month: '03' },
];

describe.each(backends())('public statistics against differencing, on %s', (backend) => {
  let api: TestApi;
  const breakdown = async (query: string, role: 'viewer' | 'investigator' = 'viewer') => {
    const response = await api.as(role, { method: 'GET', url: `/api/stats/breakdown?${query}` });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as Breakdown;
  };
  const acts = (table: Breakdown, key: string) => table.rows.find((row) => row.key === key)?.acts;

  beforeAll(async () => {
    api = await startApi(backend);
    const db = api.store.db;
    for (const spec of PLACES) {
      const incidentId = randomUUID();
      await incidentsRepository(db).insert({
        id: incidentId,
        title: spec.place,
        summary: '',
        tags: [],
        language: 'en',
        createdBy: 'test',
      });
      for (let k = 0; k < spec.acts; k++)
        await actsRepository(db).insert({
          id: randomUUID(),
          incidentId,
          type: spec.type,
          victimsMin: null,
          victimsMax: null,
          victimGroup: null,
          placeName: spec.place,
          country: spec.country,
          dateFrom: `2021-${spec.month}-10`,
          dateTo: null,
          datePrecision: 'day',
          perpetrators: [],
          provenance: null,
        });
      await incidentsRepository(db).refreshDerived(incidentId);
    }
  });
  afterAll(async () => api?.close());

  it('a region cannot be recomputed as its country minus the other regions', async () => {
    const countries = await breakdown('by=country');
    expect(countries).toMatchObject({ view: 'public', withheld: false, total: { acts: 48 } });
    expect([acts(countries, 'RU'), acts(countries, 'UA')]).toEqual([12, 36]);
    const regions = await breakdown('by=region');
    expect(regions.withheld).toBe(false);
    // Kazan (2) is hidden; hiding Kharkiv with it, the smallest row, would leave RU 12 − Grozny 10.
    // Grozny goes with it instead: RU's hidden regions hold 12, each at most 11 as far as anyone
    // can tell from the published figures.
    for (const country of ['RU', 'UA']) {
      const inside = regions.rows.filter((row) => row.country === country);
      const hidden = inside.filter((row) => row.suppressed);
      if (hidden.length === 0) continue;
      const left = acts(countries, country)! - inside.reduce((sum, row) => sum + (row.acts ?? 0), 0);
      expect(hidden.length).toBeGreaterThanOrEqual(2);
      expect(left - (hidden.length - 1)).toBeGreaterThanOrEqual(5);
    }
    expect(regions.rows.filter((row) => row.suppressed).map((row) => row.key)).toEqual(['Grozny', 'Kazan']);
    expect([acts(regions, 'Kharkiv'), acts(regions, 'Kyiv')]).toEqual([6, 30]);
    // Inside the organisation the figures are all there.
    expect(acts(await breakdown('by=region', 'investigator'), 'Kazan')).toBe(2);
  });

  it('a filtered table that would differ from the unfiltered one by a few acts is withheld', async () => {
    // 48 acts in all, 46 detentions: publishing both says there are 2 other acts (the killings).
    for (const query of ['by=country&type=detention', 'by=region&type=detention', 'by=month&type=detention'])
      expect(await breakdown(query), query).toMatchObject({
        withheld: true,
        rows: [],
        total: { acts: null },
      });
    // Internal view: unchanged.
    expect((await breakdown('by=country&type=detention', 'investigator')).total.acts).toBe(46);
  });

  it('a filtered table whose difference from every table above it is safe is shown', async () => {
    const ukraine = await breakdown('by=region&country=UA');
    expect(ukraine).toMatchObject({ withheld: false, total: { acts: 36 } });
    expect([acts(ukraine, 'Kharkiv'), acts(ukraine, 'Kyiv')]).toEqual([6, 30]);
    // Russia: its regions are hidden in the unfiltered table, so they stay hidden here; hidden
    // together, the total 12 proves neither small.
    const russia = await breakdown('by=region&country=RU');
    expect(russia).toMatchObject({ withheld: false, total: { acts: 12 } });
    expect(russia.rows.every((row) => row.suppressed && row.acts === null)).toBe(true);
  });

  it('`attest stats --by region --public` prints the same public table', async () => {
    const { io, out, err } = fakeIo();
    io.env = { ATTEST_USER: 'investigator@example.org', ATTEST_PASSWORD: PASSWORD };
    const run = (argv: string[]) => main(argv, { ...io, sharedStore: api.store });
    expect(await run(['stats', '--by', 'region', '--public', '--json']), err()).toBe(0);
    const printed = JSON.parse(out()) as Breakdown;
    expect(printed).toEqual(await breakdown('by=region&view=public', 'investigator'));
    expect(await run(['stats', '--by', 'region', '--public']), err()).toBe(0);
    expect(out()).toContain('Kazan (RU)\tsuppressed acts');
    expect(out()).toContain('Kharkiv (UA)\t6 acts');
  });
});
