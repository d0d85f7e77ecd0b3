/** PATCH /api/users/:id over real HTTP: the role changes and the user's keys follow it. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../support/stores.ts';
import { startApi, type TestApi } from './support.ts';

describe.each(backends())('changing a role over HTTP on %s', (backend) => {
  let api: TestApi;
  let userId: (email: string) => Promise<string>;
  let keyRows: (id: string) => Promise<number>;
  beforeAll(async () => {
    api = await startApi(backend);
    userId = async (email) =>
      (await api.store.db.query<{ id: string }>('select id from users where email = $1', [email]))[0]!.id;
    keyRows = async (id) =>
      (
        await api.store.db.query<{ n: number }>(
          'select count(*)::int as n from compartment_members where user_id = $1',
          [id],
        )
      )[0]!.n;
  });
  afterAll(() => api?.close());

  const patch = (role: Parameters<TestApi['as']>[0], id: string, payload: unknown) =>
    api.as(role, { method: 'PATCH', url: `/api/users/${id}`, payload: payload as object });

  it('gives a promoted viewer the organisation key and takes it back on demotion', async () => {
    const viewer = await userId('viewer@example.org');
    expect(await keyRows(viewer)).toBe(0);
    const promoted = await patch('administrator', viewer, { role: 'investigator' });
    expect(promoted.statusCode, promoted.body).toBe(200);
    expect(promoted.json()).toEqual({
      id: viewer,
      email: 'viewer@example.org',
      role: 'investigator',
      previousRole: 'viewer',
      keysGranted: 1,
      revoked: [],
      rotated: [],
    });
    expect(await keyRows(viewer)).toBe(1);
    // The session the viewer already had now reads as an investigator.
    const intake = await api.as('viewer', { method: 'GET', url: '/api/intake' });
    expect(intake.statusCode).toBe(200);

    const demoted = (await patch('administrator', viewer, { role: 'viewer' })).json();
    expect(demoted).toMatchObject({ role: 'viewer', revoked: ['C-0001'], rotated: ['C-0001'] });
    expect(await keyRows(viewer)).toBe(0);
    expect((await api.as('viewer', { method: 'GET', url: '/api/intake' })).statusCode).toBe(403);
  });

  it('refuses other roles, unknown users, unknown roles and one’s own role', async () => {
    const analyst = await userId('analyst@example.org');
    expect((await patch('investigator', analyst, { role: 'administrator' })).statusCode).toBe(403);
    const unknownRole = await patch('administrator', analyst, { role: 'owner' });
    expect(unknownRole.statusCode).toBe(400);
    expect(unknownRole.json()).toMatchObject({ error: 'invalid_input', field: 'body.role' });
    const nobody = await patch('administrator', '00000000-0000-4000-8000-000000000000', { role: 'viewer' });
    expect(nobody.statusCode).toBe(404);
    const self = await patch('administrator', await userId('administrator@example.org'), { role: 'viewer' });
    expect(self.statusCode).toBe(400);
    expect(self.json().message).toMatch(/your own role/);
    expect(await keyRows(analyst)).toBe(0);
  });
});
