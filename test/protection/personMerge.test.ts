/**
 * Merging two records of one person: the survivor takes the involvements, a duplicate link is
 * withdrawn (never counted twice), the merged record is kept but listed nowhere; stale versions,
 * other compartments and roles that may not correct persons are refused; the reason is sealed.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Forbidden, InvalidInput, VersionConflict } from '../../src/core/errors.ts';
import type { Actor } from '../../src/services/accounts/actor.ts';
import { openCase } from '../../src/services/cases/cases.ts';
import { createCaseCompartment } from '../../src/services/compartments/compartments.ts';
import { linkInvolvement } from '../../src/services/persons/involvements.ts';
import { personHistory } from '../../src/services/persons/personEdits.ts';
import { mergePersons } from '../../src/services/persons/personMerge.ts';
import { addPerson, findPersonsByName, readPersons } from '../../src/services/persons/persons.ts';
import { casesRepository } from '../../src/store/cases.ts';
import type { Db } from '../../src/store/db.ts';
import { involvementsRepository } from '../../src/store/involvements.ts';
import { personsRepository } from '../../src/store/persons.ts';
import { backends, openTestStore, type TestStore } from '../support/stores.ts';
import { anOrganisation, aUser, auditRows } from './fixtures.ts';

const REASON = 'same man: his sister confirmed the birth date in Urus-Martan';

async function anAct(db: Db): Promise<string> {
  const incidentId = randomUUID();
  const actId = randomUUID();
  await db.query(`insert into incidents (id, title, created_by) values ($1, 'Detentions', 'test')`, [
    incidentId,
  ]);
  await db.query(`insert into acts (id, incident_id, type) values ($1, $2, 'detention')`, [
    actId,
    incidentId,
  ]);
  return actId;
}

describe.each(backends())('merging two records of one person on %s', (backend) => {
  let store: TestStore;
  let admin: Actor;
  let worker: Actor;
  let analyst: Actor;

  beforeAll(async () => {
    store = await openTestStore(backend);
    ({ admin } = await anOrganisation(store.db));
    worker = await aUser(store.db, admin, 'worker@example.org', 'caseworker');
    analyst = await aUser(store.db, admin, 'ana@example.org', 'analyst');
  }, 120_000);
  afterAll(async () => {
    await store?.close();
  });

  it('moves the involvements, counts a person linked twice to one act once, and hides the merged record', async () => {
    const detention = await anAct(store.db);
    const beating = await anAct(store.db);
    const survivor = (await addPerson(store.db, worker, { name: 'Zelimkhan Bakaev' })).code;
    const duplicate = (await addPerson(store.db, worker, { name: 'Zelimkhan Bakayev' })).code;
    await linkInvolvement(store.db, worker, detention, { role: 'victim', person: survivor });
    await linkInvolvement(store.db, worker, detention, { role: 'victim', person: duplicate });
    await linkInvolvement(store.db, worker, beating, { role: 'witness', person: duplicate });
    const evacuation = await openCase(store.db, worker, { persons: [duplicate], type: 'evacuation' });
    const involvements = involvementsRepository(store.db);
    // Before: one man counted twice among the detention's named victims.
    expect(await involvements.namedVictims(detention)).toBe(2);

    await expect(
      mergePersons(store.db, analyst, duplicate, {
        into: survivor,
        version: 1,
        intoVersion: 1,
        reason: REASON,
      }),
    ).rejects.toBeInstanceOf(Forbidden);
    const merged = await mergePersons(store.db, worker, duplicate, {
      into: survivor,
      version: 1,
      intoVersion: 1,
      reason: REASON,
    });
    expect(merged).toMatchObject({
      code: duplicate,
      into: survivor,
      version: 2,
      intoVersion: 2,
      moved: 1,
      collapsed: 1,
    });

    expect(await involvements.namedVictims(detention)).toBe(1);
    const survivorId = (await personsRepository(store.db).findByCode(survivor))!.id;
    const links = (await involvements.listByPerson(survivorId)).filter((row) => !row.withdrawn);
    expect(links.map((row) => [row.actId, row.role]).sort()).toEqual(
      [
        [detention, 'victim'],
        [beating, 'witness'],
      ].sort(),
    );
    expect(await casesRepository(store.db).personIds(evacuation.id)).toEqual([survivorId]);
    // Kept, marked, and shown nowhere: lists, lookups by name, new links.
    const kept = (await personsRepository(store.db).findByCode(duplicate))!;
    expect(kept).toMatchObject({ mergedInto: survivorId, version: 2 });
    const listed = (await readPersons(store.db, worker, { decrypt: false })).map((row) => row.code);
    expect(listed).toContain(survivor);
    expect(listed).not.toContain(duplicate);
    expect(await findPersonsByName(store.db, worker, 'Zelimkhan Bakayev')).toEqual([]);
    await expect(
      linkInvolvement(store.db, worker, beating, { role: 'victim', person: duplicate }),
    ).rejects.toBeInstanceOf(InvalidInput);
    await expect(
      mergePersons(store.db, worker, duplicate, {
        into: survivor,
        version: 2,
        intoVersion: 2,
        reason: REASON,
      }),
    ).rejects.toBeInstanceOf(InvalidInput);

    // The reason is sealed: in the history for readers, in clear nowhere; the audit names codes and counts.
    expect((await personHistory(store.db, worker, survivor)).at(-1)).toMatchObject({
      change: 'merge',
      after: { mergedFrom: duplicate, mergedInto: survivor },
      reason: REASON,
    });
    const clear = await store.db.query<{ n: number }>(
      `select count(*)::int as n from (
         select coalesce(before::text, '') || coalesce(after::text, '') || coalesce(reason, '')
                || coalesce(encode(sealed, 'escape'), '') as t from record_versions
         union all select details::text from audit_log) x where position('Urus-Martan' in t) > 0`,
    );
    expect(clear[0]!.n).toBe(0);
    expect((await auditRows(store.db, 'person.merge')).at(-1)).toMatchObject({
      record_id: duplicate,
      details: { into: survivor, moved: 1, collapsed: 1 },
    });
  });

  it('refuses a stale version of either record and changes nothing', async () => {
    const a = (await addPerson(store.db, worker, { name: 'Aslan One' })).code;
    const b = (await addPerson(store.db, worker, { name: 'Aslan Two' })).code;
    await expect(
      mergePersons(store.db, worker, b, { into: a, version: 1, intoVersion: 3, reason: REASON }),
    ).rejects.toBeInstanceOf(VersionConflict);
    await expect(
      mergePersons(store.db, worker, b, { into: a, version: 2, intoVersion: 1, reason: REASON }),
    ).rejects.toBeInstanceOf(VersionConflict);
    expect((await personsRepository(store.db).findByCode(b))!).toMatchObject({
      mergedInto: null,
      version: 1,
    });
  });

  it('refuses to merge across compartments', async () => {
    const compartment = (await createCaseCompartment(store.db, worker)).code;
    const inCase = (await addPerson(store.db, worker, { name: 'Ruslan Case', compartment })).code;
    const inOrganisation = (await addPerson(store.db, worker, { name: 'Ruslan Org' })).code;
    const refused = mergePersons(store.db, worker, inCase, {
      into: inOrganisation,
      version: 1,
      intoVersion: 1,
      reason: REASON,
    });
    await expect(refused).rejects.toBeInstanceOf(InvalidInput);
    await expect(refused).rejects.toThrow(/another compartment/);
    expect((await personsRepository(store.db).findByCode(inCase))!.mergedInto).toBeNull();
  });
});
