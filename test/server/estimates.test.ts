/**
 * The estimation routes over HTTP (inject): who may use them, validation at the boundary (one list
 * is a clear 400 naming the field; an unavailable model too), an estimate from an uploaded lists
 * file, and a saved estimate read back; lists from the database counted by a linkage run
 * (`linkageRun`: a run, 'none' or the default), on PGlite and PostgreSQL.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES } from '../../src/core/roles.ts';
import { releaseActor } from '../../src/services/accounts/actor.ts';
import { login } from '../../src/services/accounts/login.ts';
import { seedLinkedVictims } from '../support/estimationLists.ts';
import { repoRoot } from '../support/paths.ts';
import { backends } from '../support/stores.ts';
import { PASSWORD, startApi, type TestApi } from './support.ts';

const SPINA = readFileSync(
  join(repoRoot, 'test/fixtures/mse/epi_classics/spina_bifida_NY_3lists_total.csv'),
  'utf8',
);

describe('estimation routes', () => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startApi('pglite');
  });
  afterAll(async () => api?.close());

  const upload = (csv: string) => ({ kind: 'upload', csv });

  it('are for analysts and administrators only', async () => {
    for (const role of ROLES) {
      const response = await api.as(role, {
        method: 'POST',
        url: '/api/estimates/overlaps',
        payload: { lists: upload(SPINA) },
      });
      expect([role, response.statusCode]).toEqual([
        role,
        role === 'analyst' || role === 'administrator' ? 200 : 403,
      ]);
    }
    expect((await api.as(null, { method: 'GET', url: '/api/estimates/lists' })).statusCode).toBe(401);
    expect((await api.as('viewer', { method: 'GET', url: '/api/estimates' })).statusCode).toBe(403);
  });

  it('answers a lists file with one list with a clear 400', async () => {
    const response = await api.as('analyst', {
      method: 'POST',
      url: '/api/estimates/run',
      payload: { lists: upload('NGO,count\n1,12\n') },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({
      error: 'invalid_input',
      field: 'body.lists.csv row 1',
      message: expect.stringContaining("needs at least two list columns, found 1 ('NGO')"),
    });
  });

  it('validates the request: one database list, an unknown model, an unknown field', async () => {
    const one = await api.as('analyst', {
      method: 'POST',
      url: '/api/estimates/overlaps',
      payload: { lists: { kind: 'database', lists: [{ kind: 'source', ref: 'x' }] } },
    });
    expect(one.statusCode).toBe(400);
    expect(one.json()).toMatchObject({
      field: 'body.lists.lists',
      message: expect.stringContaining('at least two'),
    });
    const model = await api.as('analyst', {
      method: 'POST',
      url: '/api/estimates/run',
      payload: { lists: upload(SPINA), model: 'bayes' },
    });
    expect(model.statusCode).toBe(400);
    const seed = await api.as('analyst', {
      method: 'POST',
      url: '/api/estimates/run',
      payload: { lists: upload(SPINA), model: 'lcmcr', seed: -1 },
    });
    expect(seed.statusCode).toBe(400);
    expect(seed.json()).toMatchObject({ field: 'body.seed' });
    const extra = await api.as('analyst', {
      method: 'POST',
      url: '/api/estimates/run',
      payload: { lists: upload(SPINA), names: true },
    });
    expect(extra.statusCode).toBe(400);
  });

  it('estimates from an uploaded file and saves it, readable again', async () => {
    const run = await api.as('analyst', {
      method: 'POST',
      url: '/api/estimates/run',
      payload: { lists: upload(SPINA), model: 'auto', criterion: 'aic' },
    });
    expect(run.statusCode).toBe(200);
    const { overlaps, result } = run.json();
    expect(overlaps.observed).toBe(621);
    expect(result.observed).toBe(621);
    expect(result.estimate).toBeGreaterThan(621);
    expect(result.ci95[0]).toBeLessThanOrEqual(result.estimate);

    const saved = await api.as('analyst', {
      method: 'POST',
      url: '/api/estimates',
      payload: { title: 'Spina bifida, NY', lists: upload(SPINA) },
    });
    expect(saved.statusCode).toBe(201);
    const { id } = saved.json();
    const list = await api.as('administrator', { method: 'GET', url: '/api/estimates' });
    expect(list.json()).toMatchObject({
      total: 1,
      items: [{ id, title: 'Spina bifida, NY', observed: 621 }],
    });
    const opened = await api.as('administrator', { method: 'GET', url: `/api/estimates/${id}` });
    expect(opened.statusCode).toBe(200);
    expect(opened.json().result.estimate).toBe(result.estimate);
    const missing = await api.as('administrator', {
      method: 'GET',
      url: '/api/estimates/00000000-0000-4000-8000-000000000000',
    });
    expect(missing.statusCode).toBe(404);
  });

  it('describes every estimation route in the OpenAPI document', async () => {
    const doc = (await api.as(null, { method: 'GET', url: '/api/openapi.json' })).json();
    for (const path of [
      '/api/estimates/lists',
      '/api/estimates/overlaps',
      '/api/estimates/run',
      '/api/estimates',
    ])
      expect(Object.keys(doc.paths)).toContain(path);
    expect(JSON.stringify(doc.paths['/api/estimates/run'].post)).toContain('estimate.run');
  });
});

describe.each(backends())('estimation routes counting by a linkage run on %s', (backend) => {
  let api: TestApi;
  let seeded: Awaited<ReturnType<typeof seedLinkedVictims>>;
  beforeAll(async () => {
    api = await startApi(backend);
    const admin = await login(api.store.db, { email: 'administrator@example.org', password: PASSWORD });
    seeded = await seedLinkedVictims(api.store.db, admin.actor);
    releaseActor(admin.actor);
  }, 120_000);
  afterAll(async () => api?.close());

  const overlaps = (linkageRun?: unknown) =>
    api.as('analyst', {
      method: 'POST',
      url: '/api/estimates/overlaps',
      payload: {
        lists: {
          kind: 'database',
          lists: [
            { kind: 'source', ref: seeded.sources.one },
            { kind: 'source', ref: seeded.sources.two },
          ],
          ...(linkageRun === undefined ? {} : { linkageRun }),
        },
      },
    });

  it('takes linkageRun: a reviewed run by default, none on request, a bad value refused', async () => {
    const created = await api.as('administrator', {
      method: 'POST',
      url: '/api/linkage/runs',
      payload: { name: 'Victims', source: 'database' },
    });
    expect(created.statusCode).toBe(201);
    const run = created.json().run as { id: string; pairs: Array<{ a: string; b: string }> };
    const pair = run.pairs[0]!;
    const labelled = await api.as('analyst', {
      method: 'PUT',
      url: `/api/linkage/runs/${run.id}/labels`,
      payload: { a: pair.a, b: pair.b, decision: 'match' },
    });
    expect(labelled.statusCode).toBe(200);

    const choices = (await api.as('analyst', { method: 'GET', url: '/api/estimates/lists' })).json();
    expect(choices.linkage).toMatchObject({
      default: run.id,
      runs: [{ run: run.id, mergedRecords: 2, persons: 1 }],
    });

    const linked = await overlaps();
    expect(linked.statusCode).toBe(200);
    expect(linked.json()).toMatchObject({ observed: 4, linkage: { run: run.id, list: 'Victims' } });
    const none = await overlaps('none');
    expect(none.json()).toMatchObject({ observed: 5, linkage: null });

    const bad = await overlaps('latest');
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ field: 'body.lists.linkageRun' });
    expect((await overlaps('00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    // An uploaded file is linked already: the field is not taken with it.
    const upload = await api.as('analyst', {
      method: 'POST',
      url: '/api/estimates/overlaps',
      payload: { lists: { kind: 'upload', csv: SPINA, linkageRun: 'none' } },
    });
    expect(upload.statusCode).toBe(400);

    const saved = await api.as('analyst', {
      method: 'POST',
      url: '/api/estimates',
      payload: {
        title: 'Linked',
        model: 'independence',
        lists: {
          kind: 'database',
          linkageRun: run.id,
          lists: [
            { kind: 'source', ref: seeded.sources.one },
            { kind: 'source', ref: seeded.sources.two },
          ],
        },
      },
    });
    expect(saved.statusCode).toBe(201);
    const opened = await api.as('administrator', { method: 'GET', url: `/api/estimates/${saved.json().id}` });
    expect(opened.json()).toMatchObject({ overlaps: { linkage: { run: run.id } }, result: { observed: 4 } });
  });
});
