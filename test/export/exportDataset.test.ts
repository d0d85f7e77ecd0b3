/** The export use case against real stores: what public and partner exports contain, and what never. */
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/analysis/csv.ts';
import type { Actor } from '../../src/services/accounts/actor.ts';
import { addCompartmentMember, createCaseCompartment } from '../../src/services/compartments/compartments.ts';
import { exportDataset } from '../../src/services/export/dataset.ts';
import { sha256Of, writeExportDirectory } from '../../src/services/export/files.ts';
import { presentStatistics } from '../../src/services/export/statistics.ts';
import { addPerson } from '../../src/services/persons/persons.ts';
import { ingestOne } from '../../src/services/sources/ingest.ts';
import { filesContaining } from '../protection/cliHarness.ts';
import { aUser, auditRows } from '../protection/fixtures.ts';
import { backends, openTestStore, type TestStore } from '../support/stores.ts';
import { PERSON, PERSON_SECRETS, PROFILE_URL, SEED_PII, seedExportData } from './exportFixture.ts';

interface Manifest {
  kind: string;
  exportedBy: string;
  records: Record<string, number>;
  persons: string;
  redactions?: { total: number; byKind: Record<string, number>; byField: Record<string, number> };
  statistics: { suppressionThreshold: number; suppressedCells: number };
  files: Array<{ path: string; bytes: number; sha256: string }>;
}

const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;

/** Every exported file whose bytes hold the value, in any case and the encodings cliHarness knows. */
function leaks(dir: string, values: readonly string[]): string[] {
  return values.flatMap((value) =>
    [value, value.toLowerCase(), value.toUpperCase()].flatMap((form) =>
      filesContaining(dir, form).map((file) => `${value} in ${file}`),
    ),
  );
}

/** The manifest lists every other data file with its true hash, and SHA256SUMS agrees. */
function expectIntegrity(dir: string): Manifest {
  const manifest = readJson<Manifest>(join(dir, 'manifest.json'));
  const onDisk = readdirSync(dir).sort();
  expect(onDisk).toEqual([...manifest.files.map((file) => file.path), 'manifest.json', 'SHA256SUMS'].sort());
  for (const file of manifest.files) {
    const bytes = readFileSync(join(dir, file.path));
    expect(sha256Of(bytes), file.path).toBe(file.sha256);
    expect(bytes.byteLength).toBe(file.bytes);
  }
  const sums = readFileSync(join(dir, 'SHA256SUMS'), 'utf8').trim().split('\n');
  expect(sums).toHaveLength(manifest.files.length + 1);
  for (const line of sums) {
    const [hash, path] = line.split('  ');
    expect(sha256Of(readFileSync(join(dir, path!))), path).toBe(hash);
  }
  return manifest;
}

describe.each(backends())('dataset export on %s', (backend) => {
  let store: TestStore;
  let admin: Actor;
  let analyst: Actor;
  let out: string;
  beforeAll(async () => {
    store = await openTestStore(backend);
    ({ admin } = await seedExportData(store));
    analyst = await aUser(store.db, admin, 'ana@example.org', 'analyst');
    out = mkdtempSync(join(tmpdir(), 'attest-export-'));
  });
  afterAll(async () => {
    await store?.close();
    rmSync(out, { recursive: true, force: true });
  });

  it('a public export carries no personal data, no persons and no staff identities', async () => {
    const dir = join(out, 'public');
    const report = await exportDataset(
      store.db,
      { target: dir, format: 'json', public: true },
      { actor: admin, exportedBy: admin.email },
    );
    expect(report.files).toContain('manifest.json');
    expect(report.files).not.toContain('persons.json');
    expect(report.persons).toBeNull();
    expect(leaks(dir, [...SEED_PII, ...PERSON_SECRETS, 'admin@example.org', 'ana@example.org'])).toEqual([]);
    // File names can name a witness; they stay home.
    expect(leaks(dir, ['testimony-dudayeva', 'captured_by', 'confirmed_by', 'facebook.com/zarema'])).toEqual(
      [],
    );

    const manifest = expectIntegrity(dir);
    expect(manifest.kind).toBe('public');
    expect(manifest.exportedBy).toBe('Memorial Test');
    expect(manifest.persons).toBe('never in public exports');
    expect(manifest.redactions!.total).toBe(report.redactions);
    expect(manifest.redactions!.byKind).toMatchObject({
      person: expect.any(Number),
      email: expect.any(Number),
    });
    expect(manifest.redactions!.byField['sources.text']).toBeGreaterThanOrEqual(3);

    // Redaction touches the personal data only: the rest of the sentence is still there to quote.
    const sources = readJson<Array<{ text: string; sha256: string }>>(join(dir, 'sources.json'));
    expect(sources.map((source) => source.text).join('\n')).toContain(
      'contate [redacted: person] em [redacted: email] ou [redacted: phone].',
    );
    const incidents = readJson<Array<{ summary: string }>>(join(dir, 'incidents.json'));
    expect(incidents[0]!.summary).toContain('Press contact for Human Rights First: [redacted: person]');
    const claims = readJson<Array<{ passage: string | null; span_start?: number }>>(join(dir, 'claims.json'));
    expect(claims.length).toBeGreaterThan(0);
    expect(claims.every((claim) => typeof claim.passage === 'string' && !('span_start' in claim))).toBe(true);
  });

  it('a partner export by an authorised user contains the decrypted persons, and the read is audited', async () => {
    const dir = join(out, 'partner');
    const report = await exportDataset(
      store.db,
      { target: dir, format: 'csv' },
      { actor: admin, exportedBy: admin.email },
    );
    expect(report.persons).toBe(1);
    expect(report.warnings).toEqual([]);
    const persons = parseCsv(readFileSync(join(dir, 'persons.csv'), 'utf8'));
    expect(persons[0]!.cells).toEqual([
      'code',
      'compartment',
      'name',
      'aliases',
      'contacts',
      'birth_date',
      'note',
    ]);
    expect(persons[1]!.cells[2]).toBe(PERSON.name);
    // A cell starting with "+" would be a formula in a spreadsheet: JSON lists start with "[" anyway.
    expect(JSON.parse(persons[1]!.cells[4]!)).toEqual([PERSON.contact, PERSON.phone]);
    const sources = parseCsv(readFileSync(join(dir, 'sources.csv'), 'utf8'));
    expect(sources[0]!.cells).toContain('captured_by');
    expect(sources.some((row) => row.cells.includes(PROFILE_URL))).toBe(true);
    expect(leaks(dir, ['password', 'wrapped', '$argon2'])).toEqual([]);

    const manifest = expectIntegrity(dir);
    expect(manifest.kind).toBe('partner');
    expect(manifest.records.persons).toBe(1);
    expect(manifest.redactions).toBeUndefined();
    const reads = await auditRows(store.db, 'person.read');
    expect(reads.at(-1)).toMatchObject({ actor: admin.userId, outcome: 'allowed' });
    const exports = await auditRows(store.db, 'dataset.export');
    expect(exports.at(-1)!.details).toMatchObject({
      public: false,
      persons: 1,
      manifestSha256: sha256Of(readFileSync(join(dir, 'manifest.json'))),
    });
  });

  it('a partner export by a user who may not read persons omits them with a warning', async () => {
    const dir = join(out, 'analyst');
    const report = await exportDataset(
      store.db,
      { target: dir },
      { actor: analyst, exportedBy: analyst.email },
    );
    expect(report.persons).toBeNull();
    expect(report.warnings.join('\n')).toMatch(/person records omitted/);
    expect(existsSync(join(dir, 'persons.csv'))).toBe(false);
    // Texts are exported as stored (the testimony names her); what only the sealed record holds stays sealed.
    expect(leaks(dir, [PERSON.contact, PERSON.note])).toEqual([]);
    const denied = await auditRows(store.db, 'person.read');
    expect(denied.at(-1)).toMatchObject({ actor: analyst.userId, outcome: 'denied' });

    // Once accounts exist, nobody exports without signing in: partner or public, nothing is written.
    for (const isPublic of [false, true]) {
      const target = join(out, `nobody-${isPublic}`);
      await expect(
        exportDataset(store.db, { target, public: isPublic }, { actor: null, exportedBy: 'x' }),
      ).rejects.toThrow(/needs a signed-in user/);
      expect(existsSync(target)).toBe(false);
    }
  });

  it('refuses a target that is not empty and leaves it untouched', async () => {
    const dir = join(out, 'taken');
    mkdirSync(dir);
    writeFileSync(join(dir, 'notes.txt'), 'mine');
    await expect(
      exportDataset(store.db, { target: dir }, { actor: admin, exportedBy: admin.email }),
    ).rejects.toThrow(dir);
    expect(readdirSync(dir)).toEqual(['notes.txt']);
    expect(readFileSync(join(dir, 'notes.txt'), 'utf8')).toBe('mine');
    expect(readdirSync(out).filter((name) => name.startsWith('.'))).toEqual([]);
  });

  it('suppresses small cells in the exported statistics', async () => {
    const dir = join(out, 'stats');
    const report = await exportDataset(
      store.db,
      { target: dir, format: 'json', public: true },
      { actor: admin, exportedBy: admin.email },
    );
    const rows = readJson<
      Array<{ dimension: string; key: string; count: number | null; suppressed: boolean }>
    >(join(dir, 'statistics.json'));
    expect(new Set(rows.map((row) => row.dimension))).toEqual(new Set(['type', 'country', 'year']));
    expect(rows.filter((row) => row.count !== null && row.count > 0).every((row) => row.count! >= 5)).toBe(
      true,
    );
    expect(report.suppressed).toBe(rows.filter((row) => row.suppressed).length);
    expect(report.suppressed).toBeGreaterThan(0);
  });
});

describe.each(backends())('public export: what could identify a redacted value, on %s', (backend) => {
  let store: TestStore;
  let admin: Actor;
  let out: string;
  beforeAll(async () => {
    store = await openTestStore(backend);
    ({ admin } = await seedExportData(store));
    out = mkdtempSync(join(tmpdir(), 'attest-export-hash-'));
  });
  afterAll(async () => {
    await store?.close();
    rmSync(out, { recursive: true, force: true });
  });

  it('carries no hash or size of an unredacted original, and capture times only to the day', async () => {
    const dir = join(out, 'public');
    await exportDataset(
      store.db,
      { target: dir, format: 'json', public: true },
      { actor: admin, exportedBy: admin.email },
    );
    const stored = await store.db.query<{ sha256: string }>('select sha256 from sources');
    expect(stored.length).toBeGreaterThan(1);
    const sources = readJson<Array<Record<string, unknown>>>(join(dir, 'sources.json'));
    expect(sources).toHaveLength(stored.length);
    for (const source of sources) {
      expect(source).not.toHaveProperty('sha256');
      expect(source).not.toHaveProperty('byte_size');
      expect(source.captured_at).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    // Not under another name either, in any file (the manifest's hashes are of the exported files).
    const hashes = new Set(stored.map((row) => row.sha256.toLowerCase()));
    for (const file of readdirSync(dir)) {
      const found =
        readFileSync(join(dir, file), 'utf8')
          .toLowerCase()
          .match(/[0-9a-f]{64}/g) ?? [];
      expect(
        found.filter((hex) => hashes.has(hex)),
        file,
      ).toEqual([]);
    }

    // A partner verifies originals handed over separately: it keeps both.
    const partner = join(out, 'partner');
    await exportDataset(store.db, { target: partner, format: 'json' }, { actor: admin, exportedBy: 'x' });
    const partnerSources = readJson<Array<{ sha256: string; byte_size: number }>>(
      join(partner, 'sources.json'),
    );
    expect(new Set(partnerSources.map((source) => source.sha256))).toEqual(hashes);
    expect(partnerSources.every((source) => source.byte_size > 0)).toBe(true);
  });
});

describe.each(backends())('public export and case compartments on %s', (backend) => {
  const CASE_PERSON = 'Aslan Magomadov';
  let store: TestStore;
  let admin: Actor;
  let investigator: Actor;
  let out: string;
  beforeAll(async () => {
    store = await openTestStore(backend);
    ({ admin } = await seedExportData(store));
    investigator = await aUser(store.db, admin, 'inv@example.org', 'investigator');
    // The investigator may read persons and holds the organisation compartment, but not the case.
    await addCompartmentMember(store.db, admin, undefined, investigator.email);
    const caseCompartment = await createCaseCompartment(store.db, admin);
    await addPerson(store.db, admin, { name: CASE_PERSON, compartment: caseCompartment.code });
    // Lower case, so detection alone would not take it for a name.
    await ingestOne(store, {
      fileName: 'testimony-case.txt',
      bytes: new TextEncoder().encode(
        `Second testimony. ${CASE_PERSON.toLowerCase()} was taken from the market at noon.\n`,
      ),
      capturedBy: 'admin@example.org',
    });
    out = mkdtempSync(join(tmpdir(), 'attest-export-case-'));
  });
  afterAll(async () => {
    await store?.close();
    rmSync(out, { recursive: true, force: true });
  });

  it('is refused, writing nothing, when the exporter cannot open a compartment holding persons', async () => {
    const dir = join(out, 'outsider');
    await expect(
      exportDataset(
        store.db,
        { target: dir, format: 'json', public: true },
        { actor: investigator, exportedBy: investigator.email },
      ),
    ).rejects.toThrow(/not a member/);
    expect(existsSync(dir)).toBe(false);
    expect((await auditRows(store.db, 'dataset.export')).at(-1)).toMatchObject({
      actor: investigator.userId,
      outcome: 'denied',
    });
  });

  it('by a member of every compartment, removes a case person’s name written in lower case', async () => {
    const dir = join(out, 'member');
    const report = await exportDataset(
      store.db,
      { target: dir, format: 'json', public: true },
      { actor: admin, exportedBy: admin.email },
    );
    expect(report.warnings).toEqual([]);
    expect(leaks(dir, [CASE_PERSON, ...PERSON_SECRETS])).toEqual([]);
    const sources = readJson<Array<{ text: string }>>(join(dir, 'sources.json'));
    expect(sources.map((source) => source.text).join('\n')).toContain('was taken from the market at noon');
    expect(readJson<{ personsCrossChecked: boolean }>(join(dir, 'manifest.json')).personsCrossChecked).toBe(
      true,
    );
  });
});

describe('export pieces without a store', () => {
  it('statistics: a lone small cell is suppressed along with a complement, and shown counts are ≥ 5', () => {
    const act = (type: string) => ({ incidentId: 'i', type, dateFrom: '2017-03-01', country: 'RU' });
    const acts = [
      ...Array.from({ length: 9 }, () => act('killing')),
      act('torture'),
      ...Array.from({ length: 6 }, () => act('detention')),
    ];
    const { table, suppressed } = presentStatistics({ acts, incidents: [] }, 5);
    const byType = table.rows.filter((row) => row.dimension === 'type');
    expect(byType.find((row) => row.key === 'torture')).toMatchObject({ count: null, suppressed: true });
    expect(byType.filter((row) => row.suppressed).length).toBeGreaterThanOrEqual(2);
    expect(suppressed).toBeGreaterThanOrEqual(2);
    expect(table.rows.find((row) => row.dimension === 'year' && row.key === '2017')).toMatchObject({
      count: 16,
    });
  });

  it('statistics: a table that cannot be protected with its total known is withheld, keys and all', () => {
    // Killings 4 and torture 1 in one country: hidden together, the total 5 still proves each below
    // 5, and the country and year tables publish that total. The type table gives only "withheld".
    const act = (type: string) => ({ incidentId: 'i', type, dateFrom: '2017-03-01', country: 'RU' });
    const acts = [...Array.from({ length: 4 }, () => act('killing')), act('torture')];
    const { table, suppressed } = presentStatistics({ acts, incidents: [] }, 5);
    expect(table.rows.filter((row) => row.dimension === 'type')).toEqual([
      { dimension: 'type', key: '(total)', count: null, display: 'withheld', suppressed: true },
    ]);
    expect(table.rows.find((row) => row.dimension === 'country' && row.key === 'RU')).toMatchObject({
      count: 5,
    });
    expect(suppressed).toBe(1);
  });

  it('a failure before the rename leaves neither the export nor its temporary directory', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'attest-export-fail-'));
    try {
      const target = join(parent, 'out');
      await expect(
        writeExportDirectory(target, [{ path: 'a.csv', bytes: new Uint8Array([1]) }], async () => {
          throw new Error('disk on fire');
        }),
      ).rejects.toThrow('disk on fire');
      expect(readdirSync(parent)).toEqual([]);
    } finally {
      rmSync(parent, { recursive: true, force: true });
    }
  });
});
