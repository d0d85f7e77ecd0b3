/**
 * Search at scale (issue 17): the total is counted up to a cap and is a lower bound past it; the
 * incident branch is left out only when no incident exists; pages and snippets cover the counted
 * matches; a word search looks through the newest sources first and through all of them when the
 * newest hold no more than the cap. Real PGlite and PostgreSQL; the cap and the window are lowered
 * through the repository so a handful of rows exercises them, and one test crosses the real cap
 * (SEARCH_CAP + 1 rows in bulk SQL).
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { facetedSearch, search } from '../../src/services/search.ts';
import { incidentsRepository } from '../../src/store/incidents.ts';
import { SEARCH_CAP, searchRepository } from '../../src/store/search.ts';
import { sourcesRepository } from '../../src/store/sources.ts';
import { aSource } from '../support/factories.ts';
import { backends, openTestStore, type TestStore } from '../support/stores.ts';

describe.each(backends())('search at scale on %s', (backend) => {
  let store: TestStore;
  // A second store, without incidents at first: the incident branch is skipped there.
  let isolated: TestStore;
  const detentions: string[] = [];

  beforeAll(async () => {
    [store, isolated] = await Promise.all([openTestStore(backend), openTestStore(backend)]);
    const sources = sourcesRepository(store.db);
    // Seven sources about detentions, published one a year (2011–2017), and one about the weather.
    for (let n = 0; n < 7; n++) {
      const source = aSource({
        language: 'pt',
        title: `Relatório ${n}`,
        publishedOn: `${2011 + n}-05-01`,
        // The later the report, the more often it says "presos": ranks differ.
        text: `Ativistas foram presos em Moscou. ${'Mais presos. '.repeat(n)}Fim do relatório ${n}.`,
      });
      await sources.insertUnlessPresent(source);
      detentions.push(source.id);
    }
    await sources.insertUnlessPresent(aSource({ language: 'pt', text: 'Chuva forte em Belém no domingo.' }));
  });

  afterAll(async () => {
    await Promise.all([store.close(), isolated.close()]);
  });

  const repository = () => searchRepository(store.db);

  it('counts every match up to the cap, exactly, and ranks them all', async () => {
    const exact = await repository().search('ativista preso', {}, { limit: 20, offset: 0, cap: 7 });
    expect(exact.total).toBe(7);
    expect(exact.totalIsLowerBound).toBe(false);
    expect(exact.hits.map((hit) => hit.id).sort()).toEqual([...detentions].sort());
    // Ranked over every match: the report saying "presos" most often comes first.
    expect(exact.hits[0]?.id).toBe(detentions[6]);
    expect(exact.facets.kind).toEqual([{ value: 'source', count: 7 }]);
    expect(exact.facets.period).toHaveLength(7);
  });

  it('past the cap, says the total is a lower bound and counts facets over the matches counted', async () => {
    const capped = await repository().search('ativista preso', {}, { limit: 20, offset: 0, cap: 6 });
    expect(capped.total).toBe(6);
    expect(capped.totalIsLowerBound).toBe(true);
    expect(capped.hits).toHaveLength(6);
    expect(new Set(capped.hits.map((hit) => hit.id)).size).toBe(6);
    for (const hit of capped.hits) expect(detentions).toContain(hit.id);
    expect(capped.facets.kind).toEqual([{ value: 'source', count: 6 }]);
    expect(capped.facets.period.reduce((sum, entry) => sum + entry.count, 0)).toBe(6);

    const small = await repository().search('ativista preso', {}, { limit: 2, offset: 0, cap: 2 });
    expect(small).toMatchObject({ total: 2, totalIsLowerBound: true });
    expect(small.hits).toHaveLength(2);
  });

  it('pages through the matches counted, best first, without repeating one', async () => {
    const seen: string[] = [];
    for (let offset = 0; offset < 9; offset += 3) {
      const page = await repository().search('ativista preso', {}, { limit: 3, offset });
      seen.push(...page.hits.map((hit) => hit.id));
      expect(page.total).toBe(7);
    }
    expect(seen).toEqual([...detentions].reverse());
    const past = await repository().search('ativista preso', {}, { limit: 3, offset: 7 });
    expect(past.hits).toEqual([]);
    expect(past.total).toBe(7);
  });

  // Captured one after another: the newest four are the weather report and reports 6, 5 and 4.
  it('past the cap, counts the matches among the newest sources captured', async () => {
    const newest = await repository().search(
      'ativista preso',
      {},
      { limit: 20, offset: 0, cap: 2, window: 4 },
    );
    expect(newest).toMatchObject({ total: 2, totalIsLowerBound: true });
    expect(newest.hits).toHaveLength(2);
    for (const hit of newest.hits) expect(detentions.slice(4)).toContain(hit.id);
    expect(newest.facets.kind).toEqual([{ value: 'source', count: 2 }]);
  });

  it('looks through every source when the newest hold no more than the cap, so totals stay exact', async () => {
    // Two matches among the newest three: not past a cap of 7, so all sources are looked through.
    const widened = await repository().search(
      'ativista preso',
      {},
      { limit: 20, offset: 0, cap: 7, window: 3 },
    );
    expect(widened).toMatchObject({ total: 7, totalIsLowerBound: false });
    expect(widened.hits.map((hit) => hit.id).sort()).toEqual([...detentions].sort());
    expect(widened.hits[0]?.id).toBe(detentions[6]);
    const rare = await repository().search('Relatório 0', {}, { limit: 20, offset: 0, cap: 7, window: 1 });
    expect(rare).toMatchObject({ total: 1, totalIsLowerBound: false });
    expect(rare.hits.map((hit) => hit.id)).toEqual([detentions[0]]);
  });

  it('cuts a snippet with highlight ranges for each hit of the page', async () => {
    const result = await search(store.db, { query: 'presos', limit: 2 });
    expect(result.hits).toHaveLength(2);
    for (const hit of result.hits) {
      expect(hit.snippet).not.toMatch(/[\uE000\uE001]/);
      expect(hit.highlights.length).toBeGreaterThan(0);
      for (const { start, end } of hit.highlights) expect(hit.snippet.slice(start, end)).toMatch(/^presos$/i);
    }
  });

  it('browses without words newest first', async () => {
    const browse = await facetedSearch(store.db, { query: '', limit: 3 });
    expect(browse.hits.map((hit) => hit.date)).toEqual(['2017-05-01', '2016-05-01', '2015-05-01']);
    expect(browse.total).toBe(8);
    const capped = await repository().search('', {}, { limit: 3, offset: 0, cap: 4 });
    expect(capped).toMatchObject({ total: 4, totalIsLowerBound: true });
    // The newest are the ones counted.
    expect(capped.hits.map((hit) => hit.date)).toEqual(['2017-05-01', '2016-05-01', '2015-05-01']);
  });

  it('finds nothing, quickly, for a query of stop words only', async () => {
    expect(await search(store.db, { query: 'the and of' })).toEqual({
      total: 0,
      totalIsLowerBound: false,
      hits: [],
    });
  });

  it('finds incidents once one exists, and leaves them out under kind=source', async () => {
    const sources = sourcesRepository(isolated.db);
    const source = aSource({ language: 'en', text: 'Three journalists were detained in Grozny.' });
    await sources.insertUnlessPresent(source);
    const before = await facetedSearch(isolated.db, { query: 'journalists detained' });
    expect(before.hits.map((hit) => hit.kind)).toEqual(['source']);

    const incidents = incidentsRepository(isolated.db);
    const id = randomUUID();
    await incidents.insert({
      id,
      title: 'Journalists detained in Grozny',
      summary: 'Three journalists were detained.',
      tags: [],
      language: 'en',
      createdBy: 'tester',
    });
    await incidents.refreshDerived(id);
    const after = await facetedSearch(isolated.db, { query: 'journalists detained' });
    expect(after.hits.map((hit) => `${hit.kind} ${hit.id}`).sort()).toEqual(
      [`incident ${id}`, `source ${source.id}`].sort(),
    );
    expect(after.total).toBe(2);
    expect(after.facets.kind).toEqual([
      { value: 'incident', count: 1 },
      { value: 'source', count: 1 },
    ]);
    const incidentHit = after.hits.find((hit) => hit.kind === 'incident');
    expect(incidentHit?.highlights.length).toBeGreaterThan(0);
    expect((await facetedSearch(isolated.db, { query: 'journalists', kind: 'source' })).hits).toHaveLength(1);
    expect((await facetedSearch(isolated.db, { query: 'journalists', kind: 'incident' })).hits).toHaveLength(
      1,
    );
    // An incident-only filter leaves sources out.
    expect((await facetedSearch(isolated.db, { query: 'journalists', status: 'alleged' })).hits).toEqual([
      expect.objectContaining({ kind: 'incident', id }),
    ]);
  });

  it('counts each incident once per act type in the type facet', async () => {
    const incidents = incidentsRepository(isolated.db);
    const id = randomUUID();
    await incidents.insert({
      id,
      title: 'Prisões em Quixadá',
      summary: 'Dois manifestantes presos e um torturado em Quixadá.',
      tags: [],
      language: 'pt',
      createdBy: 'tester',
    });
    // Two detentions and a torture in one incident: one incident for each type.
    for (const type of ['detention', 'detention', 'torture'])
      await isolated.db.query(
        `insert into acts (id, incident_id, type, victims_min, victims_max, victim_group, place_name, country,
                           date_from, date_precision, perpetrators)
         values ($1, $2, $3, 1, 1, 'protesters', 'Quixadá', 'BR', '2019-03-01', 'day', '[]'::jsonb)`,
        [randomUUID(), id, type],
      );
    await incidents.refreshDerived(id);
    const found = await facetedSearch(isolated.db, { query: 'Quixadá', kind: 'incident' });
    expect(found.hits.map((hit) => hit.id)).toEqual([id]);
    expect(found.facets.type).toEqual([
      { value: 'detention', count: 1 },
      { value: 'torture', count: 1 },
    ]);
  });

  it(`crosses the real cap: ${SEARCH_CAP + 1} matching sources give "${SEARCH_CAP}+"`, async () => {
    await isolated.db.query(
      `insert into sources (id, sha256, byte_size, media_type, file_name, language, text, search_config, search,
                            search_lead, captured_by, suggestions)
       select gen_random_uuid(), encode(sha256(('bulk ' || g)::bytea), 'hex'), 40, 'text/plain', 'bulk.txt', 'en',
              'Protesters detained, report ' || g, 'attest_en', to_tsvector('attest_en', 'Protesters detained, report ' || g),
              to_tsvector('attest_en', 'Protesters detained'), 'tester', '{}'::jsonb
         from generate_series(1, $1::int) g`,
      [SEARCH_CAP + 1],
    );
    const over = await search(isolated.db, { query: 'protesters detained' });
    expect(over).toMatchObject({ total: SEARCH_CAP, totalIsLowerBound: true });
    expect(over.hits).toHaveLength(20);
    await isolated.db.query("delete from sources where text = 'Protesters detained, report 1'");
    const exact = await search(isolated.db, { query: 'protesters detained' });
    expect(exact).toMatchObject({ total: SEARCH_CAP, totalIsLowerBound: false });
  });
});
