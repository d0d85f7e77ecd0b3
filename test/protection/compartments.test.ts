import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Conflict, Forbidden, InvalidInput } from '../../src/core/errors.ts';
import { envelopeKeyId } from '../../src/crypto/envelope.ts';
import { SealOpenFailed } from '../../src/crypto/seal.ts';
import type { Actor } from '../../src/services/accounts/actor.ts';
import {
  addCompartmentMember,
  createCaseCompartment,
  removeCompartmentMember,
  rotateCompartmentKey,
  unlockCompartmentKeys,
} from '../../src/services/compartments/compartments.ts';
import { openSubmission, sealAndStoreSubmission } from '../../src/services/intake/intake.ts';
import { addPerson, findPersonsByName, readPersons, showPerson } from '../../src/services/persons/persons.ts';
import { openPersonFields } from '../../src/services/persons/sealing.ts';
import type { Db, Queryable } from '../../src/store/db.ts';
import { personsRepository } from '../../src/store/persons.ts';
import { backends, openTestStore, type TestStore } from '../support/stores.ts';
import { anOrganisation, aUser, auditRows } from './fixtures.ts';

describe.each(backends())('compartments and persons on %s', (backend) => {
  let store: TestStore;
  let admin: Actor;
  let alice: Actor;
  let bob: Actor;
  let analyst: Actor;
  let caseCode: string;
  let caseId: string;
  beforeAll(async () => {
    store = await openTestStore(backend);
    ({ admin } = await anOrganisation(store.db));
    alice = await aUser(store.db, admin, 'alice@example.org', 'investigator');
    bob = await aUser(store.db, admin, 'bob@example.org', 'caseworker');
    analyst = await aUser(store.db, admin, 'ana@example.org', 'analyst');
    ({ code: caseCode, id: caseId } = await createCaseCompartment(store.db, alice));
  });
  afterAll(() => store?.close());

  it('keeps a case to its members: others are refused, and the refusal is audited', async () => {
    const person = await addPerson(store.db, alice, {
      name: 'Case Person',
      contacts: ['case@example.net'],
      compartment: caseCode,
    });
    expect((await showPerson(store.db, alice, person.code)).contacts).toEqual(['case@example.net']);
    await expect(showPerson(store.db, bob, person.code)).rejects.toThrow(Forbidden);
    await expect(showPerson(store.db, admin, person.code)).rejects.toThrow(Forbidden);
    await expect(addPerson(store.db, bob, { name: 'x', compartment: caseCode })).rejects.toThrow(Forbidden);
    const denied = (await auditRows(store.db, 'person.read')).filter((row) => row.outcome === 'denied');
    expect(denied.map((row) => [row.actor, row.record_id, row.details.reason])).toEqual([
      [bob.userId, person.code, 'not a member'],
      [admin.userId, person.code, 'not a member'],
    ]);
  });

  it('refuses roles that may not read protected fields, even in the organisation compartment', async () => {
    const person = await addPerson(store.db, admin, { name: 'Org Person' });
    await expect(showPerson(store.db, analyst, person.code)).rejects.toThrow(Forbidden);
    await expect(addPerson(store.db, analyst, { name: 'x' })).rejects.toThrow(Forbidden);
    // Codes only are fine for analysts.
    const codes = await readPersons(store.db, analyst, { decrypt: false });
    expect(codes.map((row) => row.code)).toContain(person.code);
    expect(codes[0]).not.toHaveProperty('name');
  });

  it('finds by exact name through the blind index, for members only', async () => {
    const { code } = await addPerson(store.db, alice, { name: 'Ibragim  Umarov', compartment: caseCode });
    expect(await findPersonsByName(store.db, alice, 'ibragim umarov', caseCode)).toEqual([code]);
    expect(await findPersonsByName(store.db, alice, 'Ibragim Umar', caseCode)).toEqual([]);
    await expect(findPersonsByName(store.db, bob, 'ibragim umarov', caseCode)).rejects.toThrow(Forbidden);
  });

  it('rotates a key: new key id, every value re-sealed and still readable by every member', async () => {
    await addCompartmentMember(store.db, alice, caseCode, 'bob@example.org');
    const before = await readPersons(store.db, alice, { compartment: caseCode, decrypt: true });
    // An administrator may rotate only a compartment whose key they hold.
    await expect(rotateCompartmentKey(store.db, admin, caseCode)).rejects.toThrow(Forbidden);
    await addCompartmentMember(store.db, alice, caseCode, 'admin@example.org');
    const { keyId, resealed } = await rotateCompartmentKey(store.db, admin, caseCode);
    expect(resealed).toBe(before.length);
    for (const row of await personsRepository(store.db).listByCompartment(caseId)) {
      for (const envelope of Object.values(row.sealed))
        if (envelope) expect(envelopeKeyId(envelope)).toBe(keyId);
    }
    expect(await readPersons(store.db, alice, { compartment: caseCode, decrypt: true })).toEqual(before);
    expect(await readPersons(store.db, bob, { compartment: caseCode, decrypt: true })).toEqual(before);
    expect(await findPersonsByName(store.db, bob, 'Ibragim Umarov', caseCode)).toHaveLength(1);
  });

  it('a removed member cannot open anything sealed after removal, even with keys copied before', async () => {
    const stolen = await unlockCompartmentKeys(store.db, bob, caseId);
    const oldCode = (await readPersons(store.db, bob, { compartment: caseCode, decrypt: false }))[0]!.code;
    await removeCompartmentMember(store.db, admin, caseCode, 'bob@example.org');
    const { code } = await addPerson(store.db, alice, {
      name: 'After Removal',
      contacts: ['+7 999 111 2233'],
      compartment: caseCode,
    });
    await expect(showPerson(store.db, bob, code)).rejects.toThrow(Forbidden);
    await expect(showPerson(store.db, bob, oldCode)).rejects.toThrow(Forbidden);
    expect(await unlockCompartmentKeys(store.db, bob, caseId)).toEqual([]);
    // The keys Bob copied while a member open neither new nor re-sealed values.
    const repo = personsRepository(store.db);
    const fresh = (await repo.findByCode(code))!;
    const resealed = (await repo.findByCode(oldCode))!;
    expect(() => openPersonFields(stolen, fresh)).toThrow(SealOpenFailed);
    expect(() => openPersonFields(stolen, resealed)).toThrow(SealOpenFailed);
    // Remaining members lost nothing.
    expect((await showPerson(store.db, alice, code)).contacts).toEqual(['+7 999 111 2233']);
    expect((await showPerson(store.db, alice, oldCode)).name).toBeTruthy();
    await expect(removeCompartmentMember(store.db, admin, caseCode, 'admin@example.org')).rejects.toThrow(
      InvalidInput,
    );
  });

  it('rotating the organisation compartment keeps public intake and recovery working', async () => {
    const { id } = await sealAndStoreSubmission(store.db, new TextEncoder().encode('a testimony'));
    const [row] = await store.db.query<{ sealed: Uint8Array }>(
      'select sealed from intake_submissions where id = $1',
      [id],
    );
    expect(Buffer.from(row!.sealed).includes(Buffer.from('a testimony'))).toBe(false);
    await rotateCompartmentKey(store.db, admin, undefined);
    expect(new TextDecoder().decode(await openSubmission(store.db, alice, id))).toBe('a testimony');
    await expect(openSubmission(store.db, bob, id)).rejects.toThrow(Forbidden);
    const opened = await auditRows(store.db, 'intake.open');
    expect(opened.map((entry) => entry.outcome)).toEqual(['allowed', 'denied']);
    const received = await auditRows(store.db, 'intake.receive');
    expect(received[0]).toMatchObject({ actor: 'public' });
  });

  it('refuses a person sealed under a key that was rotated before the insert, and keeps none', async () => {
    // A store whose first transaction (addPerson's insert, after sealing) starts only after a rotation.
    let rotateFirst = true;
    const racing: Db = {
      kind: store.db.kind,
      query: <Row>(sql: string, params?: Parameters<Db['query']>[1]) => store.db.query<Row>(sql, params),
      exec: (sql: string) => store.db.exec(sql),
      close: () => store.db.close(),
      async transaction<T>(work: (tx: Queryable) => Promise<T>): Promise<T> {
        if (rotateFirst) {
          rotateFirst = false;
          await rotateCompartmentKey(store.db, admin, undefined);
        }
        return store.db.transaction(work);
      },
    };
    const before = await personsRepository(store.db).count();
    await expect(addPerson(racing, admin, { name: 'Sealed Too Early' })).rejects.toThrow(Conflict);
    expect(rotateFirst).toBe(false);
    expect(await personsRepository(store.db).count()).toBe(before);
    // Tried again, it is sealed under the new key.
    const retried = await addPerson(store.db, admin, { name: 'Sealed Too Early' });
    expect((await showPerson(store.db, admin, retried.code)).name).toBe('Sealed Too Early');
  });

  it('records every change and read without a protected value in the audit log', async () => {
    const rows = await store.db.query<{ text: string }>(
      'select row_to_json(a)::text as text from audit_log a',
    );
    const all = rows.map((row) => row.text).join('\n');
    for (const secret of [
      'Sealed Too Early',
      'Case Person',
      'case@example.net',
      'Ibragim',
      'After Removal',
      '+7 999',
      'a testimony',
    ]) {
      expect(all).not.toContain(secret);
    }
    const actions = new Set((await auditRows(store.db)).map((row) => row.action));
    for (const action of [
      'person.create',
      'person.read',
      'compartment.rotate',
      'compartment.removeMember',
      'compartment.addMember',
    ]) {
      expect(actions).toContain(action);
    }
  });
});
