/**
 * The estimation routes over HTTP (inject): who may use them, validation at the boundary (one list
 * is a clear 400 naming the field; an unavailable model too), an estimate from an uploaded lists
 * file, and a saved estimate read back.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES } from '../../src/core/roles.ts';
import { repoRoot } from '../support/paths.ts';
import { startApi, type TestApi } from './support.ts';

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
