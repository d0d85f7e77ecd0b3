/**
 * Sealed sources over HTTP on both stores: a testimony ingested sealed leaves its distinctive sentence
 * nowhere at rest (every file of the data directory, PGlite's included, every table as text, a
 * pg_dump); a member reads it and its original (audited), a non-member gets the sealed notice only;
 * search finds it for members, for nobody else; exports leave it out; review works, and the records
 * it confirms keep references, not passages.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { releaseActor } from '../../src/services/accounts/actor.ts';
import { authenticate } from '../../src/services/accounts/login.ts';
import { createCaseCompartment, rotateCompartmentKey } from '../../src/services/compartments/compartments.ts';
import { exportDataset } from '../../src/services/export/dataset.ts';
import { multipart, PASSWORD, startApi, type TestApi } from '../server/support.ts';
import { backends } from '../support/stores.ts';
import { encodingsOf, everyFile, pgDump } from './cliHarness.ts';
import { auditRows } from './fixtures.ts';

const SENTENCE = 'The guard with the silver tooth made Alikhan kneel on broken glass behind the bakery.';
const WORDS = ['Alikhan', 'silver tooth', 'broken glass'];
const EVENT = 'On 3 March 2025 police detained 12 students in Kharkiv.';
const TITLE = 'Testimony of Zarema Okueva';
const FILE_NAME = 'okueva-testimony.txt';
const TESTIMONY = `${EVENT}\n\n${SENTENCE}\n\nShe asked that her name be kept from everyone.`;
const SECRETS = [SENTENCE, ...WORDS, TITLE, 'Okueva', EVENT];

function leaks(api: TestApi, dump: Buffer): string[] {
  const files = everyFile(api.store.dataDir);
  const found: string[] = [];
  for (const secret of SECRETS)
    for (const needle of encodingsOf(secret)) {
      for (const file of files) if (file.bytes.includes(needle)) found.push(`${secret} in ${file.path}`);
      if (dump.includes(needle)) found.push(`${secret} in pg_dump`);
    }
  return found;
}

async function tablesAsText(api: TestApi): Promise<string> {
  const tables = await api.store.db.query<{ table_name: string }>(
    "select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'",
  );
  const out: string[] = [];
  for (const { table_name } of tables) {
    const rows = await api.store.db.query<{ t: string }>(`select t::text as t from ${table_name} t`);
    out.push(...rows.map((row) => row.t));
  }
  return out.join('\n');
}

describe.each(backends())('sealed sources on %s', (backend) => {
  let api: TestApi;
  let caseCode = '';
  let pastedId = '';
  let uploadedId = '';
  beforeAll(async () => {
    api = await startApi(backend);
    // A case compartment only the administrator belongs to: the investigator is a non-member there.
    const admin = await authenticate(api.store.db, {
      email: 'administrator@example.org',
      password: PASSWORD,
    });
    try {
      caseCode = (await createCaseCompartment(api.store.db, admin)).code;
    } finally {
      releaseActor(admin);
    }
  });
  afterAll(async () => api?.close());

  it('seals a pasted testimony and an uploaded file: nothing of them in clear at rest', async () => {
    const pasted = await api.as('administrator', {
      method: 'POST',
      url: '/api/sources',
      payload: { text: TESTIMONY, title: TITLE, sealed: true, compartment: caseCode },
    });
    expect(pasted.statusCode, pasted.body).toBe(201);
    expect(pasted.json()).toMatchObject({ title: null, sealed: { compartment: caseCode } });
    expect(JSON.stringify(pasted.json())).not.toContain('Alikhan');
    pastedId = pasted.json().id;

    const upload = multipart([
      { name: 'sealed', value: 'true' },
      { name: 'title', value: `${TITLE} (scan)` },
      { name: 'file', value: `${TESTIMONY}\nSecond copy, as a file.`, fileName: FILE_NAME },
    ]);
    const uploaded = await api.as('investigator', {
      method: 'POST',
      url: '/api/sources',
      payload: upload.payload,
      headers: upload.headers,
    });
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    expect(uploaded.json().sealed).toEqual({ compartment: 'C-0001' });
    uploadedId = uploaded.json().id;

    // The same bytes again are the same sealed source; sealed elsewhere they are refused.
    const again = await api.as('administrator', {
      method: 'POST',
      url: '/api/sources',
      payload: { text: TESTIMONY, sealed: true, compartment: caseCode },
    });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ id: pastedId, duplicate: true });
    const unsealed = await api.as('administrator', {
      method: 'POST',
      url: '/api/sources',
      payload: { text: TESTIMONY },
    });
    expect(unsealed.statusCode, unsealed.body).toBe(409);
    // A non-member cannot seal into a compartment either.
    const outsider = await api.as('investigator', {
      method: 'POST',
      url: '/api/sources',
      payload: { text: 'another testimony', sealed: true, compartment: caseCode },
    });
    expect(outsider.statusCode).toBe(403);

    expect(await tablesAsText(api)).not.toContain('Alikhan');
    const dump = api.store.databaseUrl ? Buffer.from(await pgDump(api.store.databaseUrl)) : Buffer.alloc(0);
    if (backend === 'postgres') expect(dump.length).toBeGreaterThan(1000);
    expect(leaks(api, dump)).toEqual([]);
    // The encrypted original sits in the file store under the hash of the encrypted file.
    const files = everyFile(join(api.store.dataDir, 'files')).filter(
      (file) => !file.path.includes('/files/tmp/'),
    );
    expect(files.length).toBeGreaterThanOrEqual(2);
    for (const file of files) expect(file.bytes.subarray(0, 8).toString()).toBe('ATTSTRM1');
  });

  it('opens for a member (audited) and shows a non-member the sealed notice only', async () => {
    const read = await api.as('administrator', { method: 'GET', url: `/api/sources/${pastedId}` });
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json()).toMatchObject({ title: TITLE, text: TESTIMONY, sealed: { compartment: caseCode } });
    expect(read.json().suggestions.events.length).toBeGreaterThan(0);
    const original = await api.as('administrator', {
      method: 'GET',
      url: `/api/sources/${pastedId}/original`,
    });
    expect(original.statusCode).toBe(200);
    expect(original.body).toBe(TESTIMONY);

    for (const url of [
      `/api/sources/${pastedId}`,
      `/api/sources/${pastedId}/original`,
      `/api/review/${pastedId}`,
    ]) {
      const refused = await api.as('investigator', { method: 'GET', url });
      expect(refused.statusCode, url).toBe(403);
      expect(refused.body).toContain(caseCode);
      expect(refused.body).not.toContain('Alikhan');
      expect(refused.body).not.toContain('Okueva');
    }
    // Analysts hold no compartment keys at all.
    expect((await api.as('analyst', { method: 'GET', url: `/api/sources/${uploadedId}` })).statusCode).toBe(
      403,
    );

    const reads = await auditRows(api.store.db, 'source.readSealed');
    const allowed = reads.filter((row) => row.outcome === 'allowed' && row.record_id === pastedId);
    expect(allowed.length).toBeGreaterThanOrEqual(2);
    expect(reads.some((row) => row.outcome === 'denied' && row.record_id === pastedId)).toBe(true);
    expect(JSON.stringify(reads)).not.toContain('Alikhan');

    // Lists show that a sealed source exists, with its compartment, never its title or file name.
    const list = (await api.as('investigator', { method: 'GET', url: '/api/sources' })).json();
    const item = list.items.find((entry: { id: string }) => entry.id === pastedId);
    expect(item).toMatchObject({ title: null, fileName: 'sealed', sealed: { compartment: caseCode } });
  });

  it('is found by a word in it by members only, with no plaintext index', async () => {
    const search = (role: 'administrator' | 'investigator' | 'analyst', q: string) =>
      api.as(role, { method: 'GET', url: `/api/search?q=${encodeURIComponent(q)}` });
    const member = (await search('administrator', 'alikhan kneeling')).json();
    expect(member.sealed.hits.map((hit: { id: string }) => hit.id)).toContain(pastedId);
    const hit = member.sealed.hits.find((entry: { id: string }) => entry.id === pastedId);
    expect(hit).toMatchObject({ title: TITLE, compartment: caseCode });
    expect(hit.snippet).toContain('Alikhan');
    expect(member.hits.map((entry: { id: string }) => entry.id)).not.toContain(pastedId);
    // The investigator belongs to the organisation's compartment (the upload) but not to the case.
    const outsider = (await search('investigator', 'alikhan')).json();
    expect(outsider.sealed.hits.map((entry: { id: string }) => entry.id)).toEqual([uploadedId]);
    expect(JSON.stringify(outsider)).not.toContain(pastedId);
    expect((await search('analyst', 'alikhan')).json().sealed).toBeNull();
    expect(JSON.stringify((await search('analyst', 'alikhan')).json())).not.toContain('Alikhan');
    // Browsing (no query) lists no sealed source among the hits.
    const browse = (await search('administrator', '')).json();
    expect(browse.hits.map((entry: { id: string }) => entry.id)).not.toContain(pastedId);
    expect((await auditRows(api.store.db, 'source.searchSealed')).length).toBeGreaterThanOrEqual(2);
  });

  it('reviews a sealed source into records that keep references, not passages', async () => {
    const review = await api.as('administrator', { method: 'GET', url: `/api/review/${pastedId}` });
    expect(review.statusCode, review.body).toBe(200);
    expect(review.json().source).toMatchObject({ sealed: true, title: TITLE });
    const events = review.json().suggestions.events as unknown[];
    expect(events.length).toBeGreaterThan(0);
    const applied = await api.as('administrator', {
      method: 'POST',
      url: `/api/review/${pastedId}`,
      payload: {
        events: events.map((_, index) => ({ index, decision: 'accept' })),
        claims: review
          .json()
          .suggestions.claims.map((_: unknown, index: number) => ({ index, decision: 'reject' })),
        interventions: review.json().suggestions.interventions.map((_: unknown, index: number) => ({
          index,
          decision: 'reject',
        })),
        incident: { mode: 'new' },
      },
    });
    expect(applied.statusCode, applied.body).toBe(201);
    const incidentId = applied.json().incidentId;
    const incident = (
      await api.as('investigator', { method: 'GET', url: `/api/incidents/${incidentId}` })
    ).json();
    expect(JSON.stringify(incident)).not.toContain('detained 12 students');
    expect(JSON.stringify(incident)).not.toContain('Okueva');
    expect(incident.evidence.acts.length).toBeGreaterThan(0);

    const dump = api.store.databaseUrl ? Buffer.from(await pgDump(api.store.databaseUrl)) : Buffer.alloc(0);
    expect(leaks(api, dump)).toEqual([]);
    expect(await tablesAsText(api)).not.toContain('detained 12 students');
  });

  it('leaves sealed sources out of partner and public exports, and survives a key rotation', async () => {
    const admin = await authenticate(api.store.db, {
      email: 'administrator@example.org',
      password: PASSWORD,
    });
    const directory = mkdtempSync(join(tmpdir(), 'attest-sealed-export-'));
    try {
      for (const kind of ['partner', 'public'] as const) {
        const target = join(directory, kind);
        await exportDataset(
          api.store.db,
          { target, public: kind === 'public', format: 'csv' },
          { actor: admin, exportedBy: 'administrator@example.org' },
        );
        const files = readdirSync(target, { recursive: true, withFileTypes: true }).filter((entry) =>
          entry.isFile(),
        );
        const written = files
          .map((entry) => readFileSync(join(entry.parentPath, entry.name)).toString('utf8'))
          .join('\n');
        // No row of a sealed source; records confirmed from one keep only its opaque id as a reference.
        const sources = readFileSync(join(target, 'sources.csv'), 'utf8');
        expect(sources, kind).not.toContain(pastedId);
        expect(sources, kind).not.toContain(uploadedId);
        for (const secret of SECRETS) expect(written, `${kind}: ${secret}`).not.toContain(secret);
      }
      expect((await rotateCompartmentKey(api.store.db, admin, caseCode)).resealed).toBeGreaterThanOrEqual(1);
    } finally {
      releaseActor(admin);
      rmSync(directory, { recursive: true, force: true });
    }
    const read = await api.as('administrator', { method: 'GET', url: `/api/sources/${pastedId}` });
    expect(read.statusCode, read.body).toBe(200);
    expect(read.json().text).toBe(TESTIMONY);
  });
});
