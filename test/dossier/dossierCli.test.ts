/** `attest dossier` through the real command line: bad input is refused clearly, a good run writes a PDF. */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { releaseActor } from '../../src/services/accounts/actor.ts';
import { sha256Of } from '../../src/services/export/files.ts';
import { openStore } from '../../src/store/openStore.ts';
import { PASSWORD } from '../protection/fixtures.ts';
import { jsonOf, runCli } from '../support/cli.ts';
import { dataDirFromTemplate } from '../support/stores.ts';
import { GOLDEN, seedDossierIncident } from './dossierFixture.ts';

let dataDir: string;
let out: string;
let incidentId: string;

const signedIn = () => ({
  ATTEST_DATA: dataDir,
  ATTEST_USER: 'admin@example.org',
  ATTEST_PASSWORD: PASSWORD,
});

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'attest-dossier-cli-'));
  out = mkdtempSync(join(tmpdir(), 'attest-dossier-cli-out-'));
  await dataDirFromTemplate(dataDir);
  const store = await openStore({ dataDir });
  try {
    const seeded = await seedDossierIncident(store, GOLDEN);
    incidentId = seeded.incidentId;
    releaseActor(seeded.admin);
  } finally {
    await store.close();
  }
});

afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(out, { recursive: true, force: true });
});

it('refuses an unknown incident, a malformed id, a missing directory and a missing --out', async () => {
  const unknown = join(out, 'unknown.pdf');
  const missing = await runCli(['dossier', '0b0e3a52-9a53-4c43-9a3c-2f6f1d7c1e11', '--out', unknown], {
    env: signedIn(),
  });
  expect(missing.code).toBe(1);
  expect(missing.stderr).toContain('incident not found: 0b0e3a52-9a53-4c43-9a3c-2f6f1d7c1e11');
  expect(existsSync(unknown)).toBe(false);

  const malformed = await runCli(['dossier', 'not-an-id', '--out', unknown], { env: signedIn() });
  expect(malformed.code).toBe(2);
  expect(malformed.stderr).toMatch(/not-an-id is not an incident id/);

  const noDir = join(out, 'no', 'such', 'dir', 'dossier.pdf');
  const inMissingDir = await runCli(['dossier', incidentId, '--out', noDir], { env: signedIn() });
  expect(inMissingDir.code).toBe(2);
  expect(inMissingDir.stderr).toMatch(/--out: the directory .*no\/such\/dir does not exist/);

  const noOut = await runCli(['dossier', incidentId], { env: signedIn() });
  expect(noOut.code).toBe(2);
  expect(noOut.stderr).toMatch(/--out FILE\.pdf/);

  const badLevel = await runCli(['dossier', incidentId, '--out', unknown, '--level', 'secret'], {
    env: signedIn(),
  });
  expect(badLevel.code).toBe(2);
  expect(badLevel.stderr).toMatch(/--level must be partner or public/);
});

it('writes the PDF once, and never over an existing file', async () => {
  const file = join(out, 'dossier.pdf');
  const made = await runCli(['dossier', incidentId, '--out', file, '--json'], { env: signedIn() });
  expect(made.code, made.stderr).toBe(0);
  const report = jsonOf<{ file: string; pdfSha256: string; level: string }>(made);
  const bytes = readFileSync(file);
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  expect(report).toMatchObject({ file, level: 'partner', pdfSha256: sha256Of(bytes) });

  const again = await runCli(['dossier', incidentId, '--out', file], { env: signedIn() });
  expect(again.code).toBe(1);
  expect(again.stderr).toMatch(/already exists/);
  expect(sha256Of(readFileSync(file))).toBe(report.pdfSha256);
});
