/**
 * Acts after review: change any field, add one by hand, delete one (its last state stays in its
 * history), move one to another incident (the claims about it go with it, and their sources become
 * sources of the target). Each in one transaction with its version, history and audit entries, and
 * the incidents' derived dates, places and search vectors recomputed.
 */
import { randomUUID } from 'node:crypto';
import { guessActorKind } from '../../../core/actors.ts';
import { NotFound } from '../../../core/errors.ts';
import { actEvidenceRepository } from '../../../store/actEvidence.ts';
import { actorsRepository } from '../../../store/actors.ts';
import { actsRepository } from '../../../store/acts.ts';
import type { Db, Queryable } from '../../../store/db.ts';
import { incidentsRepository } from '../../../store/incidents.ts';
import { type Fields, versionedRecords } from '../../../store/versionedRecords.ts';
import { checkNotBelowNamedVictims } from '../../persons/involvements.ts';
import type { EventEdit } from '../../review/decisions.ts';
import type { ActPatch, DeleteInput, NewActInput } from './editSchemas.ts';
import { applyChanges, deleteRecord, type Editor, lockForEdit, recordCreation } from './recordEdit.ts';

/** An event-shaped edit as act columns (only the parts it gives). */
async function actFieldsFrom(tx: Queryable, edit: EventEdit): Promise<Fields> {
  const fields: Fields = {};
  if (edit.type !== undefined) fields.type = edit.type;
  if (edit.victims !== undefined) {
    fields.victimsMin = edit.victims?.min ?? null;
    fields.victimsMax = edit.victims?.max ?? null;
    fields.victimGroup = edit.victims?.group ?? null;
  }
  if (edit.place !== undefined) {
    fields.placeName = edit.place?.name ?? null;
    fields.country = edit.place?.country ?? null;
  }
  if (edit.date !== undefined) {
    fields.dateFrom = edit.date?.from ?? null;
    fields.dateTo = edit.date?.to ?? null;
    fields.datePrecision = edit.date?.precision ?? null;
  }
  if (edit.perpetrators !== undefined) {
    const actors = actorsRepository(tx);
    const perpetrators = [];
    for (const name of edit.perpetrators)
      perpetrators.push({ name, actorId: await actors.idForName(name, guessActorKind(name)) });
    fields.perpetrators = perpetrators;
  }
  return fields;
}

async function requireIncident(tx: Queryable, id: string): Promise<void> {
  if (!(await incidentsRepository(tx).exists(id))) throw new NotFound('incident', id);
}

export async function updateAct(db: Db, editor: Editor, id: string, patch: ActPatch) {
  return db.transaction(async (tx) => {
    const before = await lockForEdit(tx, 'act', id, patch.version);
    const { incidentId: target, version: _version, reason = null, ...edit } = patch;
    const from = before.fields.incidentId as string;
    const moving = target !== undefined && target !== from;
    if (moving) await requireIncident(tx, target);
    const fields = await actFieldsFrom(tx, edit);
    if (edit.victims !== undefined)
      await checkNotBelowNamedVictims(tx, id, edit.victims?.min ?? null, 'victims.min');
    if (moving) fields.incidentId = target;
    const version = await applyChanges(tx, editor, 'act', before, fields, reason, moving ? 'move' : 'update');
    if (moving) await moveClaimsOfAct(tx, editor, id, target, reason);
    await incidentsRepository(tx).refreshDerived(from);
    if (moving) await incidentsRepository(tx).refreshDerived(target);
    return { id, version };
  });
}

/** The claims about a moved act follow it; the sources they quote now also support the target. */
async function moveClaimsOfAct(
  tx: Queryable,
  editor: Editor,
  actId: string,
  target: string,
  reason: string | null,
): Promise<void> {
  const records = versionedRecords(tx);
  // The act's evidence moves with it (act_evidence follows act_id): its sources support the target too.
  for (const sourceId of await actEvidenceRepository(tx).sourcesOf(actId))
    await incidentsRepository(tx).addSource(target, sourceId);
  for (const { id, sourceId } of await records.claimsOfAct(actId)) {
    const claim = await lockForEdit(tx, 'claim', id, undefined);
    await applyChanges(tx, editor, 'claim', claim, { incidentId: target }, reason, 'move');
    await incidentsRepository(tx).addSource(target, sourceId);
  }
}

export async function createAct(db: Db, editor: Editor, incidentId: string, input: NewActInput) {
  return db.transaction(async (tx) => {
    await requireIncident(tx, incidentId);
    const { reason = null, ...edit } = input;
    const fields = await actFieldsFrom(tx, edit);
    const id = randomUUID();
    // Recorded by hand: no source span, so no provenance; the history says who made it.
    await actsRepository(tx).insert({
      id,
      incidentId,
      type: input.type,
      victimsMin: (fields.victimsMin as number | null | undefined) ?? null,
      victimsMax: (fields.victimsMax as number | null | undefined) ?? null,
      victimGroup: (fields.victimGroup as string | null | undefined) ?? null,
      placeName: (fields.placeName as string | null | undefined) ?? null,
      country: (fields.country as string | null | undefined) ?? null,
      dateFrom: (fields.dateFrom as string | null | undefined) ?? null,
      dateTo: (fields.dateTo as string | null | undefined) ?? null,
      datePrecision: (fields.datePrecision as string | null | undefined) ?? null,
      perpetrators: (fields.perpetrators as { name: string; actorId: string | null }[] | undefined) ?? [],
      provenance: null,
    });
    await recordCreation(tx, editor, 'act', id, reason);
    await incidentsRepository(tx).refreshDerived(incidentId);
    return { id, version: 1 };
  });
}

/**
 * Deletes an act. The claims about it stay (they are what sources said) but lose the link, each with
 * a version of its own saying so.
 */
export async function deleteAct(db: Db, editor: Editor, id: string, input: DeleteInput): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await lockForEdit(tx, 'act', id, input.version);
    const reason = input.reason ?? null;
    for (const { id: claimId } of await versionedRecords(tx).claimsOfAct(id)) {
      const claim = await lockForEdit(tx, 'claim', claimId, undefined);
      await applyChanges(tx, editor, 'claim', claim, { actId: null }, reason);
    }
    await deleteRecord(tx, editor, 'act', before, reason);
    await incidentsRepository(tx).refreshDerived(before.fields.incidentId as string);
  });
}
