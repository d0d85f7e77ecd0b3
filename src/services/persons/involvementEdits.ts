/**
 * Correcting an involvement: its role (and the ESF detail that goes with the role) changed, or the
 * whole link withdrawn with a reason. A withdrawn involvement is never deleted — that someone once
 * linked this person to this act is part of the record — but no count, list or estimate uses it any
 * more, so a victim entered by mistake stops inflating the numbers. Each correction is a version
 * with its history in `record_versions` and an audit entry, through the edit machinery every record
 * after review uses (services/incidents/edits/recordEdit.ts).
 */
import { z } from 'zod';
import { INVOLVEMENT_ROLES, PERPETRATOR_DEGREES, VICTIM_STATUSES } from '../../core/casework.ts';
import { InvalidInput, NotFound } from '../../core/errors.ts';
import { parseWith } from '../../core/validation.ts';
import { compartmentsRepository } from '../../store/compartments.ts';
import type { Db, Queryable } from '../../store/db.ts';
import { type InvolvementRow, involvementsRepository } from '../../store/involvements.ts';
import { personsRepository } from '../../store/persons.ts';
import type { Fields, VersionedRecord } from '../../store/versionedRecords.ts';
import type { Actor } from '../accounts/actor.ts';
import { authorizeAudited } from '../cases/access.ts';
import { keysForAction, wipeKeys } from '../compartments/compartments.ts';
import { EditedVersion, Reason } from '../incidents/edits/editSchemas.ts';
import { applyChanges, lockForEdit } from '../incidents/edits/recordEdit.ts';
import { type ActCount, keepCountAtNamedVictims } from './involvements.ts';
import { requireKeyUnchanged } from './persons.ts';
import { sealInvolvementReason } from './sealing.ts';

export const involvementPatchSchema = z
  .strictObject({
    role: z.enum(INVOLVEMENT_ROLES).optional(),
    perpetratorDegree: z.enum(PERPETRATOR_DEGREES).nullable().optional(),
    victimStatus: z.enum(VICTIM_STATUSES).nullable().optional(),
    version: EditedVersion,
    reason: Reason,
  })
  .refine(
    (patch) =>
      patch.role !== undefined || patch.perpetratorDegree !== undefined || patch.victimStatus !== undefined,
    'give at least one field to change',
  );
export type InvolvementPatch = z.input<typeof involvementPatchSchema>;

// A withdrawal without a reason would leave the next reader unable to tell a mistake from a cover-up.
export const withdrawalSchema = z.strictObject({
  version: EditedVersion,
  reason: z.string().trim().min(1).max(2_000),
});
export type Withdrawal = z.input<typeof withdrawalSchema>;

export interface CorrectionResult extends ActCount {
  id: string;
  version: number;
}

/** The involvement and its act locked (the act first, as a link does), at the version edited. */
async function lockInvolvement(tx: Queryable, id: string, version: number) {
  const involvements = involvementsRepository(tx);
  const row = await involvements.findById(id);
  if (!row) throw new NotFound('involvement', id);
  const act = (await involvements.lockAct(row.actId))!;
  const before = await lockForEdit(tx, 'involvement', id, version);
  if (before.fields.withdrawn === true)
    throw new InvalidInput(
      'body',
      'this involvement was withdrawn: link the person or organisation again instead',
    );
  return { row, act, before };
}

/** The fields a patch changes; the ESF detail of a role is cleared when the role no longer has it. */
async function correctedFields(
  tx: Queryable,
  row: InvolvementRow,
  before: VersionedRecord,
  patch: z.output<typeof involvementPatchSchema>,
): Promise<Fields> {
  const role = patch.role ?? row.role;
  if (patch.perpetratorDegree && role !== 'perpetrator')
    throw new InvalidInput('body.perpetratorDegree', 'a degree of involvement applies to perpetrators only');
  if (patch.victimStatus && role !== 'victim')
    throw new InvalidInput('body.victimStatus', 'a victim status applies to victims only');
  if (role !== row.role && (await involvementsRepository(tx).roleTaken(row, role)))
    throw new InvalidInput('body.role', `is already linked to this act as ${role}`);
  const fields: Fields = { role };
  fields.perpetratorDegree =
    role === 'perpetrator' ? (patch.perpetratorDegree ?? before.fields.perpetratorDegree ?? null) : null;
  fields.victimStatus = role === 'victim' ? (patch.victimStatus ?? before.fields.victimStatus ?? null) : null;
  if (patch.perpetratorDegree === null) fields.perpetratorDegree = null;
  if (patch.victimStatus === null) fields.victimStatus = null;
  return fields;
}

export async function correctInvolvement(
  db: Db,
  actor: Actor,
  id: string,
  input: InvolvementPatch,
): Promise<CorrectionResult> {
  const patch = parseWith(involvementPatchSchema, input, 'body');
  await authorizeAudited(db, actor, 'involvement.update', 'involvement');
  return db.transaction(async (tx) => {
    const { row, act, before } = await lockInvolvement(tx, id, patch.version);
    const fields = await correctedFields(tx, row, before, patch);
    const version = await applyChanges(tx, actor, 'involvement', before, fields, patch.reason ?? null);
    // A person who becomes a victim is a named victim: the act's count follows, as when linking one.
    const count = await keepCountAtNamedVictims(tx, row.actId, act, fields.role === 'victim');
    return { id, version, ...count };
  });
}

/** The person's compartment and the withdrawer's keys to it, when the link is to a person. */
async function personCompartmentKeys(db: Db, actor: Actor, row: InvolvementRow) {
  if (!row.personCode) return null;
  const person = (await personsRepository(db).findByCode(row.personCode))!;
  const compartment = (await compartmentsRepository(db).findById(person.compartmentId))!;
  const keys = await keysForAction(db, actor, 'involvement.update', compartment, {
    recordType: 'involvement',
    recordId: row.id,
  });
  return { compartment, keys };
}

/**
 * Withdraws an involvement entered by mistake. The act's own count is left as it is (it may come
 * from its sources, or have been raised for this very person): the answer gives the named victims
 * left beside it, and the act is corrected by an edit of its own if it was inflated. The reason for
 * withdrawing a person's link is sealed under the person's key, so only the person's compartment
 * may withdraw it; an organisation's stays in clear like any other edit's.
 */
export async function withdrawInvolvement(
  db: Db,
  actor: Actor,
  id: string,
  input: Withdrawal,
): Promise<CorrectionResult> {
  const withdrawal = parseWith(withdrawalSchema, input, 'body');
  await authorizeAudited(db, actor, 'involvement.update', 'involvement');
  const found = await involvementsRepository(db).findById(id);
  if (!found) throw new NotFound('involvement', id);
  const sealing = await personCompartmentKeys(db, actor, found);
  try {
    return await db.transaction(async (tx) => {
      if (sealing) await requireKeyUnchanged(tx, sealing.compartment);
      const { row, act, before } = await lockInvolvement(tx, id, withdrawal.version);
      const key = sealing?.keys.find((candidate) => candidate.id === sealing.compartment.currentKeyId);
      const reason = key
        ? { seal: (version: number) => sealInvolvementReason(key, id, version, withdrawal.reason) }
        : withdrawal.reason;
      const version = await applyChanges(
        tx,
        actor,
        'involvement',
        before,
        { withdrawn: true },
        reason,
        'withdraw',
      );
      const count = await keepCountAtNamedVictims(tx, row.actId, act, false);
      return { id, version, ...count };
    });
  } finally {
    if (sealing) wipeKeys(sealing.keys);
  }
}
