/**
 * Sealed sources through the real CLI on an embedded data directory: `attest ingest --sealed
 * --compartment`, a non-member refused (ingest, review), `attest search --sealed` finding the
 * testimony for a member only, usage errors (exit 2), and nothing of the testimony in any file.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addUser } from '../../src/services/accounts/accounts.ts';
import { releaseActor } from '../../src/services/accounts/actor.ts';
import { authenticate } from '../../src/services/accounts/login.ts';
import { createCaseCompartment } from '../../src/services/compartments/compartments.ts';
import { openStore } from '../../src/store/openStore.ts';
import { TEST_PASSWORD } from '../support/factories.ts';
import { dataDirFromTemplate } from '../support/stores.ts';
import { attest, type CliResult, filesContaining } from './cliHarness.ts';
import { FAST_KDF } from './fixtures.ts';

const SENTENCE = 'Rustam was held in the boiler room under the stadium until the snow came.';

describe('sealed sources through the CLI', () => {
  let dataDir: string;
  let workDir: string;
  let caseCode = '';
  let sourceId = '';
  const env = (user: string) => ({ ATTEST_DATA: dataDir, ATTEST_USER: user, ATTEST_PASSWORD: TEST_PASSWORD });
  const ok = (result: CliResult) => {
    expect(result.code, result.stderr).toBe(0);
    return JSON.parse(result.stdout) as Record<string, unknown>;
  };

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'attest-sealed-cli-'));
    workDir = mkdtempSync(join(tmpdir(), 'attest-sealed-files-'));
    await dataDirFromTemplate(dataDir);
    ok(
      await attest(['init', '--org', 'Memorial Test', '--admin', 'admin@example.org', '--json'], {
        ATTEST_DATA: dataDir,
        ATTEST_PASSWORD: TEST_PASSWORD,
        ATTEST_NEW_PASSWORD: TEST_PASSWORD,
      }),
    );
    const store = await openStore({ dataDir });
    try {
      const admin = await authenticate(store.db, { email: 'admin@example.org', password: TEST_PASSWORD });
      await addUser(
        store.db,
        admin,
        { email: 'ivan@example.org', role: 'investigator', password: TEST_PASSWORD },
        FAST_KDF,
      );
      caseCode = (await createCaseCompartment(store.db, admin)).code;
      releaseActor(admin);
    } finally {
      await store.close();
    }
    writeFileSync(
      join(workDir, 'rustam-testimony.txt'),
      `On 5 January 2025 police detained 4 men in Shali.\n\n${SENTENCE}\n`,
    );
    writeFileSync(join(workDir, 'other.txt'), 'Another testimony nobody outside the case may read.\n');
  }, 600_000);
  afterAll(() => {
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
    if (workDir) rmSync(workDir, { recursive: true, force: true });
  });

  it('ingests a testimony sealed into a case compartment; a non-member cannot', async () => {
    const file = join(workDir, 'rustam-testimony.txt');
    const ingested = ok(
      await attest(
        ['ingest', '--sealed', '--compartment', caseCode, file, '--json'],
        env('admin@example.org'),
      ),
    );
    const [source] = ingested.sources as Array<{ id: string; sealed: unknown; title: unknown }>;
    expect(source).toMatchObject({ sealed: { compartment: caseCode }, title: null });
    sourceId = source!.id;
    expect(JSON.stringify(ingested)).not.toContain('Rustam');

    const refused = await attest(
      ['ingest', '--sealed', '--compartment', caseCode, join(workDir, 'other.txt')],
      env('ivan@example.org'),
    );
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`not a member of compartment ${caseCode}`);
    const review = await attest(
      ['review', 'apply', sourceId, '--accept-all', '--json'],
      env('ivan@example.org'),
    );
    expect(review.code).not.toBe(0);
    expect(review.stderr).toContain(`only members of compartment ${caseCode}`);
    expect(`${review.stdout}${review.stderr}`).not.toContain('Rustam');

    const usage = await attest(['ingest', '--compartment', caseCode, file], env('admin@example.org'));
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('--compartment goes with --sealed');
  }, 600_000);

  it('finds it by a word for a member only, and leaves nothing of it in the data directory', async () => {
    const member = ok(
      await attest(['search', '--sealed', 'boiler', 'stadium', '--json'], env('admin@example.org')),
    );
    const found = member.sealed as { hits: Array<{ id: string; compartment: string }> };
    expect(found.hits.map((hit) => hit.id)).toEqual([sourceId]);
    expect(found.hits[0]!.compartment).toBe(caseCode);
    const outsider = ok(await attest(['search', '--sealed', 'boiler', '--json'], env('ivan@example.org')));
    expect((outsider.sealed as { hits: unknown[] }).hits).toEqual([]);
    expect(JSON.stringify(outsider)).not.toContain(sourceId);

    for (const secret of [SENTENCE, 'Rustam', 'boiler room', 'rustam-testimony'])
      expect(filesContaining(dataDir, secret), secret).toEqual([]);
  }, 600_000);
});
