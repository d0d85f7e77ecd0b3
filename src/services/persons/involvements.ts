/**
 * Involvement (HURIDOCS ESF): who was involved in an act, in which role, with the details ESF keeps
 * for it. A person is linked by id and shown by code only; their name stays sealed in the person
 * record, revealed on demand to roles that hold its key. Named victims and counted groups coexist:
 * the act's count is raised, never left below the number of named victims.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import {
  INVOLVEMENT_ROLES,
  type InvolvementRole,
  PERPETRATOR_DEGREES,
  type PerpetratorDegree,
  VICTIM_STATUSES,
  type VictimStatus,
} from '../../core/casework.ts';
import { InvalidInput, NotFound } from '../../core/errors.ts';
import { parseWith } from '../../core/validation.ts';
import { actorsRepository } from '../../store/actors.ts';
import type { Db, Queryable } from '../../store/db.ts';
import { incidentsRepository } from '../../store/incidents.ts';
import { involvementsRepository } from '../../store/involvements.ts';
import { personsRepository } from '../../store/persons.ts';
import type { Actor } from '../accounts/actor.ts';
import { appendAudit } from '../audit/audit.ts';
import { authorizeAudited } from '../cases/access.ts';
import { PERSON_CODE } from './persons.ts';

export const newInvolvementSchema = z
  .strictObject({
    role: z.enum(INVOLVEMENT_ROLES),
    person: z.string().regex(PERSON_CODE, 'expected a person code like V-0001').optional(),
    organisation: z.string().trim().min(1).max(300).optional(),
    perpetratorDegree: z.enum(PERPETRATOR_DEGREES).optional(),
    victimStatus: z.enum(VICTIM_STATUSES).optional(),
  })
  .refine((value) => (value.person === undefined) !== (value.organisation === undefined), {
    message: 'name either a person (code) or an organisation, not both',
    path: ['person'],
  })
  .refine((value) => value.perpetratorDegree === undefined || value.role === 'perpetrator', {
    message: 'a degree of involvement applies to perpetrators only',
    path: ['perpetratorDegree'],
  })
  .refine((value) => value.victimStatus === undefined || value.role === 'victim', {
    message: 'a victim status applies to victims only',
    path: ['victimStatus'],
  });
export type NewInvolvement = z.input<typeof newInvolvementSchema>;

export interface LinkResult {
  id: string;
  namedVictims: number;
  victimsMin: number | null;
  victimsMax: number | null;
  /** The act's count was below its named victims and was raised to match. */
  countRaised: boolean;
}

export async function linkInvolvement(
  db: Db,
  actor: Actor,
  actId: string,
  input: NewInvolvement,
): Promise<LinkResult> {
  const link = parseWith(newInvolvementSchema, input, 'body');
  await authorizeAudited(db, actor, 'involvement.create', 'act');
  return db.transaction(async (tx) => {
    const involvements = involvementsRepository(tx);
    const act = await involvements.lockAct(actId);
    if (!act) throw new NotFound('act', actId);
    let personId: string | null = null;
    let actorId: string | null = null;
    if (link.person) {
      const person = await personsRepository(tx).findByCode(link.person);
      if (!person) throw new NotFound('person', link.person);
      if (person.mergedInto)
        throw new InvalidInput('body.person', `${link.person} was merged into another record: link that one`);
      personId = person.id;
    } else actorId = await actorsRepository(tx).idForName(link.organisation!);
    const id = randomUUID();
    const inserted = await involvements.insert({
      id,
      actId,
      role: link.role,
      personId,
      actorId,
      perpetratorDegree: link.perpetratorDegree ?? null,
      victimStatus: link.victimStatus ?? null,
      createdBy: actor.userId,
    });
    if (!inserted)
      throw new InvalidInput(
        link.person ? 'person' : 'organisation',
        `is already linked to this act as ${link.role}`,
      );
    const count = await keepCountAtNamedVictims(tx, actId, act);
    await appendAudit(tx, {
      actor: actor.userId,
      action: 'involvement.create',
      recordType: 'act',
      recordId: actId,
      details: {
        role: link.role,
        person: link.person ?? null,
        organisation: actorId,
        countRaised: count.countRaised,
      },
    });
    return { id, ...count };
  });
}

export interface InvolvementView {
  id: string;
  actId: string;
  role: InvolvementRole;
  /** The person's pseudonymous code; never a name. */
  person: string | null;
  organisation: string | null;
  perpetratorDegree: PerpetratorDegree | null;
  victimStatus: VictimStatus | null;
  /** What a correction must name. */
  version: number;
  /** Withdrawn as a mistake: shown struck out with its history, counted nowhere. */
  withdrawn: boolean;
}

/** Who was involved in each act of an incident (withdrawn links too): codes, organisations and ESF details only. */
export async function listInvolvements(db: Db, actor: Actor, incidentId: string): Promise<InvolvementView[]> {
  await authorizeAudited(db, actor, 'involvement.list', 'incident');
  if (!(await incidentsRepository(db).findById(incidentId))) throw new NotFound('incident', incidentId);
  const rows = await involvementsRepository(db).listByIncident(incidentId, { withdrawn: true });
  return rows.map((row) => ({
    id: row.id,
    actId: row.actId,
    role: row.role,
    person: row.personCode,
    organisation: row.organisation,
    perpetratorDegree: row.perpetratorDegree,
    victimStatus: row.victimStatus,
    version: row.version,
    withdrawn: row.withdrawn,
  }));
}

/**
 * An act's count is never lower than its named victims: an edit or a chosen figure below them would
 * be a false number. `count` null means "not stated", which the named victims do not contradict.
 */
export async function checkNotBelowNamedVictims(
  db: Queryable,
  actId: string,
  count: number | null,
  field: string,
): Promise<void> {
  if (count === null) return;
  const named = await involvementsRepository(db).namedVictims(actId);
  if (count < named)
    throw new InvalidInput(field, `the act has ${named} named victims: its count cannot be ${count}`);
}

export type ActCount = Omit<LinkResult, 'id'>;

/**
 * The act's named victims and count after a change to its involvements; with `raise`, the count is
 * first raised to the named victims when it is below them (a victim was linked, or a link became a
 * victim). The caller holds the act's lock (`lockAct`), so concurrent links count one after another.
 */
export async function keepCountAtNamedVictims(
  tx: Queryable,
  actId: string,
  act: { victimsMin: number | null },
  raise = true,
): Promise<ActCount> {
  const involvements = involvementsRepository(tx);
  const named = await involvements.namedVictims(actId);
  const countRaised = raise && (act.victimsMin === null || act.victimsMin < named);
  if (countRaised) await involvements.raiseVictimCount(actId, named);
  const after = (await involvements.lockAct(actId))!;
  return { namedVictims: named, ...after, countRaised };
}
