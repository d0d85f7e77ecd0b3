/** `attest import` through the real command line on PGlite: dry run, stop, skip, and usage mistakes. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { releaseActor } from '../../src/services/accounts/actor.ts';
import { openStore } from '../../src/store/openStore.ts';
import { anOrganisation, PASSWORD } from '../protection/fixtures.ts';
import { jsonOf, runCli } from '../support/cli.ts';
import { dataDirFromTemplate } from '../support/stores.ts';
import { UWAZI_CSV, UWAZI_MAPPING, VICTIMS, XLSX_MAPPING, xlsxWithABadRow } from './importFixtures.ts';

let dataDir: string;
let dir: string;

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'attest-import-cli-'));
  dir = mkdtempSync(join(tmpdir(), 'attest-import-cli-files-'));
  await dataDirFromTemplate(dataDir);
  const store = await openStore({ dataDir });
  try {
    releaseActor((await anOrganisation(store.db)).admin);
  } finally {
    await store.close();
  }
  writeFileSync(join(dir, 'uwazi.csv'), UWAZI_CSV);
  writeFileSync(join(dir, 'uwazi.json'), JSON.stringify(UWAZI_MAPPING));
  writeFileSync(join(dir, 'cases.xlsx'), await xlsxWithABadRow());
  writeFileSync(join(dir, 'cases.json'), JSON.stringify(XLSX_MAPPING));
  writeFileSync(join(dir, 'bad.json'), JSON.stringify({ columns: { Title: 'incident.name' } }));
});

afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(dir, { recursive: true, force: true });
});

const env = () => ({ ATTEST_DATA: dataDir, ATTEST_USER: 'admin@example.org', ATTEST_PASSWORD: PASSWORD });
const attest = (...args: string[]) => runCli(args, { env: env(), cwd: dir });

interface Report {
  dryRun: boolean;
  stopped: boolean;
  imported: number;
  skipped: number;
  created: Record<string, number>;
  errors: Array<{ row: number; column: string; why: string }>;
}

it('imports with a dry run first, stops at a bad row or skips it, and names every mistake', async () => {
  const dry = await attest('import', 'uwazi.csv', '--mapping', 'uwazi.json', '--dry-run', '--json');
  expect(dry.code, dry.stderr).toBe(0);
  expect(jsonOf<Report>(dry)).toMatchObject({
    dryRun: true,
    imported: 2,
    created: { incidents: 2, acts: 2, persons: 3, sources: 1 },
  });
  for (const name of VICTIMS) expect(dry.stdout).not.toContain(name);

  const done = await attest('import', 'uwazi.csv', '--mapping', 'uwazi.json');
  expect(done.code, done.stderr).toBe(0);
  expect(done.stdout).toBe(
    'imported 2 of 2 rows: 2 incident(s), 2 act(s), 3 protected person(s), 1 source(s)\n',
  );

  const stopped = await attest('import', 'cases.xlsx', '--mapping', 'cases.json');
  expect(stopped.code).toBe(1);
  expect(stopped.stdout).toMatch(/^import stopped at a bad row: nothing stored/);
  expect(stopped.stderr).toMatch(
    /^attest: row 3, column Type: "beating" is not a known act type; allowed codes: killing/,
  );

  const skipped = await attest(
    'import',
    'cases.xlsx',
    '--mapping',
    'cases.json',
    '--on-error',
    'skip',
    '--json',
  );
  expect(skipped.code, skipped.stderr).toBe(0);
  expect(jsonOf<Report>(skipped)).toMatchObject({ stopped: false, imported: 2, skipped: 1 });

  const badMapping = await attest('import', 'uwazi.csv', '--mapping', 'bad.json');
  expect(badMapping.code).toBe(2);
  expect(badMapping.stderr).toMatch(
    /the mapping bad.json: mapping columns.Title: expected one of incident.key/,
  );
  expect((await attest('import', 'uwazi.csv')).code).toBe(2);
  expect((await attest('import', 'uwazi.csv', '--mapping', 'uwazi.json', '--on-error', 'later')).code).toBe(
    2,
  );
  const missing = await attest('import', 'nowhere.csv', '--mapping', 'uwazi.json');
  expect(missing.code).toBe(2);
  expect(missing.stderr).toMatch(/cannot read nowhere.csv/);
});
