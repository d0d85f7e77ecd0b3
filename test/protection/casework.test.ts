/**
 * People and casework on both stores: ESF details sealed with the person, involvement as codes with
 * counts that never fall below named victims, cases with their workflow, tasks, consents, notes and
 * attachments sealed under their own compartment key (re-sealed on rotation), and referrals between
 * two installations carrying only consented fields.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Conflict, Forbidden, InvalidInput, NotFound } from '../../src/core/errors.ts';
import type { Actor } from '../../src/services/accounts/actor.ts';
import { changeCaseStatus, listCases, openCase, updateCase } from '../../src/services/cases/cases.ts';
import {
  addAttachment,
  addConsent,
  addNote,
  addTask,
  completeTask,
  readAttachment,
  showCase,
  withdrawConsent,
} from '../../src/services/cases/records.ts';
import { addCompartmentMember, rotateCompartmentKey } from '../../src/services/compartments/compartments.ts';
import { chooseActFigure } from '../../src/services/incidents/actJudgements.ts';
import { updateAct } from '../../src/services/incidents/edits/actEdits.ts';
import { linkInvolvement, listInvolvements } from '../../src/services/persons/involvements.ts';
import { addPerson, findPersonsByName, showPerson } from '../../src/services/persons/persons.ts';
import {
  createReferral,
  importReferral,
  importReferralStatus,
  listReferrals,
  organisationKey,
  parsePartnerKey,
  replyToReferral,
} from '../../src/services/referrals/referrals.ts';
import type { Db } from '../../src/store/db.ts';
import { backends, openTestStore, type TestStore } from '../support/stores.ts';
import { anOrganisation, aUser, auditRows } from './fixtures.ts';

const NAME = 'Zelimkhan Bakaev';
const CONTACT = '+7 928 555 0199';
const SAFETY = 'never call before 22:00, his brother reads his phone';

async function anIncidentWithAct(
  db: Db,
  victimsMin: number | null,
): Promise<{ incidentId: string; actId: string }> {
  const incidentId = randomUUID();
  const actId = randomUUID();
  await db.query(`insert into incidents (id, title, created_by) values ($1, 'Detentions in Argun', 'test')`, [
    incidentId,
  ]);
  await db.query(
    `insert into acts (id, incident_id, type, victims_min, victims_max, victim_group) values ($1, $2, 'detention', $3, $4, 'men')`,
    [actId, incidentId, victimsMin, victimsMin === null ? null : victimsMin + 10],
  );
  return { incidentId, actId };
}

async function everyByteaContaining(db: Db, needle: string): Promise<number> {
  const rows = await db.query<{ n: number }>(
    `select count(*)::int as n from (
       select details::text as t from persons where details is not null
       union all select encode(body, 'escape') from case_notes
       union all select encode(title, 'escape') from case_tasks
       union all select encode(content, 'escape') from case_attachments
       union all select encode(recipient, 'escape') from case_consents) x where position($1 in t) > 0`,
    [needle],
  );
  return rows[0]!.n;
}

describe.each(backends())('people and casework on %s', (backend) => {
  let store: TestStore;
  let partner: TestStore;
  let admin: Actor;
  let worker: Actor;
  let other: Actor;
  let analyst: Actor;
  let partnerAdmin: Actor;
  let personCode: string;
  let caseId: string;

  beforeAll(async () => {
    store = await openTestStore(backend);
    partner = await openTestStore(backend);
    ({ admin } = await anOrganisation(store.db));
    ({ admin: partnerAdmin } = await anOrganisation(partner.db));
    worker = await aUser(store.db, admin, 'worker@example.org', 'caseworker');
    other = await aUser(store.db, admin, 'other@example.org', 'caseworker');
    analyst = await aUser(store.db, admin, 'ana@example.org', 'analyst');
  }, 120_000);
  afterAll(async () => {
    await store?.close();
    await partner?.close();
  });

  it('seals ESF details with the person and finds them by exact name', async () => {
    const added = await addPerson(store.db, worker, {
      name: NAME,
      contacts: [CONTACT],
      sex: 'male',
      genderIdentity: 'gay man',
      nationality: 'RU',
      occupation: 'teacher',
      safety: SAFETY,
    });
    personCode = added.code;
    const shown = await showPerson(store.db, worker, personCode);
    expect(shown).toMatchObject({ name: NAME, contacts: [CONTACT], occupation: 'teacher', safety: SAFETY });
    expect(await findPersonsByName(store.db, worker, ` ${NAME.toUpperCase()} `)).toEqual([personCode]);
    expect(await everyByteaContaining(store.db, 'teacher')).toBe(0);
    const reveal = await showPerson(store.db, worker, personCode, ['safety']);
    expect(reveal.safety).toBe(SAFETY);
    expect((await auditRows(store.db, 'person.read')).at(-1)?.details.fields).toBe('safety');
  });

  it('links victims and perpetrators to an act as codes, never below the named count', async () => {
    const { incidentId, actId } = await anIncidentWithAct(store.db, null);
    const second = (await addPerson(store.db, worker, { name: 'Second Victim' })).code;
    const first = await linkInvolvement(store.db, worker, actId, {
      role: 'victim',
      person: personCode,
      victimStatus: 'detained',
    });
    expect(first).toMatchObject({ namedVictims: 1, victimsMin: 1, countRaised: true });
    const again = await linkInvolvement(store.db, worker, actId, { role: 'victim', person: second });
    expect(again).toMatchObject({ namedVictims: 2, victimsMin: 2, victimsMax: null });
    // Neither an edit nor a chosen figure may bring the count below the two named victims.
    const version = (
      await store.db.query<{ version: number }>('select version from acts where id = $1', [actId])
    )[0]!.version;
    await expect(
      updateAct(store.db, worker, actId, { victims: { min: 1, max: null, group: null }, version }),
    ).rejects.toMatchObject({ field: 'victims.min' });
    await expect(
      chooseActFigure(store.db, { userId: worker.userId, mayVerify: false }, actId, {
        victims: 1,
        reason: 'one was released',
      }),
    ).rejects.toMatchObject({ field: 'victims' });
    expect(
      (
        await store.db.query<{ victims_min: number }>('select victims_min from acts where id = $1', [actId])
      )[0],
    ).toEqual({ victims_min: 2 });
    await linkInvolvement(store.db, worker, actId, {
      role: 'perpetrator',
      organisation: 'Police of Argun',
      perpetratorDegree: 'direct',
    });
    await expect(
      linkInvolvement(store.db, worker, actId, { role: 'victim', person: personCode }),
    ).rejects.toThrow(/already linked/);
    await expect(
      linkInvolvement(store.db, worker, actId, {
        role: 'witness',
        person: personCode,
        victimStatus: 'killed',
      }),
    ).rejects.toMatchObject({ field: 'body.victimStatus' });
    await expect(
      linkInvolvement(store.db, analyst, actId, { role: 'victim', person: second }),
    ).rejects.toThrow(Forbidden);
    // A counted group larger than the named victims keeps its number.
    const group = await anIncidentWithAct(store.db, 100);
    expect(
      await linkInvolvement(store.db, worker, group.actId, { role: 'victim', person: personCode }),
    ).toMatchObject({ namedVictims: 1, victimsMin: 100, victimsMax: 110, countRaised: false });

    const seen = await listInvolvements(store.db, analyst, incidentId);
    expect(
      seen.map((row) => [row.role, row.person, row.organisation, row.victimStatus, row.perpetratorDegree]),
    ).toEqual(
      expect.arrayContaining([
        ['victim', personCode, null, 'detained', null],
        ['victim', second, null, null, null],
        ['perpetrator', null, 'Police of Argun', null, 'direct'],
      ]),
    );
    expect(JSON.stringify(seen)).not.toContain(NAME);
  });

  it('opens a case in its own compartment and moves it only along the workflow', async () => {
    await expect(openCase(store.db, worker, { persons: ['V-9999'], type: 'evacuation' })).rejects.toThrow(
      NotFound,
    );
    await expect(
      openCase(store.db, worker, { persons: [personCode], type: 'holiday' as 'legal' }),
    ).rejects.toMatchObject({ field: 'case.type' });
    await expect(openCase(store.db, analyst, { persons: [personCode], type: 'evacuation' })).rejects.toThrow(
      Forbidden,
    );
    const opened = await openCase(store.db, worker, {
      persons: [personCode],
      type: 'evacuation',
      risk: 'high',
    });
    caseId = opened.id;
    expect(opened.code).toMatch(/^K-\d{4}$/);
    await expect(changeCaseStatus(store.db, worker, caseId, { status: 'in-progress' })).rejects.toThrow(
      /open can move to assessment or closed, not in-progress/,
    );
    await changeCaseStatus(store.db, worker, caseId, {
      status: 'assessment',
      note: 'called from a safe phone',
    });
    await changeCaseStatus(store.db, worker, caseId, { status: 'closed' });
    await changeCaseStatus(store.db, worker, opened.code, { status: 'open' });
    // Not a member: refused, and the refusal audited.
    await expect(showCase(store.db, other, caseId)).rejects.toThrow(Forbidden);
    await expect(showCase(store.db, admin, caseId)).rejects.toThrow(Forbidden);
    expect(await listCases(store.db, other)).toEqual([]);
    await updateCase(store.db, worker, caseId, { assignTo: 'other@example.org' });
    expect((await listCases(store.db, other, { mine: true })).map((row) => row.id)).toEqual([caseId]);
    const shown = await showCase(store.db, other, caseId);
    expect(shown.transitions.map((t) => [t.from, t.to, t.note])).toEqual([
      [null, 'open', null],
      ['open', 'assessment', 'called from a safe phone'],
      ['assessment', 'closed', null],
      ['closed', 'open', null],
    ]);
    expect(shown.persons).toEqual([personCode]);
    await expect(updateCase(store.db, worker, caseId, { assignTo: 'ana@example.org' })).rejects.toThrow(
      /holds no compartment keys/,
    );
  });

  it('keeps tasks, consents, notes and attachments sealed, lists overdue work, survives rotation', async () => {
    const overdue = await addTask(store.db, worker, caseId, {
      title: 'buy tickets to Yerevan',
      dueOn: '2020-01-01',
    });
    await addTask(store.db, worker, caseId, { title: 'find a flat', dueOn: '2999-01-01' });
    await expect(addTask(store.db, worker, caseId, { title: 'x', dueOn: '2020-02-30' })).rejects.toThrow(
      InvalidInput,
    );
    expect(
      (await listCases(store.db, worker, { overdue: true })).map((row) => [row.id, row.overdueTasks]),
    ).toEqual([[caseId, 1]]);
    await addNote(store.db, worker, caseId, { text: 'hiding at his cousin in Nazran' });
    const attachment = await addAttachment(store.db, worker, caseId, {
      name: 'passport.jpg',
      bytes: new TextEncoder().encode('passport scan of Bakaev'),
    });
    const consent = await addConsent(store.db, worker, caseId, {
      person: personCode,
      fields: ['name', 'contacts', 'safety'],
      recipient: 'Rainbow Railroad',
    });
    await expect(
      addConsent(store.db, worker, caseId, {
        person: personCode,
        fields: ['passport' as 'name'],
        recipient: 'x',
      }),
    ).rejects.toMatchObject({ field: 'body.fields.0' });
    for (const secret of ['Yerevan', 'Nazran', 'passport scan', 'Rainbow']) {
      expect(await everyByteaContaining(store.db, secret), secret).toBe(0);
    }
    // Rotation (an administrator's act) re-seals every sealed value of the case under the new key.
    const compartment = (await showCase(store.db, worker, caseId)).compartment;
    await addCompartmentMember(store.db, worker, compartment, 'admin@example.org');
    expect((await rotateCompartmentKey(store.db, admin, compartment)).resealed).toBe(7);
    const shown = await showCase(store.db, worker, caseId);
    expect(shown.tasks.map((task) => [task.title, task.overdue])).toEqual([
      ['buy tickets to Yerevan', true],
      ['find a flat', false],
    ]);
    expect(shown.notes.map((note) => note.text)).toEqual(['hiding at his cousin in Nazran']);
    expect(shown.consents).toMatchObject([{ person: personCode, fields: ['name', 'contacts', 'safety'] }]);
    const file = await readAttachment(store.db, worker, caseId, attachment.id);
    expect(new TextDecoder().decode(file.bytes)).toBe('passport scan of Bakaev');
    expect((await auditRows(store.db, 'case.read')).at(-1)?.details.what).toBe(`attachment ${attachment.id}`);
    await completeTask(store.db, worker, caseId, overdue.id);
    expect(await listCases(store.db, worker, { overdue: true })).toEqual([]);
    await withdrawConsent(store.db, worker, caseId, consent.id);
    await expect(withdrawConsent(store.db, worker, caseId, consent.id)).rejects.toThrow(NotFound);
    await addConsent(store.db, worker, caseId, {
      person: personCode,
      fields: ['name', 'contacts'],
      recipient: 'Partner',
    });
  });

  it('refers a case to a partner with only consented fields, and tracks its status on both sides', async () => {
    const partnerKey = parsePartnerKey(JSON.stringify(await organisationKey(partner.db, partnerAdmin)));
    await expect(
      createReferral(store.db, worker, caseId, partnerKey, { fields: ['name', 'safety'] }),
    ).rejects.toThrow(/has not consented to share safety/);
    const referral = await createReferral(store.db, worker, caseId, partnerKey, {
      fields: ['name', 'contacts'],
    });
    expect(referral.package).not.toContain(NAME);
    expect(referral.package).not.toContain('Bakaev');
    // Not for us: our own installation cannot open what is sealed to the partner.
    await expect(importReferral(store.db, admin, referral.package)).rejects.toThrow(/another organisation/);
    const imported = await importReferral(partner.db, partnerAdmin, referral.package);
    expect(imported.senderFingerprint).toBe((await organisationKey(store.db, admin)).fingerprint);
    await expect(importReferral(partner.db, partnerAdmin, referral.package)).rejects.toThrow(Conflict);
    const there = await showPerson(partner.db, partnerAdmin, imported.persons[0]!);
    expect(there).toMatchObject({
      name: NAME,
      contacts: [CONTACT],
      safety: null,
      occupation: null,
      note: null,
    });
    const partnerCase = await showCase(partner.db, partnerAdmin, imported.caseId);
    expect(partnerCase).toMatchObject({ type: 'evacuation', risk: 'high', status: 'open' });

    const reply = await replyToReferral(partner.db, partnerAdmin, imported.referralId, 'accepted');
    const tampered = reply.package.replace(
      /"box":"(.)/,
      (_m, c: string) => `"box":"${c === 'A' ? 'B' : 'A'}`,
    );
    await expect(importReferralStatus(store.db, worker, tampered)).rejects.toThrow(InvalidInput);
    expect(await importReferralStatus(store.db, worker, reply.package)).toMatchObject({ status: 'accepted' });
    expect((await listReferrals(store.db, worker)).map((row) => [row.direction, row.status])).toEqual([
      ['outgoing', 'accepted'],
    ]);
    expect((await listReferrals(partner.db, partnerAdmin)).map((row) => [row.direction, row.status])).toEqual(
      [['incoming', 'accepted']],
    );
    expect((await auditRows(partner.db, 'referral.import')).length).toBe(1);
    expect((await auditRows(store.db, 'referral.status')).at(-1)?.details).toMatchObject({
      from: 'sent',
      to: 'accepted',
    });
  });
});
