/**
 * Keys follow roles: an account whose role may not read persons holds no key that opens one. The
 * attack is the one a seized disk allows: the account's own password, and every table read directly
 * with SQL; every byte string in the database is tried as a key sealed to the account, and every key
 * found is tried on every person field and on the organisation's intake key.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Conflict, Forbidden, InvalidInput } from '../../src/core/errors.ts';
import { ROLES } from '../../src/core/roles.ts';
import { deriveKeyFromPassword } from '../../src/crypto/passwords.ts';
import { openBytes, openText } from '../../src/crypto/seal.ts';
import { openSealedWithKeyPair, sealToPublicKey, unwrapSecret } from '../../src/crypto/userKeys.ts';
import { PRIVATE_KEY_PURPOSE } from '../../src/services/accounts/accounts.ts';
import type { Actor } from '../../src/services/accounts/actor.ts';
import { authenticate } from '../../src/services/accounts/login.ts';
import { resetPasswordWithRecoveryKey } from '../../src/services/accounts/recovery.ts';
import { changeUserRole } from '../../src/services/accounts/roles.ts';
import {
  addCompartmentMember,
  createCaseCompartment,
  resolveCompartment,
  unlockCompartmentKeys,
  wipeKeys,
} from '../../src/services/compartments/compartments.ts';
import { ORGANISATION_KEY_CONTEXT } from '../../src/services/compartments/reseal.ts';
import { addPerson, showPerson } from '../../src/services/persons/persons.ts';
import { holdsCompartmentKeys } from '../../src/services/policies/index.ts';
import { compartmentsRepository } from '../../src/store/compartments.ts';
import type { Db } from '../../src/store/db.ts';
import { toBytes } from '../../src/store/db.ts';
import { listMigrations, migrate } from '../../src/store/migrate.ts';
import { PROTECTED_PERSON_FIELDS } from '../../src/store/persons.ts';
import { usersRepository } from '../../src/store/users.ts';
import { backends, openTestStore, type TestStore } from '../support/stores.ts';
import { anOrganisation, aUser, auditRows, FAST_KDF, PASSWORD } from './fixtures.ts';

/** Every bytea value of every table in the schema, read with plain SQL. */
async function everyByteString(db: Db): Promise<Uint8Array[]> {
  const columns = await db.query<{ table_name: string; column_name: string }>(
    `select table_name, column_name from information_schema.columns
     where table_schema = 'public' and data_type = 'bytea' order by table_name, column_name`,
  );
  expect(columns.map((c) => `${c.table_name}.${c.column_name}`)).toContain('compartment_members.wrapped_key');
  const values: Uint8Array[] = [];
  for (const { table_name, column_name } of columns) {
    const rows = await db.query<{ value: Uint8Array | null }>(
      `select "${column_name}" as value from "${table_name}"`,
    );
    for (const row of rows) if (row.value) values.push(toBytes(row.value));
  }
  return values;
}

/** What an attacker with the database and this account's password can open: 32-byte keys. */
async function keysOpenedWithPassword(db: Db, email: string, password: string): Promise<Uint8Array[]> {
  const user = await usersRepository(db).findByEmail(email);
  const wrappingKey = deriveKeyFromPassword(password, user!.kdfSalt, user!.kdfParams);
  const keyPair = {
    publicKey: user!.publicKey,
    privateKey: unwrapSecret(wrappingKey, user!.wrappedPrivateKey, PRIVATE_KEY_PURPOSE, user!.id),
  };
  const opened: Uint8Array[] = [];
  for (const value of await everyByteString(db)) {
    try {
      opened.push(openSealedWithKeyPair(value, keyPair));
    } catch {
      // Not sealed to this account.
    }
  }
  return opened.filter((secret) => secret.byteLength === 32);
}

/** Person field values and intake keys these candidate keys open, whatever key id they carry. */
async function protectedValuesOpenedBy(db: Db, candidates: Uint8Array[]): Promise<string[]> {
  const opened: string[] = [];
  const persons = await db.query<Record<string, Uint8Array | null> & { id: string }>('select * from persons');
  const organisations = await db.query<{ id: string; sealed_private_key: Uint8Array }>(
    'select id, sealed_private_key from organisations',
  );
  for (const bytes of candidates) {
    const anyId = (id: string) => ({ id, bytes });
    for (const person of persons) {
      for (const field of PROTECTED_PERSON_FIELDS) {
        const envelope = person[field];
        if (!envelope) continue;
        try {
          opened.push(
            openText(anyId, toBytes(envelope), { recordType: 'person', recordId: person.id, field }),
          );
        } catch {
          // Not this key.
        }
      }
    }
    for (const organisation of organisations) {
      try {
        openBytes(anyId, toBytes(organisation.sealed_private_key), ORGANISATION_KEY_CONTEXT(organisation.id));
        opened.push('intake private key');
      } catch {
        // Not this key.
      }
    }
  }
  return opened;
}

const attack = async (db: Db, email: string) =>
  protectedValuesOpenedBy(db, await keysOpenedWithPassword(db, email, PASSWORD));

const membershipRows = async (db: Db, userId: string) =>
  (
    await db.query<{ n: number }>('select count(*)::int as n from compartment_members where user_id = $1', [
      userId,
    ])
  )[0]!.n;

describe.each(backends())('keys follow roles on %s', (backend) => {
  let store: TestStore;
  let admin: Actor;
  let investigator: Actor;
  let caseCode: string;
  let recoveryKey: string;
  beforeAll(async () => {
    store = await openTestStore(backend);
    let init: Awaited<ReturnType<typeof anOrganisation>>['init'];
    ({ admin, init } = await anOrganisation(store.db));
    recoveryKey = init.recoveryKey;
    investigator = await aUser(store.db, admin, 'ivan@example.org', 'investigator');
    await aUser(store.db, admin, 'vera@example.org', 'viewer');
    await aUser(store.db, admin, 'ana@example.org', 'analyst');
    await addPerson(store.db, admin, {
      name: 'Org Person',
      contacts: ['+7 900 000 0001'],
      note: 'safe house',
    });
    ({ code: caseCode } = await createCaseCompartment(store.db, investigator));
    await addPerson(store.db, investigator, { name: 'Case Person', compartment: caseCode });
  });
  afterAll(() => store?.close());

  it('lets a viewer’s or an analyst’s password plus the whole database open no person field', async () => {
    // The attack works: an investigator's password opens what they hold.
    expect(await attack(store.db, 'ivan@example.org')).toEqual(
      expect.arrayContaining([
        'Org Person',
        'Case Person',
        JSON.stringify(['+7 900 000 0001']),
        'safe house',
      ]),
    );
    for (const email of ['vera@example.org', 'ana@example.org']) {
      expect(await keysOpenedWithPassword(store.db, email, PASSWORD)).toEqual([]);
      expect(await attack(store.db, email)).toEqual([]);
    }
    const keyless = await store.db.query<{ n: number }>(
      `select count(*)::int as n from compartment_members m join users u on u.id = m.user_id
       where u.role in ('viewer', 'analyst')`,
    );
    expect(keyless[0]!.n).toBe(0);
  });

  it('gives a keyless role no key on a password reset with the recovery key', async () => {
    const input = { recoveryKey, email: 'vera@example.org', newPassword: PASSWORD };
    await resetPasswordWithRecoveryKey(store.db, input, FAST_KDF);
    expect(await attack(store.db, 'vera@example.org')).toEqual([]);
  });

  it('refuses to add a keyless role to a compartment', async () => {
    await expect(addCompartmentMember(store.db, investigator, caseCode, 'vera@example.org')).rejects.toThrow(
      InvalidInput,
    );
  });

  it('gives the organisation key on promotion and takes every key back, rotated, on demotion', async () => {
    const vera = await authenticate(store.db, { email: 'vera@example.org', password: PASSWORD });
    const person = (await addPerson(store.db, admin, { name: 'Promotion Person' })).code;
    await expect(showPerson(store.db, vera, person)).rejects.toThrow(Forbidden);

    const promoted = await changeUserRole(store.db, admin, {
      user: { email: 'vera@example.org' },
      role: 'caseworker',
    });
    expect(promoted).toMatchObject({ previousRole: 'viewer', role: 'caseworker', keysGranted: 1 });
    const asCaseworker = { ...vera, role: 'caseworker' as const };
    expect((await showPerson(store.db, asCaseworker, person)).name).toBe('Promotion Person');
    await addCompartmentMember(store.db, investigator, caseCode, 'vera@example.org');
    const copied = await keysOpenedWithPassword(store.db, 'vera@example.org', PASSWORD);
    expect(copied).toHaveLength(2);

    const organisation = await resolveCompartment(store.db, undefined);
    const demoted = await changeUserRole(store.db, admin, { user: { id: vera.userId }, role: 'viewer' });
    // The administrator holds the organisation key, not the case's: that one waits for a member.
    expect(demoted).toMatchObject({ keysGranted: 0, revoked: [organisation.code, caseCode].sort() });
    expect(demoted.rotated).toEqual([organisation.code]);
    expect(await membershipRows(store.db, vera.userId)).toBe(0);
    await expect(showPerson(store.db, vera, person)).rejects.toThrow(Forbidden);
    expect(await attack(store.db, 'vera@example.org')).toEqual([]);
    // The organisation key she copied while a caseworker opens nothing in the organisation any more.
    expect(await protectedValuesOpenedBy(store.db, copied)).toEqual(['Case Person']);

    const audit = (await auditRows(store.db, 'user.changeRole')).map((row) => row.details);
    expect(audit).toEqual([
      { from: 'viewer', to: 'caseworker', keys: 1, revoked: '', rotated: '' },
      {
        from: 'caseworker',
        to: 'viewer',
        keys: 0,
        revoked: [organisation.code, caseCode].sort().join(', '),
        rotated: organisation.code,
      },
    ]);
    expect((await auditRows(store.db, 'compartment.rotate')).at(-1)?.record_id).toBe(organisation.code);
  });

  it('refuses a demotion that would leave a case with no member, and changes nothing', async () => {
    const carla = await aUser(store.db, admin, 'carla@example.org', 'caseworker');
    const { code } = await createCaseCompartment(store.db, carla);
    await addPerson(store.db, carla, { name: 'Only Carla Knows', compartment: code });
    const rowsBefore = await membershipRows(store.db, carla.userId);
    const change = changeUserRole(store.db, admin, { user: { email: 'carla@example.org' }, role: 'analyst' });
    await expect(change).rejects.toThrow(Conflict);
    await expect(change).rejects.toThrow(`carla@example.org is the only member of ${code}`);
    expect(await membershipRows(store.db, carla.userId)).toBe(rowsBefore);
    expect(await attack(store.db, 'carla@example.org')).toContain('Only Carla Knows');
    const [row] = await store.db.query<{ role: string }>('select role from users where id = $1', [
      carla.userId,
    ]);
    expect(row!.role).toBe('caseworker');
  });

  it('leaves keys alone between roles that hold them, and refuses one’s own role and non-administrators', async () => {
    const change = await changeUserRole(store.db, admin, {
      user: { email: 'ivan@example.org' },
      role: 'caseworker',
    });
    expect(change).toMatchObject({ keysGranted: 0, revoked: [], rotated: [] });
    const keys = await unlockCompartmentKeys(
      store.db,
      investigator,
      (await resolveCompartment(store.db, caseCode)).id,
    );
    expect(keys.length).toBeGreaterThan(0);
    wipeKeys(keys);
    await expect(
      changeUserRole(store.db, admin, { user: { id: admin.userId }, role: 'viewer' }),
    ).rejects.toThrow(InvalidInput);
    await expect(
      changeUserRole(store.db, investigator, { user: { email: 'ana@example.org' }, role: 'administrator' }),
    ).rejects.toThrow(Forbidden);
    await expect(
      changeUserRole(store.db, admin, { user: { email: 'ana@example.org' }, role: 'owner' }),
    ).rejects.toThrow(InvalidInput);
    const denied = (await auditRows(store.db, 'user.changeRole')).filter((row) => row.outcome === 'denied');
    expect(denied.map((row) => [row.actor, row.details.reason])).toEqual([[investigator.userId, 'role']]);
  });

  it('migration 032 removes the keys a database made before it gave to keyless roles', async () => {
    // A database created with the old behaviour: the analyst holds the organisation key.
    const analyst = (
      await store.db.query<{ id: string; public_key: Uint8Array }>(
        `select id, public_key from users where email = 'ana@example.org'`,
      )
    )[0]!;
    const organisation = await resolveCompartment(store.db, undefined);
    const keys = await unlockCompartmentKeys(store.db, admin, organisation.id);
    for (const key of keys)
      await compartmentsRepository(store.db).addMemberKey(
        organisation.id,
        key.id,
        analyst.id,
        sealToPublicKey(key.bytes, toBytes(analyst.public_key)),
      );
    wipeKeys(keys);
    expect(await attack(store.db, 'ana@example.org')).toContain('Org Person');

    await store.db.query(`delete from schema_migrations where id = '032_keys_follow_roles'`);
    expect(await migrate(store.db)).toEqual(['032_keys_follow_roles']);
    expect(await membershipRows(store.db, analyst.id)).toBe(0);
    expect(await attack(store.db, 'ana@example.org')).toEqual([]);
    // Roles that hold keys keep them.
    expect(await attack(store.db, 'ivan@example.org')).toContain('Org Person');
  });
});

describe('migration 032', () => {
  it('keeps the roles the policy lets hold keys', () => {
    const migration = listMigrations().find((m) => m.id === '032_keys_follow_roles')!;
    const kept = /role not in \(([^)]*)\)/.exec(migration.sql)![1]!;
    expect(kept.match(/[a-z]+/g)).toEqual(ROLES.filter(holdsCompartmentKeys));
  });
});
