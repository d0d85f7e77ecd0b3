/**
 * Linkage review over HTTP on both stores: an analyst uploads a list and labels its pairs by record
 * reference; a database list is run by a key holder, and the analyst — who may review it — never
 * receives a name; a viewer may not see linkage at all.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixturesDir } from '../support/paths.ts';
import { backends } from '../support/stores.ts';
import { startApi, type TestApi } from './support.ts';

const CSV = readFileSync(join(fixturesDir, 'linkage/review-list.csv'), 'utf8');

describe.each(backends())('linkage review over HTTP on %s', (backend) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startApi(backend);
  });
  afterAll(async () => api?.close());

  it('runs an uploaded list and labels its pairs; the run comes back re-clustered', async () => {
    const created = await api.as('analyst', {
      method: 'POST',
      url: '/api/linkage/runs',
      payload: { name: 'Uploaded', source: 'csv', csv: CSV },
    });
    expect(created.statusCode).toBe(201);
    const { run, records } = created.json();
    expect(run.progress).toEqual({ reviewed: 0, total: 3 });
    expect(records.columns).toContain('surname');
    const pair = run.pairs.find((p: { a: string }) => p.a === 'BA' || p.a === 'BB');
    const labelled = await api.as('analyst', {
      method: 'PUT',
      url: `/api/linkage/runs/${run.id}/labels`,
      payload: { a: pair.a, b: pair.b, decision: 'match' },
    });
    expect(labelled.statusCode).toBe(200);
    expect(labelled.json().progress.reviewed).toBe(1);
    expect(labelled.json().clusters).toContainEqual({ members: ['BA', 'BB'], changed: true });
    // The stored run holds no name: reading it back carries none.
    const shown = await api.as('analyst', { method: 'GET', url: `/api/linkage/runs/${run.id}` });
    expect(shown.body).not.toContain('Tepsaev');
    const history = await api.as('analyst', {
      method: 'GET',
      url: `/api/linkage/runs/${run.id}/labels/history?a=BB&b=BA`,
    });
    expect(history.json().items.map((h: { decision: string }) => h.decision)).toEqual(['match']);
    const bad = await api.as('analyst', {
      method: 'PUT',
      url: `/api/linkage/runs/${run.id}/labels`,
      payload: { a: 'BA', b: 'BB', decision: 'maybe' },
    });
    expect(bad.statusCode).toBe(400);
    // Viewers see no linkage at all.
    expect((await api.as('viewer', { method: 'GET', url: `/api/linkage/runs/${run.id}` })).statusCode).toBe(
      403,
    );
    expect((await api.as('viewer', { method: 'GET', url: '/api/linkage/lists' })).statusCode).toBe(403);
  });

  it('lets a key holder open the names of a database run, never an analyst', async () => {
    for (const name of ['Zelimkhan Bakaev', 'Zelimhan Bakayev']) {
      const added = await api.as('administrator', {
        method: 'POST',
        url: '/api/persons',
        payload: { name, birthDate: '1985-03-12', sex: 'm' },
      });
      expect(added.statusCode).toBe(201);
    }
    const refused = await api.as('analyst', {
      method: 'POST',
      url: '/api/linkage/runs',
      payload: { name: 'Victims', source: 'database' },
    });
    expect(refused.statusCode).toBe(403);
    const created = await api.as('administrator', {
      method: 'POST',
      url: '/api/linkage/runs',
      payload: { name: 'Victims', source: 'database' },
    });
    expect(created.statusCode).toBe(201);
    expect(created.body).not.toContain('Bakaev');
    const { run } = created.json();
    expect(run.clusters).toHaveLength(1);
    const asAnalyst = await api.as('analyst', { method: 'GET', url: `/api/linkage/runs/${run.id}` });
    expect(asAnalyst.statusCode).toBe(200);
    expect(asAnalyst.json().mayOpenRecords).toBe(false);
    expect(asAnalyst.body).not.toContain('Bakaev');
    const analystRecords = await api.as('analyst', {
      method: 'POST',
      url: `/api/linkage/runs/${run.id}/records`,
    });
    expect(analystRecords.statusCode).toBe(403);
    expect(analystRecords.body).not.toContain('Bakaev');
    const opened = await api.as('administrator', {
      method: 'POST',
      url: `/api/linkage/runs/${run.id}/records`,
    });
    expect(opened.statusCode).toBe(200);
    expect(opened.body).toContain('Zelimkhan Bakaev');
  });
});
