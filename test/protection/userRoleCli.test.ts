/**
 * `attest user role EMAIL ROLE` in a real child process: a viewer promoted to caseworker reads a
 * person; demoted again, they cannot, and the command says which compartments were rotated.
 * (The key handling itself runs on both backends in keysFollowRoles.test.ts.)
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initOrganisation } from '../../src/services/accounts/accounts.ts';
import { releaseActor } from '../../src/services/accounts/actor.ts';
import { authenticate } from '../../src/services/accounts/login.ts';
import { addPerson } from '../../src/services/persons/persons.ts';
import { openStore } from '../../src/store/openStore.ts';
import { jsonOf, runCli } from '../support/cli.ts';
import { dataDirFromTemplate } from '../support/stores.ts';
import { aUser, FAST_KDF, PASSWORD } from './fixtures.ts';

describe('attest user role', () => {
  let dataDir: string;
  let personCode: string;
  const as = (email: string, ...args: string[]) =>
    runCli(args, { env: { ATTEST_DATA: dataDir, ATTEST_USER: email, ATTEST_PASSWORD: PASSWORD } });

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'attest-user-role-'));
    await dataDirFromTemplate(dataDir);
    const store = await openStore({ dataDir });
    try {
      await initOrganisation(
        store.db,
        { name: 'Memorial Test', adminEmail: 'admin@example.org', password: PASSWORD },
        FAST_KDF,
      );
      const admin = await authenticate(store.db, { email: 'admin@example.org', password: PASSWORD });
      releaseActor(await aUser(store.db, admin, 'vera@example.org', 'viewer'));
      personCode = (await addPerson(store.db, admin, { name: 'Role Person' })).code;
      releaseActor(admin);
    } finally {
      await store.close();
    }
  }, 120_000);
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('gives and takes back the organisation key with the role', async () => {
    const promoted = await as(
      'admin@example.org',
      'user',
      'role',
      'Vera@Example.org',
      'caseworker',
      '--json',
    );
    expect(promoted.code, promoted.stderr).toBe(0);
    expect(jsonOf(promoted)).toMatchObject({
      email: 'vera@example.org',
      previousRole: 'viewer',
      role: 'caseworker',
      keysGranted: 1,
      revoked: [],
    });
    const shown = await as('vera@example.org', 'person', 'show', personCode, '--json');
    expect(shown.code, shown.stderr).toBe(0);
    expect(jsonOf<{ name: string }>(shown).name).toBe('Role Person');

    const demoted = await as('admin@example.org', 'user', 'role', 'vera@example.org', 'viewer');
    expect(demoted.code, demoted.stderr).toBe(0);
    expect(demoted.stdout).toBe('vera@example.org: caseworker → viewer; keys taken back from C-0001\n');
    expect(demoted.stderr).toBe('');
    const refusedAgain = await as('vera@example.org', 'person', 'show', personCode);
    expect(refusedAgain.code).toBe(1);
    expect(refusedAgain.stderr).toMatch(/viewer may not/);
  }, 120_000);

  it('names the problem: a missing argument is a usage error, an unknown role is refused', async () => {
    const usage = await as('admin@example.org', 'user', 'role', 'vera@example.org');
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/user role needs EMAIL and ROLE/);
    const unknown = await as('admin@example.org', 'user', 'role', 'vera@example.org', 'owner');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/role: must be one of administrator, investigator/);
  }, 120_000);
});
