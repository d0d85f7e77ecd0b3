/**
 * The incident and source lists paged by cursor (store/keysetPage.ts), on PGlite and PostgreSQL:
 * walking every page of every order returns each row once, in the order one big page gives, with
 * ties in every sort key (same date, same record time, same title, no date); rows inserted between
 * two page loads neither repeat nor hide a row that was there; the total is exact up to the cap and
 * "at least" past it; deep offsets, forged cursors and cursors of another order are refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InvalidInput } from '../../src/core/errors.ts';
import { LIST_COUNT_CAP, type ListPage, MAX_LIST_OFFSET } from '../../src/core/validation.ts';
import type { Queryable } from '../../src/store/db.ts';
import { INCIDENT_SORTS, type IncidentFilters, incidentsRepository } from '../../src/store/incidents.ts';
import type { ListSlice } from '../../src/store/keysetPage.ts';
import { reviewsRepository, SOURCE_SORTS } from '../../src/store/reviews.ts';
import { backends, openTestStore, type TestStore } from '../support/stores.ts';

/**
 * `n` incidents from `first`: four dates and no date, two record instants, three titles (two differing
 * only by case) and two countries, so that every order has runs of ties down to the id.
 */
async function insertIncidents(db: Queryable, first: number, n: number): Promise<void> {
  await db.query(
    `insert into incidents (id, title, country, date_from, created_by, created_at, updated_at)
     select gen_random_uuid(), (array['Detention', 'detention', 'Arrest'])[1 + g % 3],
            (array['RU', 'BR'])[1 + g % 2],
            case when g % 5 = 0 then null else date '2020-01-01' + (g % 4) end,
            'tester', timestamptz '2024-05-01 10:00:00.123456+00' + (g % 2) * interval '1 microsecond',
            timestamptz '2024-06-01 00:00:00+00' + (g % 3) * interval '1 day'
       from generate_series($1::int, $2::int) g`,
    [first, first + n - 1],
  );
}

/** `n` sources: two capture instants, three publication dates or none, titles with ties and none. */
async function insertSources(db: Queryable, first: number, n: number): Promise<void> {
  await db.query(
    `insert into sources (id, sha256, byte_size, media_type, file_name, title, language, text, search_config, search, search_lead,
                          published_on, captured_by, captured_at, suggestions)
     select gen_random_uuid(), encode(sha256(('paging ' || g)::bytea), 'hex'), 10, 'text/plain', 'report.txt',
            case when g % 4 = 0 then null else (array['Report', 'report', 'Letter'])[1 + g % 3] end, 'en', 'text', 'attest_en', ''::tsvector, ''::tsvector,
            case when g % 4 = 1 then null else date '2021-03-01' + (g % 3) end,
            'tester', timestamptz '2024-05-01 10:00:00.5+00' + (g % 2) * interval '1 microsecond', '{}'::jsonb
       from generate_series($1::int, $2::int) g`,
    [first, first + n - 1],
  );
}

type Lister = (page: ListPage) => Promise<ListSlice<{ id: string }>>;
const asRows = <T extends { sourceId: string }>(slice: ListSlice<T>) => ({
  ...slice,
  items: slice.items.map((item) => ({ id: item.sourceId })),
});

/** Every page by cursor, `limit` rows at a time; `between` runs after each page but the last. */
async function walk(list: Lister, limit: number, between?: () => Promise<void>): Promise<string[]> {
  const ids: string[] = [];
  let after: string | undefined;
  do {
    const page = await list({ limit, offset: 0, after });
    ids.push(...page.items.map((item) => item.id));
    expect(page.items.length === limit || page.next === null).toBe(true);
    after = page.next ?? undefined;
    if (after !== undefined) await between?.();
  } while (after !== undefined);
  return ids;
}

describe.each(backends())('list paging by cursor (%s)', (backend) => {
  let store: TestStore;
  const incidents = () => incidentsRepository(store.db);
  const sources = () => reviewsRepository(store.db);

  beforeAll(async () => {
    store = await openTestStore(backend);
    await insertIncidents(store.db, 1, 60);
    await insertSources(store.db, 1, 60);
  });
  afterAll(async () => {
    await store?.close();
  });

  const incidentFilters: IncidentFilters[] = [{}, { country: 'RU' }];
  for (const sort of INCIDENT_SORTS)
    for (const filters of incidentFilters)
      it(`walks the incidents by ${sort} ${JSON.stringify(filters)}: each row once, in order`, async () => {
        const all = await incidents().list(filters, { limit: 200, offset: 0 }, sort);
        const walked = await walk((page) => incidents().list(filters, page, sort), 7);
        expect(walked).toEqual(all.items.map((item) => item.id));
        expect(all.total).toBe(filters.country ? 30 : 60);
        expect(all.next).toBeNull();
      });

  for (const sort of SOURCE_SORTS)
    it(`walks the sources by ${sort}: each row once, in order`, async () => {
      const all = await sources().listSources({ sort }, { limit: 200, offset: 0 });
      const walked = await walk((page) => sources().listSources({ sort }, page), 6);
      expect(walked).toEqual(all.items.map((item) => item.id));
      expect(walked).toHaveLength(60);
    });

  it('walks the review queue, oldest first: each unreviewed source once, the reviewed ones left out', async () => {
    const reviewed = (await sources().queue({ limit: 1, offset: 0 })).items[0]?.sourceId ?? '';
    await sources().insertUnlessReviewed({
      sourceId: reviewed,
      incidentId: null,
      reviewedBy: 'tester',
      decisions: {},
    });
    const all = await sources().queue({ limit: 200, offset: 0 });
    const walked = await walk((page) => sources().queue(page).then(asRows), 8);
    expect(walked).toEqual(all.items.map((item) => item.sourceId));
    expect(walked).toHaveLength(59);
    expect(walked).not.toContain(reviewed);
    const times = all.items.map((item) => item.capturedAt.getTime());
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it('continues an offset page from its next', async () => {
    const all = await incidents().list({}, { limit: 200, offset: 0 });
    const second = await incidents().list({}, { limit: 10, offset: 10 });
    const after = second.next ?? undefined;
    const third = await incidents().list({}, { limit: 10, offset: 0, after });
    expect(third.items.map((item) => item.id)).toEqual(all.items.slice(20, 30).map((item) => item.id));
  });

  it('neither repeats nor hides a row when rows are inserted between page loads', async () => {
    const scratch = await openTestStore(backend);
    try {
      await insertIncidents(scratch.db, 1, 40);
      await insertSources(scratch.db, 1, 40);
      for (const sort of INCIDENT_SORTS) {
        const before = (await incidentsRepository(scratch.db).list({}, { limit: 500, offset: 0 }, sort))
          .items;
        let next = 1000 + 100 * INCIDENT_SORTS.indexOf(sort);
        const walked = await walk(
          (page) => incidentsRepository(scratch.db).list({}, page, sort),
          6,
          async () => {
            await insertIncidents(scratch.db, next, 3);
            next += 3;
          },
        );
        expect(new Set(walked).size).toBe(walked.length);
        expect(walked).toEqual(expect.arrayContaining(before.map((item) => item.id)));
      }
      const before = (await reviewsRepository(scratch.db).listSources({}, { limit: 500, offset: 0 })).items;
      let next = 5000;
      const walked = await walk(
        (page) => reviewsRepository(scratch.db).listSources({}, page),
        6,
        async () => {
          await insertSources(scratch.db, next, 3);
          next += 3;
        },
      );
      expect(new Set(walked).size).toBe(walked.length);
      expect(walked).toEqual(expect.arrayContaining(before.map((item) => item.id)));
    } finally {
      await scratch.close();
    }
  });

  it('refuses deep offsets, an offset with a cursor, forged cursors and cursors of another order', async () => {
    const refusal = (promise: Promise<unknown>) =>
      promise.then(
        () => null,
        (error: unknown) => error,
      );
    const deep = await refusal(incidents().list({}, { limit: 10, offset: MAX_LIST_OFFSET + 1 }));
    expect(deep).toBeInstanceOf(InvalidInput);
    expect(deep).toMatchObject({ field: 'offset', reason: expect.stringContaining('after') });
    const byDate = await incidents().list({}, { limit: 5, offset: 0 });
    const after = byDate.next ?? '';
    expect(await refusal(incidents().list({}, { limit: 5, offset: 5, after }))).toMatchObject({
      field: 'offset',
    });
    expect(await refusal(incidents().list({}, { limit: 5, offset: 0, after }, 'updated'))).toMatchObject({
      field: 'after',
    });
    expect(await refusal(sources().listSources({}, { limit: 5, offset: 0, after }))).toMatchObject({
      field: 'after',
    });
    const forged = Buffer.from(JSON.stringify(['incidents:date', "2020-01-01'; --", null, 'x'])).toString(
      'base64url',
    );
    expect(await refusal(incidents().list({}, { limit: 5, offset: 0, after: forged }))).toMatchObject({
      field: 'after',
    });
    expect(await refusal(incidents().list({}, { limit: 5, offset: 0, after: 'not-json' }))).toMatchObject({
      field: 'after',
    });
  });

  it('puts no title in a cursor, even in the order by title', async () => {
    const page = await incidents().list({}, { limit: 5, offset: 0 }, 'title');
    const decoded = Buffer.from(page.next ?? '', 'base64url').toString('utf8');
    expect(decoded).not.toMatch(/detention|arrest/i);
    expect(JSON.parse(decoded)).toEqual(['incidents:title', page.items[4]?.id]);
  });

  it('counts exactly up to the cap and "at least" past it', async () => {
    const scratch = await openTestStore(backend);
    try {
      await insertIncidents(scratch.db, 1, LIST_COUNT_CAP);
      const list = (page: ListPage) => incidentsRepository(scratch.db).list({}, page);
      expect(await list({ limit: 5, offset: 0 })).toMatchObject({
        total: LIST_COUNT_CAP,
        totalIsLowerBound: false,
      });
      await insertIncidents(scratch.db, LIST_COUNT_CAP + 1, 1);
      const capped = await list({ limit: 5, offset: 0 });
      expect(capped).toMatchObject({ total: LIST_COUNT_CAP, totalIsLowerBound: true });
      expect(capped.items).toHaveLength(5);
      // Filtered below the cap, the count is exact again.
      expect(
        await incidentsRepository(scratch.db).list({ country: 'RU' }, { limit: 5, offset: 0 }),
      ).toMatchObject({
        total: LIST_COUNT_CAP / 2,
        totalIsLowerBound: false,
      });
    } finally {
      await scratch.close();
    }
  });
});
