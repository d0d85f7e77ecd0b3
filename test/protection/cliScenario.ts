/**
 * The end-to-end protection scenario through the CLI, shared by the PGlite and PostgreSQL test
 * files (separate files so the two backends run in parallel workers).
 */

import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addUser } from '../../src/services/accounts/accounts.ts';
import { releaseActor } from '../../src/services/accounts/actor.ts';
import { authenticate } from '../../src/services/accounts/login.ts';
import { createCaseCompartment } from '../../src/services/compartments/compartments.ts';
import { addPerson } from '../../src/services/persons/persons.ts';
import { openStore } from '../../src/store/openStore.ts';
import { openPgliteDb } from '../../src/store/pgliteDb.ts';
import { TEST_PASSWORD } from '../support/factories.ts';
import { createPostgresDatabase, dataDirFromTemplate } from '../support/stores.ts';
import { attest, type CliResult, encodingsOf, filesContaining, pgDump } from './cliHarness.ts';
import { FAST_KDF } from './fixtures.ts';

const NAME = 'Khadizhat Elmurzaeva';
const CONTACT = '+7 928 555 0147';
const ALIAS = 'Khadi from Urus-Martan';
const NOTE = 'staying with her aunt near the market';
const PASSWORD = TEST_PASSWORD;
const SECRETS = [NAME, CONTACT, ALIAS, NOTE];

export function cliScenario(backend: 'pglite' | 'postgres'): void {
  let dataDir: string;
  let databaseUrl: string | undefined;
  let drop: (() => Promise<void>) | undefined;
  const env = (user?: string, password = PASSWORD) => ({
    ATTEST_DATA: dataDir,
    DATABASE_URL: databaseUrl,
    ATTEST_USER: user,
    ATTEST_PASSWORD: password,
    ATTEST_NEW_PASSWORD: PASSWORD,
  });
  const asAdmin = (...args: string[]) => attest([...args, '--json'], env('admin@example.org'));
  const json = (result: CliResult) => {
    expect(result.code, result.stderr).toBe(0);
    return JSON.parse(result.stdout) as Record<string, unknown>;
  };

  /** Talks to the database as a superuser, bypassing the application (as a rogue operator would). */
  async function asSuperuser<T>(
    work: (db: { query<Row>(sql: string): Promise<Row[]>; exec(sql: string): Promise<void> }) => Promise<T>,
  ): Promise<T> {
    if (backend === 'postgres') {
      const client = new pg.Client({ connectionString: databaseUrl });
      await client.connect();
      try {
        return await work({
          query: async <Row>(sql: string) => (await client.query(sql)).rows as Row[],
          exec: async (sql: string) => {
            await client.query(sql);
          },
        });
      } finally {
        await client.end();
      }
    }
    const db = await openPgliteDb({ dataDir: join(dataDir, 'db') });
    try {
      return await work({ query: (sql) => db.query(sql), exec: (sql) => db.exec(sql) });
    } finally {
      await db.close();
    }
  }

  let personCode: string;
  let caseCode: string;
  let casePerson: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'attest-protection-cli-'));
    if (backend === 'postgres') ({ url: databaseUrl, drop } = await createPostgresDatabase());
    else {
      await dataDirFromTemplate(dataDir);
    }
    const init = json(
      await attest(['init', '--org', 'Memorial Test', '--admin', 'Admin@Example.org', '--json'], env()),
    );
    expect(init).toMatchObject({ org: 'Memorial Test', admin: 'admin@example.org' });
    expect(String(init.recoveryKey)).toMatch(/^([0-9A-Z]{5}-){10}[0-9A-Z]{5}$/);
    // Supporting cast in-process (each CLI start costs seconds on a shared 2-core machine).
    const store = await openStore({ dataDir, databaseUrl });
    try {
      const admin = await authenticate(store.db, { email: 'admin@example.org', password: PASSWORD });
      await addUser(
        store.db,
        admin,
        { email: 'ana@example.org', role: 'analyst', password: PASSWORD },
        FAST_KDF,
      );
      await addUser(
        store.db,
        admin,
        { email: 'ivan@example.org', role: 'investigator', password: PASSWORD },
        FAST_KDF,
      );
      caseCode = (await createCaseCompartment(store.db, admin)).code;
      casePerson = (await addPerson(store.db, admin, { name: `${NAME} II`, compartment: caseCode })).code;
      releaseActor(admin);
    } finally {
      await store.close();
    }
    const added = json(
      await asAdmin('person', 'add', '--name', NAME, '--alias', ALIAS, '--contact', CONTACT, '--note', NOTE),
    );
    expect(added.code).toMatch(/^V-\d{4}$/);
    personCode = String(added.code);
  }, 600_000);
  afterAll(async () => {
    await drop?.();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  it('the owner reads the record back', async () => {
    const shown = json(await asAdmin('person', 'show', personCode));
    expect(shown).toMatchObject({
      code: personCode,
      name: NAME,
      aliases: [ALIAS],
      contacts: [CONTACT],
      note: NOTE,
    });
  }, 300_000);

  it('corrects the record on the version shown; a stale version exits 1; the history shows the change', async () => {
    const edited = json(
      await asAdmin(
        'person',
        'edit',
        personCode,
        '--version',
        '1',
        '--birth-date',
        '1987-03-04',
        '--reason',
        'ID',
      ),
    );
    expect(edited).toEqual({ id: personCode, version: 2 });
    const stale = await asAdmin('person', 'edit', personCode, '--version', '1', '--sex', 'female');
    expect(stale.code).toBe(1);
    expect(stale.stderr).toContain('it is now at version 2');
    const history = JSON.parse((await asAdmin('person', 'history', personCode)).stdout) as unknown[];
    expect(history).toMatchObject([
      { version: 2, before: { birthDate: null }, after: { birthDate: '1987-03-04' } },
    ]);
  }, 300_000);

  it('merges a second record of the same person into the first; a stale version exits 1', async () => {
    const first = json(await asAdmin('person', 'add', '--name', 'Isa Merged')).code as string;
    const second = json(await asAdmin('person', 'add', '--name', 'Issa Merged')).code as string;
    const merge = (version: string) =>
      asAdmin(
        'person',
        'merge',
        second,
        '--into',
        first,
        '--version',
        version,
        '--into-version',
        '1',
        '--reason',
        'one man',
      );
    const stale = await merge('2');
    expect(stale.code).toBe(1);
    expect(stale.stderr).toContain('it is now at version 1');
    expect(json(await merge('1'))).toMatchObject({
      code: second,
      into: first,
      moved: 0,
      collapsed: 0,
      cases: 0,
    });
    const history = JSON.parse((await asAdmin('person', 'history', first)).stdout) as unknown[];
    expect(history).toMatchObject([
      { change: 'merge', after: { mergedFrom: second, mergedInto: first }, reason: 'one man' },
    ]);
  }, 300_000);

  it('refuses a wrong password, another role and a non-member, without leaking values, and audits each', async () => {
    const attempts = [
      await attest(
        ['person', 'show', personCode, '--json'],
        env('admin@example.org', 'not the password at all'),
      ),
      await attest(['person', 'show', personCode, '--json'], env('ana@example.org')),
      await attest(['person', 'show', casePerson, '--json'], env('ivan@example.org')),
    ];
    for (const result of attempts) {
      expect(result.code).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(/^attest: /);
      for (const secret of SECRETS) expect(result.stderr).not.toContain(secret);
    }
    expect(attempts[0]!.stderr).toMatch(/wrong e-mail, password/);
    expect(attempts[1]!.stderr).toMatch(/analyst may not/);
    expect(attempts[2]!.stderr).toMatch(/not a member/);
    const denied = await asSuperuser((db) =>
      db.query<{ action: string; reason: string }>(
        "select action, details->>'reason' as reason from audit_log where outcome = 'denied' order by seq",
      ),
    );
    expect(denied).toEqual([
      { action: 'auth.login', reason: 'password' },
      { action: 'person.read', reason: 'role' },
      { action: 'person.read', reason: 'not a member' },
    ]);
  }, 300_000);

  it('leaves no protected value in plaintext on disk or in a database dump', async () => {
    for (const secret of SECRETS) expect(filesContaining(dataDir, secret), secret).toEqual([]);
    expect(filesContaining(dataDir, PASSWORD)).toEqual([]);
    if (backend === 'postgres') {
      const dump = Buffer.from(await pgDump(databaseUrl!));
      expect(dump.includes(Buffer.from('Memorial Test'))).toBe(true); // the dump is real
      for (const secret of [...SECRETS, PASSWORD]) {
        for (const form of encodingsOf(secret)) expect(dump.includes(form), secret).toBe(false);
      }
    }
  }, 300_000);

  it('verifies the audit chain, then names an entry altered behind its back', async () => {
    const ok = json(await attest(['audit', 'verify', '--json'], env()));
    expect(ok).toMatchObject({ ok: true });
    expect(ok.entries).toBeGreaterThan(8);
    expect(String(ok.headHash)).toMatch(/^[0-9a-f]{64}$/);
    await asSuperuser((db) =>
      db.exec(
        "alter table audit_log disable trigger user; update audit_log set actor = 'mallory' where seq = 4; alter table audit_log enable trigger user;",
      ),
    );
    const broken = await attest(['audit', 'verify', '--json'], env());
    expect(broken.code).toBe(1);
    expect(JSON.parse(broken.stdout)).toMatchObject({
      ok: false,
      firstBadEntry: 4,
      reason: expect.stringMatching(/altered/),
    });
    expect(broken.stderr).toMatch(/entry 4/);
  }, 300_000);
}
