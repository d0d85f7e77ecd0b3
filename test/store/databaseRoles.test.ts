/**
 * A PostgreSQL deployment with two roles (docs/deploy.md): the owner migrates, the server works as an
 * application role that can use rows but cannot change the schema — in particular it cannot switch
 * off or drop the audit log's append-only trigger, nor update, delete or truncate audit rows. In
 * record histories it may update only a person's sealed entry, which key rotation re-seals.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { StorageUnavailable } from '../../src/core/errors.ts';
import { verifyAudit } from '../../src/services/audit/audit.ts';
import { backupStore } from '../../src/services/backup/backup.ts';
import { checkBackup, restoreBackup } from '../../src/services/backup/restore.ts';
import { verifyStore } from '../../src/services/backup/verifyStore.ts';
import { rotateCompartmentKey } from '../../src/services/compartments/compartments.ts';
import { personHistory, updatePerson } from '../../src/services/persons/personEdits.ts';
import { addPerson } from '../../src/services/persons/persons.ts';
import { ingestOne } from '../../src/services/sources/ingest.ts';
import { listMigrations } from '../../src/store/migrate.ts';
import { openStore } from '../../src/store/openStore.ts';
import { anOrganisation } from '../protection/fixtures.ts';
import { jsonOf, runCli } from '../support/cli.ts';

const adminUrl = inject('postgresAdminUrl');

describe.skipIf(!adminUrl)('database roles on PostgreSQL', () => {
  const suffix = randomBytes(4).toString('hex');
  const owner = `attest_owner_${suffix}`;
  const app = `attest_app_${suffix}`;
  const database = `attest_roles_${suffix}`;
  const urlAs = (role: string, name = database) => {
    const url = new URL(adminUrl!);
    url.username = role;
    url.password = '';
    url.pathname = `/${name}`;
    return url.toString();
  };
  let dataDir: string;

  async function asSuperuser(sql: string): Promise<void> {
    const client = new pg.Client({ connectionString: adminUrl! });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  }

  /** Runs `sql` as the application role; returns PostgreSQL's error code, or 'ok'. */
  async function asApp(sql: string, url = urlAs(app)): Promise<string> {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(sql);
      return 'ok';
    } catch (error) {
      return String((error as { code?: string }).code);
    } finally {
      await client.end();
    }
  }

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'attest-roles-'));
    // What docs/deploy.md tells an operator to run once, as a superuser.
    await asSuperuser(`create role ${owner} login; create role ${app} login`);
    await asSuperuser(`create database ${database} owner ${owner}`);
  });
  afterAll(async () => {
    await asSuperuser(`drop database if exists ${database} with (force)`);
    await asSuperuser(`drop role if exists ${app}; drop role if exists ${owner}`);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('says clearly that the application role cannot migrate, and changes nothing', async () => {
    const opening = openStore({ dataDir, databaseUrl: urlAs(app) });
    await expect(opening).rejects.toThrow(StorageUnavailable);
    await expect(opening).rejects.toThrow(/may not apply them: run "attest migrate" with DATABASE_OWNER_URL/);
    expect(await asApp(`select 1 from schema_migrations`)).toBe('42P01');
  });

  it('migrates as the owner with attest migrate, then grants the application role its rows', async () => {
    const env = { ATTEST_DATA: dataDir, DATABASE_URL: urlAs(app), DATABASE_OWNER_URL: urlAs(owner) };
    const migrated = await runCli(['migrate', '--json'], { env });
    expect(migrated.code, migrated.stderr).toBe(0);
    expect(jsonOf<{ applied: string[] }>(migrated).applied).toEqual(listMigrations().map((m) => m.id));
    const again = await runCli(['migrate'], { env });
    expect(again.stdout).toBe('up to date\n');
  }, 120_000);

  it('works as the application role: accounts, persons, sources and audit entries', async () => {
    const store = await openStore({ dataDir, databaseUrl: urlAs(app) });
    try {
      expect(store.migrated).toEqual([]);
      const { admin } = await anOrganisation(store.db);
      const { code } = await addPerson(store.db, admin, { name: 'Role Test Person' });
      // A correction's sealed history is re-sealed by a rotation: the one update the role may make there.
      await updatePerson(store.db, admin, code, { version: 1, name: 'Role Test Persona' });
      await rotateCompartmentKey(store.db, admin, undefined);
      expect((await personHistory(store.db, admin, code))[0]?.after).toEqual({ name: 'Role Test Persona' });
      const source = await ingestOne(store, {
        fileName: 'note.txt',
        bytes: new TextEncoder().encode('Activists were detained in Grozny on 12 May 2017.\n'),
        capturedBy: admin.email,
      });
      expect(source.duplicate).toBe(false);
      expect(await verifyAudit(store.db)).toMatchObject({ ok: true });
    } finally {
      await store.close();
    }
  });

  it('backs up online as the application role; restores as the owner, and says so when run as the application role', async () => {
    const archive = join(dataDir, `..`, `attest-roles-${suffix}.tar.gz`);
    const store = await openStore({ dataDir, databaseUrl: urlAs(app) });
    try {
      expect(await backupStore(store, archive)).toMatchObject({ originals: 1 });
    } finally {
      await store.close();
    }
    const copy = `${database}_copy`;
    const copyDir = mkdtempSync(join(tmpdir(), 'attest-roles-copy-'));
    await asSuperuser(`create database ${copy} owner ${owner}`);
    try {
      const manifest = await checkBackup(archive);
      const asAppRole = await openStore({
        dataDir: copyDir,
        databaseUrl: urlAs(app, copy),
        databaseOwnerUrl: urlAs(owner, copy),
      });
      try {
        await expect(restoreBackup(asAppRole, archive, manifest)).rejects.toThrow(
          /cannot set sequence .*restore with DATABASE_URL set to the owner role/,
        );
        // One transaction: nothing of the failed restore remains.
        expect(await asAppRole.db.query('select 1 from sources')).toEqual([]);
        expect(asAppRole.files.list()).toEqual([]);
      } finally {
        await asAppRole.close();
      }
      const asOwner = await openStore({ dataDir: copyDir, databaseUrl: urlAs(owner, copy) });
      try {
        await restoreBackup(asOwner, archive, manifest);
        expect(await verifyStore(asOwner)).toMatchObject({ ok: true, sources: 1, originals: 1 });
      } finally {
        await asOwner.close();
      }
    } finally {
      await asSuperuser(`drop database if exists ${copy} with (force)`);
      rmSync(copyDir, { recursive: true, force: true });
      rmSync(archive, { force: true });
    }
  });

  it('cannot disable or drop the audit trigger, rewrite audit rows or change the schema', async () => {
    const PERMISSION_DENIED = '42501';
    const refused = {
      'alter table audit_log disable trigger audit_log_no_update': PERMISSION_DENIED,
      'alter table audit_log disable trigger all': PERMISSION_DENIED,
      'drop trigger audit_log_no_update on audit_log': PERMISSION_DENIED,
      'drop function audit_log_append_only() cascade': PERMISSION_DENIED,
      "update audit_log set actor = 'someone else'": PERMISSION_DENIED,
      'delete from audit_log': PERMISSION_DENIED,
      'truncate audit_log': PERMISSION_DENIED,
      'set session_replication_role = replica': PERMISSION_DENIED,
      'alter table persons add column leak text': PERMISSION_DENIED,
      'drop table persons': PERMISSION_DENIED,
      'create table shadow (x int)': PERMISSION_DENIED,
      "insert into schema_migrations (id) values ('999_forged')": PERMISSION_DENIED,
      'alter table audit_log owner to current_user': PERMISSION_DENIED,
      // Record histories are append-only too: a past version cannot be rewritten or erased.
      "update record_versions set reason = 'rewritten'": PERMISSION_DENIED,
      "update record_versions set changed_by = 'someone else', sealed = sealed": PERMISSION_DENIED,
      'delete from record_versions': PERMISSION_DENIED,
      'truncate record_versions': PERMISSION_DENIED,
      // So are linkage labels: a change of mind is a new row, never an edit of the old one.
      "update linkage_labels set decision = 'match'": PERMISSION_DENIED,
      'delete from linkage_labels': PERMISSION_DENIED,
      'truncate linkage_labels': PERMISSION_DENIED,
    };
    const answers: Record<string, string> = {};
    for (const sql of Object.keys(refused)) answers[sql] = await asApp(sql);
    expect(answers).toEqual(refused);
    // The owner, by contrast, may: the refusals above are the grants, not a broken statement.
    expect(await asApp('alter table audit_log disable trigger audit_log_no_update', urlAs(owner))).toBe('ok');
    expect(await asApp('alter table audit_log enable trigger audit_log_no_update', urlAs(owner))).toBe('ok');
    expect(await asApp('select count(*) from audit_log')).toBe('ok');
    expect(await asApp('select count(*) from record_versions')).toBe('ok');
    expect(await asApp('select count(*) from linkage_labels')).toBe('ok');
  });

  it('refuses to run with a pending migration the application role cannot apply', async () => {
    // Its one statement may run twice: it deletes rows that are already gone.
    const last = '032_keys_follow_roles';
    expect(await asApp(`delete from schema_migrations where id = '${last}'`, urlAs(owner))).toBe('ok');
    await expect(openStore({ dataDir, databaseUrl: urlAs(app) })).rejects.toThrow(
      new RegExp(`needs migrations \\(${last}\\) and this database role may not apply them`),
    );
    const store = await openStore({ dataDir, databaseUrl: urlAs(app), databaseOwnerUrl: urlAs(owner) });
    try {
      expect(store.migrated).toEqual([last]);
    } finally {
      await store.close();
    }
  });
});
