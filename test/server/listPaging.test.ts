/**
 * GET /api/incidents and GET /api/sources paged by cursor over HTTP (Fastify's inject, the real
 * routes, schemas and error mapping), on both stores: following `next` returns every row once, in
 * the order of one big page; the answer keeps its fields (`total`, `limit`, `offset`, `items`) and
 * adds `totalIsLowerBound` and `next`; deep offsets and bad cursors are 400s naming the field.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_LIST_OFFSET } from '../../src/core/validation.ts';
import { backends } from '../support/stores.ts';
import { startApi, type TestApi } from './support.ts';

interface ListAnswer {
  total: number;
  totalIsLowerBound: boolean;
  limit: number;
  offset: number;
  next: string | null;
  items: { id?: string; sourceId?: string }[];
}
const idOf = (item: { id?: string; sourceId?: string }) => item.id ?? item.sourceId;

describe.each(backends())('list paging over HTTP (%s)', (backend) => {
  let api: TestApi;
  const get = (url: string, role: 'analyst' | 'investigator' = 'analyst') =>
    api.as(role, { method: 'GET', url });

  /** Every page of `path` by following next, `limit` rows at a time. */
  async function follow(path: string, limit: number, role?: 'investigator'): Promise<(string | undefined)[]> {
    const ids: (string | undefined)[] = [];
    let after = '';
    for (;;) {
      const answer = await get(`${path}${path.includes('?') ? '&' : '?'}limit=${limit}${after}`, role);
      expect(answer.statusCode).toBe(200);
      const page = answer.json<ListAnswer>();
      ids.push(...page.items.map(idOf));
      if (page.next === null) return ids;
      after = `&after=${page.next}`;
    }
  }

  beforeAll(async () => {
    api = await startApi(backend);
    await api.store.db.query(
      `insert into incidents (id, title, country, date_from, created_by, created_at)
       select gen_random_uuid(), 'Detention ' || (g % 3), (array['RU', 'BR'])[1 + g % 2],
              case when g % 4 = 0 then null else date '2020-01-01' + (g % 3) end, 'tester',
              timestamptz '2024-05-01 10:00:00+00'
         from generate_series(1, 23) g`,
    );
    await api.store.db.query(
      `insert into sources (id, sha256, byte_size, media_type, file_name, title, language, text, search_config,
                            search, search_lead, captured_by, captured_at, suggestions)
       select gen_random_uuid(), encode(sha256(('http paging ' || g)::bytea), 'hex'), 10, 'text/plain',
              'report.txt', 'Report ' || (g % 2), 'en', 'text', 'attest_en', ''::tsvector, ''::tsvector, 'tester',
              timestamptz '2024-05-01 10:00:00+00', '{"events": [], "claims": [], "interventions": []}'::jsonb
         from generate_series(1, 17) g`,
    );
  });
  afterAll(async () => api?.close());

  it('pages the incident list by next, with and without a filter and in another order', async () => {
    for (const path of ['/api/incidents', '/api/incidents?country=RU', '/api/incidents?sort=title']) {
      const whole = (await get(`${path}${path.includes('?') ? '&' : '?'}limit=200`)).json<ListAnswer>();
      expect(whole).toMatchObject({ totalIsLowerBound: false, offset: 0, limit: 200, next: null });
      expect(await follow(path, 5)).toEqual(whole.items.map(idOf));
    }
    const first = (await get('/api/incidents?limit=5')).json<ListAnswer>();
    expect(first).toMatchObject({ total: 23, totalIsLowerBound: false, limit: 5, offset: 0 });
    expect(first.next).toMatch(/^[A-Za-z0-9_-]+$/);
  });

  it('pages the source list by next', async () => {
    const whole = (await get('/api/sources?limit=200')).json<ListAnswer>();
    expect(whole.total).toBe(17);
    expect(await follow('/api/sources', 4)).toEqual(whole.items.map(idOf));
    expect(await follow('/api/sources?sort=title', 4)).toHaveLength(17);
  });

  it('pages the review queue by next', async () => {
    const whole = (await get('/api/review?limit=200', 'investigator')).json<ListAnswer>();
    expect(whole).toMatchObject({ total: 17, totalIsLowerBound: false, next: null });
    expect(await follow('/api/review', 4, 'investigator')).toEqual(whole.items.map(idOf));
  });

  it('refuses a deep offset pointing at the cursor, a bad cursor, and an offset with a cursor', async () => {
    const deep = await get(`/api/incidents?offset=${MAX_LIST_OFFSET + 1}`);
    expect(deep.statusCode).toBe(400);
    expect(deep.json()).toMatchObject({ field: 'query.offset', message: expect.stringMatching(/after/) });
    expect((await get(`/api/sources?offset=${MAX_LIST_OFFSET + 1}`)).statusCode).toBe(400);
    expect((await get(`/api/incidents?offset=${MAX_LIST_OFFSET}`)).statusCode).toBe(200);

    const bad = await get('/api/incidents?after=bm90LWEtY3Vyc29y');
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: 'invalid_input', field: 'after' });
    const next = (await get('/api/incidents?limit=5')).json<ListAnswer>().next;
    expect((await get(`/api/incidents?offset=5&after=${next}`)).json()).toMatchObject({ field: 'offset' });
    expect((await get(`/api/sources?after=${next}`)).json()).toMatchObject({ field: 'after' });
  });
});
