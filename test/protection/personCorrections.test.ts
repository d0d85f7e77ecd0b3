/**
 * Correcting people and involvements on both stores: a person's correction is versioned, refused on
 * a stale version, sealed anew (no new value in clear anywhere: record, history, audit) and its
 * sealed history follows a key rotation; an involvement's role is changed or the link withdrawn,
 * kept in its history and counted nowhere afterwards.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Forbidden, InvalidInput, VersionConflict } from '../../src/core/errors.ts';
import type { Actor } from '../../src/services/accounts/actor.ts';
import {
  addCompartmentMember,
  createCaseCompartment,
  rotateCompartmentKey,
} from '../../src/services/compartments/compartments.ts';
import { getRecordHistory } from '../../src/services/incidents/edits/recordHistory.ts';
import { correctInvolvement, withdrawInvolvement } from '../../src/services/persons/involvementEdits.ts';
import { involvementHistory } from '../../src/services/persons/involvementHistory.ts';
import { linkInvolvement, listInvolvements } from '../../src/services/persons/involvements.ts';
import { openPersonForEdit, personHistory, updatePerson } from '../../src/services/persons/personEdits.ts';
import { addPerson, findPersonsByName, showPerson } from '../../src/services/persons/persons.ts';
import type { Db } from '../../src/store/db.ts';
import { estimationRepository } from '../../src/store/estimation.ts';
import { personsRepository } from '../../src/store/persons.ts';
import { backends, openTestStore, type TestStore } from '../support/stores.ts';
import { anOrganisation, aUser, auditRows } from './fixtures.ts';

const MISSPELT = 'Zelimkhan Bakayev';
const CORRECTED = 'Zelimkhan Bakaev';
const NEW_CONTACT = 'zelim.new@example.net';
const WITHDRAWAL_REASON = 'he was detained in Shali, not Argun';

async function anAct(db: Db, victimsMin: number | null): Promise<{ incidentId: string; actId: string }> {
  const incidentId = randomUUID();
  const actId = randomUUID();
  await db.query(`insert into incidents (id, title, created_by) values ($1, 'Detentions in Argun', 'test')`, [
    incidentId,
  ]);
  await db.query(
    `insert into acts (id, incident_id, type, victims_min, victims_max) values ($1, $2, 'detention', $3, null)`,
    [actId, incidentId, victimsMin],
  );
  return { incidentId, actId };
}

/** Rows anywhere a value could leak to: the record, its history, the audit log. */
async function placesHolding(db: Db, needle: string): Promise<number> {
  const rows = await db.query<{ n: number }>(
    `select count(*)::int as n from (
       select encode(name, 'escape') || encode(coalesce(contacts, ''::bytea), 'escape') as t from persons
       union all select coalesce(before::text, '') || coalesce(after::text, '') || coalesce(reason, '')
                        || coalesce(encode(sealed, 'escape'), '') from record_versions
       union all select details::text from audit_log) x
     where position($1 in t) > 0`,
    [needle],
  );
  return rows[0]!.n;
}

describe.each(backends())('correcting people and involvements on %s', (backend) => {
  let store: TestStore;
  let admin: Actor;
  let worker: Actor;
  let analyst: Actor;
  let code: string;

  beforeAll(async () => {
    store = await openTestStore(backend);
    ({ admin } = await anOrganisation(store.db));
    worker = await aUser(store.db, admin, 'worker@example.org', 'caseworker');
    analyst = await aUser(store.db, admin, 'ana@example.org', 'analyst');
    code = (await addPerson(store.db, worker, { name: MISSPELT, birthDate: '1990-01-02' })).code;
  }, 120_000);
  afterAll(async () => {
    await store?.close();
  });

  it('corrects a person on the version shown, sealed anew, with no new value in clear', async () => {
    const opened = await openPersonForEdit(store.db, worker, code);
    expect(opened).toMatchObject({
      id: code,
      version: 1,
      fields: { name: MISSPELT, birthDate: '1990-01-02' },
    });
    const saved = await updatePerson(store.db, worker, code, {
      version: 1,
      name: CORRECTED,
      contacts: [NEW_CONTACT],
      birthDate: null,
      reason: 'spelling from his passport',
    });
    expect(saved).toEqual({ id: code, version: 2 });
    expect(await showPerson(store.db, admin, code)).toMatchObject({
      name: CORRECTED,
      contacts: [NEW_CONTACT],
      birthDate: null,
      version: 2,
    });
    // The blind index follows the name: the corrected name is found, the misspelt one no longer.
    expect(await findPersonsByName(store.db, worker, CORRECTED)).toEqual([code]);
    expect(await findPersonsByName(store.db, worker, MISSPELT)).toEqual([]);
    for (const value of [CORRECTED, NEW_CONTACT, 'passport', '1990-01-02'])
      expect(await placesHolding(store.db, value)).toBe(0);
    const audit = (await auditRows(store.db, 'person.update')).at(-1);
    expect(audit).toMatchObject({
      record_id: code,
      details: { fields: 'birthDate,contacts,name', version: 2 },
    });
  });

  it('refuses a stale version with the record as it is now, and saves nothing', async () => {
    const attempt = updatePerson(store.db, worker, code, { version: 1, note: 'overwrites' });
    await expect(attempt).rejects.toBeInstanceOf(VersionConflict);
    const conflict = (await attempt.catch((error: unknown) => error)) as VersionConflict;
    expect(conflict.current).toMatchObject({ id: code, version: 2, fields: { name: CORRECTED } });
    expect((await showPerson(store.db, worker, code)).note).toBeNull();
    // An unchanged value is no version at all.
    expect(await updatePerson(store.db, worker, code, { version: 2, name: CORRECTED })).toEqual({
      id: code,
      version: 2,
    });
  });

  it('opens the sealed history for readers only, also after a key rotation', async () => {
    const history = await personHistory(store.db, worker, code);
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({
      version: 2,
      change: 'update',
      changedBy: worker.userId,
      before: { name: MISSPELT, contacts: [], birthDate: '1990-01-02' },
      after: { name: CORRECTED, contacts: [NEW_CONTACT], birthDate: null },
      reason: 'spelling from his passport',
    });
    await expect(personHistory(store.db, analyst, code)).rejects.toBeInstanceOf(Forbidden);
    const sealedHistory = async () =>
      (
        await store.db.query<{ sealed: Uint8Array }>(
          "select sealed from record_versions where record_kind = 'person'",
        )
      ).map((row) => Buffer.from(row.sealed).toString('hex'));
    const before = await sealedHistory();
    await rotateCompartmentKey(store.db, admin, undefined);
    const after = await sealedHistory();
    expect(after).toHaveLength(1);
    expect(after[0]).not.toBe(before[0]);
    expect((await personHistory(store.db, worker, code))[0]?.after).toMatchObject({ name: CORRECTED });
  });

  it('lets only those who may create persons correct them', async () => {
    await expect(updatePerson(store.db, analyst, code, { version: 2, note: 'x' })).rejects.toBeInstanceOf(
      Forbidden,
    );
    const denied = (await auditRows(store.db, 'person.update')).at(-1);
    expect(denied).toMatchObject({ outcome: 'denied', actor: analyst.userId });
    expect((await personsRepository(store.db).findByCode(code))?.version).toBe(2);
  });

  it('changes an involvement’s role and clears the detail the new role does not have', async () => {
    const { incidentId, actId } = await anAct(store.db, null);
    const witness = (await addPerson(store.db, worker, { name: 'A Neighbour' })).code;
    const link = await linkInvolvement(store.db, worker, actId, {
      role: 'victim',
      person: witness,
      victimStatus: 'detained',
    });
    expect(link.namedVictims).toBe(1);
    const corrected = await correctInvolvement(store.db, worker, link.id, {
      version: 1,
      role: 'witness',
      reason: 'she saw it, she was not detained',
    });
    expect(corrected).toMatchObject({ version: 2, namedVictims: 0 });
    const [row] = await listInvolvements(store.db, analyst, incidentId);
    expect(row).toMatchObject({ role: 'witness', victimStatus: null, version: 2, withdrawn: false });
    await expect(
      correctInvolvement(store.db, worker, link.id, { version: 1, role: 'source' }),
    ).rejects.toBeInstanceOf(VersionConflict);
    await expect(
      correctInvolvement(store.db, worker, link.id, { version: 2, victimStatus: 'killed' }),
    ).rejects.toBeInstanceOf(InvalidInput);
    await expect(
      correctInvolvement(store.db, analyst, link.id, { version: 2, role: 'victim' }),
    ).rejects.toBeInstanceOf(Forbidden);
    const history = await getRecordHistory(store.db, 'involvement', link.id);
    expect(history.at(-1)).toMatchObject({
      change: 'update',
      before: { role: 'victim', victimStatus: 'detained' },
      after: { role: 'witness', victimStatus: null },
      reason: 'she saw it, she was not detained',
    });
  });

  it('withdraws a victim involvement: kept in history, counted nowhere, relinkable', async () => {
    const { incidentId, actId } = await anAct(store.db, 5);
    // In a case compartment of the admin and the worker: other staff are not in it.
    const compartmentCode = (await createCaseCompartment(store.db, admin)).code;
    await addCompartmentMember(store.db, admin, compartmentCode, 'worker@example.org');
    const outsider = await aUser(store.db, admin, 'outsider@example.org', 'caseworker');
    const victim = await addPerson(store.db, worker, { name: 'Entered Twice', compartment: compartmentCode });
    const link = await linkInvolvement(store.db, worker, actId, { role: 'victim', person: victim.code });
    const [compartment] = await store.db.query<{ id: string }>(
      'select compartment_id as id from persons where code = $1',
      [victim.code],
    );
    const victimsNamed = async () =>
      (await estimationRepository(store.db).victimPersons(compartment!.id)).filter(
        (person) => person.code === victim.code,
      ).length;
    expect(await victimsNamed()).toBe(1);

    await expect(
      withdrawInvolvement(store.db, worker, link.id, { version: 1, reason: ' ' }),
    ).rejects.toBeInstanceOf(InvalidInput);
    // The reason is sealed with the person, so only the person's compartment may give one.
    await expect(
      withdrawInvolvement(store.db, outsider, link.id, { version: 1, reason: WITHDRAWAL_REASON }),
    ).rejects.toBeInstanceOf(Forbidden);
    const withdrawn = await withdrawInvolvement(store.db, worker, link.id, {
      version: 1,
      reason: WITHDRAWAL_REASON,
    });
    expect(withdrawn).toMatchObject({ version: 2, namedVictims: 0, victimsMin: 5, countRaised: false });
    expect(await victimsNamed()).toBe(0);
    expect(await listInvolvements(store.db, analyst, incidentId)).toMatchObject([
      { id: link.id, withdrawn: true },
    ]);
    // The reason says where the person was: sealed with the person, in clear nowhere.
    expect(await placesHolding(store.db, 'Shali')).toBe(0);
    const [entry] = await store.db.query<{ reason: string | null; sealed: Uint8Array | null }>(
      `select reason, sealed from record_versions where record_kind = 'involvement' and record_id = $1 and version = 2`,
      [link.id],
    );
    expect(entry).toMatchObject({ reason: null, sealed: expect.anything() });
    expect((await involvementHistory(store.db, worker, link.id)).at(-1)).toMatchObject({
      change: 'withdraw',
      before: { withdrawn: false },
      after: { withdrawn: true },
      reason: WITHDRAWAL_REASON,
      sealed: null,
    });
    expect((await auditRows(store.db, 'person.read')).at(-1)).toMatchObject({
      record_id: victim.code,
      details: { involvement: link.id },
    });
    // Staff outside the person's compartment see that it was withdrawn, not why; analysts see nothing.
    expect((await involvementHistory(store.db, outsider, link.id)).at(-1)).toMatchObject({
      change: 'withdraw',
      reason: null,
    });
    await expect(involvementHistory(store.db, analyst, link.id)).rejects.toBeInstanceOf(Forbidden);
    // A rotation re-seals it: the members still read it, under the new key.
    await rotateCompartmentKey(store.db, admin, compartmentCode);
    expect((await involvementHistory(store.db, worker, link.id)).at(-1)?.reason).toBe(WITHDRAWAL_REASON);
    expect((await auditRows(store.db, 'involvement.withdraw')).at(-1)).toMatchObject({
      record_id: link.id,
      details: { fields: 'withdrawn', version: 2 },
    });
    await expect(
      correctInvolvement(store.db, worker, link.id, { version: 2, role: 'witness' }),
    ).rejects.toBeInstanceOf(InvalidInput);
    // The place it held is free again: the right link can be made.
    const again = await linkInvolvement(store.db, worker, actId, { role: 'victim', person: victim.code });
    expect(again.namedVictims).toBe(1);
  });
});
