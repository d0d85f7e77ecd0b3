/** `attest export` through the real command line on PGlite, as a partner's script would run it. */
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
import { afterAll, beforeAll, expect, it } from 'vitest';
import { parseCsv } from '../../src/analysis/csv.ts';
import { releaseActor } from '../../src/services/accounts/actor.ts';
import { sha256Of } from '../../src/services/export/files.ts';
import { openStore } from '../../src/store/openStore.ts';
import { filesContaining } from '../protection/cliHarness.ts';
import { PASSWORD } from '../protection/fixtures.ts';
import { jsonOf, runCli } from '../support/cli.ts';
import { dataDirFromTemplate } from '../support/stores.ts';
import { PERSON, PERSON_SECRETS, SEED_PII, seedExportData } from './exportFixture.ts';

let dataDir: string;
let out: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'attest-export-cli-'));
  out = mkdtempSync(join(tmpdir(), 'attest-export-cli-out-'));
  await dataDirFromTemplate(dataDir);
  const store = await openStore({ dataDir });
  try {
    releaseActor((await seedExportData(store)).admin);
  } finally {
    await store.close();
  }
});

afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(out, { recursive: true, force: true });
});

it('exports public and partner datasets, and refuses a directory that is not empty', async () => {
  const publicDir = join(out, 'public');
  // Accounts exist, so nobody exports without signing in.
  const anonymous = await runCli(['export', '--public', '--json', publicDir], {
    env: { ATTEST_DATA: dataDir },
  });
  expect(anonymous.code).toBe(1);
  expect(anonymous.stderr).toMatch(/set ATTEST_USER and ATTEST_PASSWORD to export/);
  expect(existsSync(publicDir)).toBe(false);

  const open = await runCli(['export', '--public', '--json', publicDir], {
    env: { ATTEST_DATA: dataDir, ATTEST_USER: 'admin@example.org', ATTEST_PASSWORD: PASSWORD },
  });
  expect(open.code, open.stderr).toBe(0);
  const report = jsonOf<{ files: string[]; records: number; redactions: number; suppressed: number }>(open);
  expect(report.files).toEqual(expect.arrayContaining(['incidents.csv', 'sources.csv', 'manifest.json']));
  expect(report.files).not.toContain('persons.csv');
  expect(report.records).toBeGreaterThan(2);
  expect(report.redactions).toBeGreaterThanOrEqual(3);
  // Every byte of every file: the seed's press contact and the protected record are nowhere.
  for (const secret of [...SEED_PII, PERSON.name, PERSON.contact, PERSON.note, 'admin@example.org'])
    expect(filesContaining(publicDir, secret), secret).toEqual([]);
  const manifest = JSON.parse(readFileSync(join(publicDir, 'manifest.json'), 'utf8')) as {
    files: Array<{ path: string; sha256: string }>;
  };
  for (const file of manifest.files)
    expect(sha256Of(readFileSync(join(publicDir, file.path))), file.path).toBe(file.sha256);

  const partnerDir = join(out, 'partner');
  const partner = await runCli(['export', '--json', partnerDir], {
    env: { ATTEST_DATA: dataDir, ATTEST_USER: 'admin@example.org', ATTEST_PASSWORD: PASSWORD },
  });
  expect(partner.code, partner.stderr).toBe(0);
  expect(jsonOf<{ files: string[] }>(partner).files).toContain('persons.csv');
  const persons = parseCsv(readFileSync(join(partnerDir, 'persons.csv'), 'utf8'));
  expect(persons[1]!.cells.slice(2, 3)).toEqual([PERSON.name]);
  expect(
    PERSON_SECRETS.every((secret) => readFileSync(join(partnerDir, 'persons.csv'), 'utf8').includes(secret)),
  ).toBe(true);

  const taken = join(out, 'taken');
  mkdirSync(taken);
  writeFileSync(join(taken, 'keep.txt'), 'mine');
  const refused = await runCli(['export', taken], {
    env: { ATTEST_DATA: dataDir, ATTEST_USER: 'admin@example.org', ATTEST_PASSWORD: PASSWORD },
  });
  expect(refused.code).toBe(1);
  expect(refused.stderr).toContain(taken);
  expect(readdirSync(taken)).toEqual(['keep.txt']);
  expect(readdirSync(out).sort()).toEqual(['partner', 'public', 'taken']);
});

it('names the formats when given another (exit 2), and writes an ACLED-style table with one', async () => {
  const env = { ATTEST_DATA: dataDir, ATTEST_USER: 'admin@example.org', ATTEST_PASSWORD: PASSWORD };
  const wrong = await runCli(['export', '--format', 'pdf', join(out, 'pdf')], { env });
  expect(wrong.code).toBe(2);
  expect(wrong.stderr).toMatch(/--format must be one of csv, json, xlsx, esf-json, acled-csv/);
  const acled = await runCli(['export', '--format', 'acled-csv', '--json', join(out, 'acled')], { env });
  expect(acled.code, acled.stderr).toBe(0);
  expect(jsonOf<{ files: string[] }>(acled).files).toEqual(['acled.csv', 'manifest.json', 'SHA256SUMS']);
  const [header] = parseCsv(readFileSync(join(out, 'acled', 'acled.csv'), 'utf8'));
  expect(header!.cells.slice(0, 6)).toEqual([
    'event_id_cnty',
    'event_date',
    'year',
    'time_precision',
    'event_type',
    'sub_event_type',
  ]);
});
