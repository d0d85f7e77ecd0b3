/**
 * Casework over real HTTP handling (inject) on both stores: a person revealed one field at a time,
 * a case only its members can read, and an attachment that goes in sealed and comes back whole.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../support/stores.ts';
import { multipart, startApi, type TestApi } from './support.ts';

const NAME = 'Aslan Tsurgaev';

describe.each(backends())('casework over HTTP on %s', (backend) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startApi(backend);
  });
  afterAll(async () => api?.close());

  it('reveals one field per request, only to roles that hold the key', async () => {
    const created = await api.as('caseworker', {
      method: 'POST',
      url: '/api/persons',
      payload: { name: NAME, contacts: ['+7 900 000 1111'], occupation: 'journalist' },
    });
    expect(created.statusCode).toBe(201);
    const { code } = created.json();
    const listed = await api.as('analyst', { method: 'GET', url: '/api/persons' });
    expect(listed.json().items).toContainEqual({ code });
    expect(listed.body).not.toContain(NAME);
    const reveal = (role: 'caseworker' | 'analyst', field: string) =>
      api.as(role, { method: 'POST', url: `/api/persons/${code}/reveal`, payload: { field } });
    expect((await reveal('caseworker', 'occupation')).json()).toEqual({
      code,
      field: 'occupation',
      value: 'journalist',
    });
    expect((await reveal('analyst', 'name')).statusCode).toBe(403);
    expect((await reveal('caseworker', 'password')).json()).toMatchObject({ field: 'body.field' });
    const found = await api.as('caseworker', {
      method: 'POST',
      url: '/api/persons/search',
      payload: { name: NAME },
    });
    expect(found.json().items).toEqual([{ code }]);
  });

  it('keeps a case to its members and its attachment sealed until downloaded', async () => {
    const person = (
      await api.as('caseworker', { method: 'POST', url: '/api/persons', payload: { name: 'Case Subject' } })
    ).json().code;
    const opened = await api.as('caseworker', {
      method: 'POST',
      url: '/api/cases',
      payload: { persons: [person], type: 'medical', risk: 'critical' },
    });
    expect(opened.statusCode).toBe(201);
    const { id } = opened.json();
    const bytes = Buffer.from('%PDF-1.4 medical report for the clinic');
    const upload = await api.as('caseworker', {
      method: 'POST',
      url: `/api/cases/${id}/attachments`,
      ...multipart([{ name: 'file', value: bytes, fileName: 'report.pdf' }]),
    });
    expect(upload.statusCode).toBe(201);
    const stored = await api.store.db.query<{ content: Uint8Array }>('select content from case_attachments');
    expect(Buffer.from(stored[0]!.content).includes(Buffer.from('medical report'))).toBe(false);
    const detail = (await api.as('caseworker', { method: 'GET', url: `/api/cases/${id}` })).json();
    expect(detail).toMatchObject({
      type: 'medical',
      risk: 'critical',
      persons: [person],
      attachments: [{ name: 'report.pdf' }],
    });
    const download = await api.as('caseworker', {
      method: 'GET',
      url: `/api/cases/${id}/attachments/${detail.attachments[0].id}`,
    });
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(bytes)).toBe(true);
    expect(download.headers['content-disposition']).toContain('report.pdf');
    // An investigator who is not a member, and an administrator too, are refused by the key.
    expect((await api.as('investigator', { method: 'GET', url: `/api/cases/${id}` })).statusCode).toBe(403);
    expect((await api.as('administrator', { method: 'GET', url: `/api/cases/${id}` })).statusCode).toBe(403);
    expect((await api.as('investigator', { method: 'GET', url: '/api/cases' })).json().items).toEqual([]);
    const bad = await api.as('caseworker', {
      method: 'POST',
      url: `/api/cases/${id}/status`,
      payload: { status: 'closed' },
    });
    expect(bad.statusCode).toBe(200);
    const invalid = await api.as('caseworker', {
      method: 'POST',
      url: `/api/cases/${id}/status`,
      payload: { status: 'in-progress' },
    });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().message).toMatch(/closed can move to open, not in-progress/);
  });
});
