/** The import use case on real stores: Uwazi-style CSV, XLSX with a bad row, dry run, sealing, audit. */
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../src/services/accounts/actor.ts';
import { importFile } from '../../src/services/import/importFile.ts';
import { actsRepository } from '../../src/store/acts.ts';
import { anOrganisation, auditRows } from '../protection/fixtures.ts';
import { backends, openTestStore, type TestStore } from '../support/stores.ts';
import { UWAZI_CSV, UWAZI_MAPPING, VICTIMS, XLSX_MAPPING, xlsxWithABadRow } from './importFixtures.ts';

const utf8 = (text: string) => new TextEncoder().encode(text);

describe.each(backends())('import on %s', (backend) => {
  let store: TestStore;
  let admin: Actor;
  const count = async (table: string) =>
    Number((await store.db.query<{ n: string }>(`select count(*) as n from ${table}`))[0]!.n);
  const counts = async () => ({
    incidents: await count('incidents'),
    acts: await count('acts'),
    persons: await count('persons'),
    sources: await count('sources'),
  });

  beforeAll(async () => {
    store = await openTestStore(backend);
    ({ admin } = await anOrganisation(store.db));
  });
  afterAll(async () => {
    await store?.close();
  });

  it('a dry run checks and counts every row and stores nothing', async () => {
    const before = await counts();
    const report = await importFile(
      store,
      admin,
      { fileName: 'uwazi-export.csv', bytes: utf8(UWAZI_CSV), mapping: UWAZI_MAPPING },
      { dryRun: true },
    );
    expect(report).toMatchObject({
      dryRun: true,
      rows: 2,
      imported: 2,
      stopped: false,
      errors: [],
      created: { incidents: 2, acts: 2, persons: 3, sources: 1 },
    });
    expect(report.preview[0]).toMatchObject({
      row: 2,
      incident: { title: 'Detentions at the Argun facility', tags: ['lgbt', 'detention'] },
      act: {
        type: 'detention',
        date: '2017-03-01 – 2017-03-05',
        place: 'Argun',
        country: 'RU',
        victims: '3–5',
      },
      persons: 2,
    });
    // The preview says how many people, never who.
    expect(JSON.stringify(report)).not.toContain(VICTIMS[0]);
    expect(await counts()).toEqual(before);
  });

  it('imports an Uwazi-style CSV export: records, sealed persons, coordinates, audit', async () => {
    const progress: Array<[number, number]> = [];
    const report = await importFile(
      store,
      admin,
      { fileName: 'uwazi-export.csv', bytes: utf8(UWAZI_CSV), mapping: UWAZI_MAPPING },
      {},
      (done, total) => progress.push([done, total]),
    );
    expect(progress).toEqual([
      [1, 2],
      [2, 2],
    ]);
    expect(report).toMatchObject({ imported: 2, skipped: 0, stopped: false, errors: [] });
    expect(report.ignoredColumns).toEqual([]);
    expect(await counts()).toEqual({ incidents: 2, acts: 2, persons: 3, sources: 1 });

    const incidents = await store.db.query<{ id: string; title: string; tags: string[] }>(
      'select id, title, tags from incidents order by title',
    );
    expect(incidents.map((i) => i.title)).toEqual([
      'Detentions at the Argun facility',
      'Killing reported in Grozny',
    ]);
    const [argun] = await actsRepository(store.db).listByIncident(incidents[0]!.id);
    expect(argun).toMatchObject({
      type: 'detention',
      dateFrom: '2017-03-01',
      dateTo: '2017-03-05',
      placeName: 'Argun',
      country: 'RU',
      victimsMin: 3,
      victimsMax: 5,
      geolocation: { latitude: 43.2927, longitude: 45.8722, precision: 1 },
    });
    expect(argun!.perpetrators.map((p) => p.name)).toEqual(['Police', 'Kadyrovtsy']);
    const victims = await store.db.query<{ role: string }>(
      'select role from involvements where act_id = $1',
      [argun!.id],
    );
    expect(victims.map((v) => v.role)).toEqual(['victim', 'victim']);

    // Sealed on arrival: no victim's name anywhere in the database in plaintext.
    for (const table of [
      'persons',
      'involvements',
      'acts',
      'incidents',
      'sources',
      'audit_log',
      'record_versions',
    ]) {
      const dump = (await store.db.query<{ row: string }>(`select t::text as row from ${table} t`))
        .map((r) => r.row)
        .join('\n');
      for (const name of VICTIMS) expect(dump, `${name} in ${table}`).not.toContain(name);
    }

    const [entry] = await auditRows(store.db, 'import.run');
    expect(entry!.details).toMatchObject({
      format: 'csv',
      rows: 2,
      imported: 2,
      incidents: 2,
      acts: 2,
      persons: 3,
    });
    expect((await auditRows(store.db, 'person.create')).length).toBe(3);
  });

  it('XLSX with a bad row: stop stores nothing, skip stores the valid rows; errors name row, column and why', async () => {
    const bytes = await xlsxWithABadRow();
    const before = await counts();
    const stopped = await importFile(store, admin, { fileName: 'cases.xlsx', bytes, mapping: XLSX_MAPPING });
    expect(stopped.stopped).toBe(true);
    expect(stopped.errors).toEqual([
      {
        row: 3,
        column: 'Type',
        why: expect.stringMatching(
          /^"beating" is not a known act type; allowed codes: killing, torture, detention/,
        ),
      },
    ]);
    expect(await counts()).toEqual(before);

    const skipped = await importFile(
      store,
      admin,
      { fileName: 'cases.xlsx', bytes, mapping: XLSX_MAPPING },
      { onError: 'skip' },
    );
    expect(skipped).toMatchObject({
      stopped: false,
      imported: 2,
      skipped: 1,
      created: { incidents: 2, acts: 2, persons: 1 },
    });
    expect(skipped.errors.map((e) => [e.row, e.column])).toEqual([[3, 'Type']]);
    const after = await counts();
    expect(after.incidents - before.incidents).toBe(2);
    expect(after.persons - before.persons).toBe(1);
    const dates = await store.db.query<{ date_from: string }>(
      "select date_from::text from acts where type = 'detention' and date_from = '2017-04-12'",
    );
    expect(dates).toHaveLength(1);
  });

  it('a bad mapping, an unknown column, a broken or oversized workbook: each named, nothing stored', async () => {
    const before = await counts();
    const run = (fileName: string, bytes: Uint8Array, mapping: unknown) =>
      importFile(store, admin, { fileName, bytes, mapping });
    await expect(run('a.csv', utf8(UWAZI_CSV), { columns: { Title: 'incident.name' } })).rejects.toThrow(
      /mapping columns.Title.*expected one of incident.key, incident.title/,
    );
    await expect(run('a.csv', utf8(UWAZI_CSV), { columns: { Place: 'act.place' } })).rejects.toThrow(
      /no column is mapped to incident.title/,
    );
    await expect(
      run('a.csv', utf8(UWAZI_CSV), { preset: 'uwazi', columns: { Town: 'act.place' } }),
    ).rejects.toThrow(/the file has no column "town"/);
    await expect(run('a.xlsx', utf8('not a workbook'), UWAZI_MAPPING)).rejects.toThrow(
      /not a readable .xlsx/,
    );
    // A zip bomb in small: 20 MB of zeros compresses about 1000:1; refused before any XML parser runs.
    const bomb = zipSync({ 'xl/worksheets/sheet1.xml': new Uint8Array(20 * 1024 * 1024) }, { level: 9 });
    await expect(run('bomb.xlsx', bomb, UWAZI_MAPPING)).rejects.toThrow(
      /refused: ZIP archive compressed more than 200:1/,
    );
    const many = `Title\n${Array.from({ length: 10_001 }, (_, i) => `row ${i}`).join('\n')}\n`;
    await expect(run('many.csv', utf8(many), { preset: 'uwazi' })).rejects.toThrow(
      /10001 rows; an import takes at most 10000/,
    );
    expect(await counts()).toEqual(before);
  });
});
