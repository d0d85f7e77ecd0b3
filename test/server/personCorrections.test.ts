/**
 * Correcting people and involvements over real HTTP handling (inject) on both stores: who may, what a
 * stale version answers, that nothing of a correction reaches a URL or a refusal, and that a
 * withdrawn victim leaves the involvement counts.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../support/stores.ts';
import { startApi, type TestApi } from './support.ts';

const NAME = 'Aslan Tsurgayev';
const CORRECTED = 'Aslan Tsurgaev';

describe.each(backends())('correcting people and involvements over HTTP on %s', (backend) => {
  let api: TestApi;
  let code: string;
  beforeAll(async () => {
    api = await startApi(backend);
    code = (
      await api.as('caseworker', { method: 'POST', url: '/api/persons', payload: { name: NAME } })
    ).json().code;
  });
  afterAll(async () => api?.close());

  it('corrects a person for staff only, and answers a stale version with 409 and the record now', async () => {
    const patch = (role: 'caseworker' | 'analyst' | 'viewer', payload: object) =>
      api.as(role, { method: 'PATCH', url: `/api/persons/${code}`, payload });
    expect((await patch('analyst', { version: 1, name: CORRECTED })).statusCode).toBe(403);
    expect((await patch('viewer', { version: 1, name: CORRECTED })).statusCode).toBe(403);
    const opened = await api.as('caseworker', { method: 'POST', url: `/api/persons/${code}/open` });
    expect(opened.json()).toMatchObject({ id: code, version: 1, fields: { name: NAME, aliases: [] } });
    const bad = await patch('caseworker', { version: 1, birthDate: 'yesterday' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).not.toContain('yesterday');
    const saved = await patch('caseworker', { version: 1, name: CORRECTED, reason: 'as in the passport' });
    expect(saved.json()).toEqual({ id: code, version: 2 });
    const stale = await patch('caseworker', { version: 1, aliases: ['Aslan T.'] });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().current).toMatchObject({ version: 2, fields: { name: CORRECTED } });
    const history = await api.as('caseworker', { method: 'GET', url: `/api/persons/${code}/history` });
    expect(history.json()).toMatchObject({
      kind: 'person',
      id: code,
      versions: [{ version: 2, change: 'update', before: { name: NAME }, after: { name: CORRECTED } }],
    });
    expect((await api.as('analyst', { method: 'GET', url: `/api/persons/${code}/history` })).statusCode).toBe(
      403,
    );
  });

  it('withdraws a victim involvement for staff only; the named victims fall', async () => {
    const incidentId = randomUUID();
    const actId = randomUUID();
    await api.store.db.query(`insert into incidents (id, title, created_by) values ($1, 'Raid', 'test')`, [
      incidentId,
    ]);
    await api.store.db.query(`insert into acts (id, incident_id, type) values ($1, $2, 'detention')`, [
      actId,
      incidentId,
    ]);
    const linked = await api.as('caseworker', {
      method: 'POST',
      url: `/api/acts/${actId}/involvements`,
      payload: { role: 'victim', person: code },
    });
    const { id } = linked.json();
    const withdraw = (role: 'caseworker' | 'analyst', payload: object) =>
      api.as(role, { method: 'POST', url: `/api/involvements/${id}/withdraw`, payload });
    expect((await withdraw('analyst', { version: 1, reason: 'wrong act' })).statusCode).toBe(403);
    expect(
      (
        await api.as('analyst', {
          method: 'PATCH',
          url: `/api/involvements/${id}`,
          payload: { version: 1, role: 'witness' },
        })
      ).statusCode,
    ).toBe(403);
    expect((await withdraw('caseworker', { version: 1 })).statusCode).toBe(400);
    const done = await withdraw('caseworker', { version: 1, reason: 'wrong act' });
    expect(done.json()).toMatchObject({ id, version: 2, namedVictims: 0, victimsMin: 1 });
    expect((await withdraw('caseworker', { version: 1, reason: 'again' })).statusCode).toBe(409);
    const listed = await api.as('analyst', {
      method: 'GET',
      url: `/api/incidents/${incidentId}/involvements`,
    });
    expect(listed.json().items).toMatchObject([{ id, withdrawn: true, version: 2 }]);
    const history = await api.as('caseworker', { method: 'GET', url: `/api/involvements/${id}/history` });
    expect(history.json().versions).toMatchObject([{ change: 'withdraw', reason: 'wrong act' }]);
  });

  it('merges two records of one person for staff only; a stale version is a 409; the merged one is listed nowhere', async () => {
    const add = async (name: string) =>
      (await api.as('caseworker', { method: 'POST', url: '/api/persons', payload: { name } })).json()
        .code as string;
    const survivor = await add('Magomed Dudayev');
    const duplicate = await add('Magomed Dudaev');
    const merge = (role: 'caseworker' | 'analyst', payload: object) =>
      api.as(role, { method: 'POST', url: `/api/persons/${duplicate}/merge`, payload });
    const body = { into: survivor, version: 1, intoVersion: 1, reason: 'one man, two spellings' };
    const refused = await merge('analyst', body);
    expect(refused.statusCode).toBe(403);
    expect(refused.body).not.toContain('two spellings');
    expect((await merge('caseworker', { ...body, intoVersion: 2 })).statusCode).toBe(409);
    const merged = await merge('caseworker', body);
    expect(merged.statusCode).toBe(200);
    expect(merged.json()).toMatchObject({ code: duplicate, into: survivor, version: 2, intoVersion: 2 });
    const listed = await api.as('analyst', { method: 'GET', url: '/api/persons' });
    const codes = (listed.json().items as { code: string }[]).map((item) => item.code);
    expect(codes).toContain(survivor);
    expect(codes).not.toContain(duplicate);
    const status = await api.as('analyst', { method: 'GET', url: `/api/persons/${duplicate}` });
    expect(status.json()).toMatchObject({ code: duplicate, mergedInto: survivor });
    expect(status.body).not.toContain('Dudaev');
  });
});
