/**
 * Claims and interventions after review: every field a reviewer could set can be changed later, with
 * its version and history. A claim's passage (source and span) is what the source said and is never
 * edited; its wording, stance, actor and the act it is about are.
 */

import { guessActorKind } from '../../../core/actors.ts';
import { InvalidInput } from '../../../core/errors.ts';
import { actorsRepository } from '../../../store/actors.ts';
import { actsRepository } from '../../../store/acts.ts';
import type { Db } from '../../../store/db.ts';
import type { Fields } from '../../../store/versionedRecords.ts';
import type { ClaimPatch, InterventionPatch } from './editSchemas.ts';
import { applyChanges, type Editor, lockForEdit } from './recordEdit.ts';

export async function updateClaim(db: Db, editor: Editor, id: string, patch: ClaimPatch) {
  return db.transaction(async (tx) => {
    const before = await lockForEdit(tx, 'claim', id, patch.version);
    const fields: Fields = {};
    if (patch.stance !== undefined) fields.stance = patch.stance;
    if (patch.text !== undefined) fields.text = patch.text;
    if (patch.actor !== undefined)
      fields.actorId = patch.actor
        ? await actorsRepository(tx).idForName(patch.actor, guessActorKind(patch.actor))
        : null;
    if (patch.actId !== undefined) {
      if (patch.actId !== null) {
        const act = await actsRepository(tx).findById(patch.actId);
        if (act?.incidentId !== before.fields.incidentId)
          throw new InvalidInput('body.actId', 'not an act of the incident this claim belongs to');
      }
      fields.actId = patch.actId;
    }
    const version = await applyChanges(tx, editor, 'claim', before, fields, patch.reason ?? null);
    return { id, version };
  });
}

export async function updateIntervention(db: Db, editor: Editor, id: string, patch: InterventionPatch) {
  return db.transaction(async (tx) => {
    const before = await lockForEdit(tx, 'intervention', id, patch.version);
    const fields: Fields = {};
    if (patch.type !== undefined) fields.type = patch.type;
    if (patch.description !== undefined) fields.description = patch.description;
    if (patch.date !== undefined) fields.dateFrom = patch.date;
    if (patch.outcome !== undefined) fields.outcome = patch.outcome;
    if (patch.actor !== undefined)
      fields.actorId = patch.actor
        ? await actorsRepository(tx).idForName(patch.actor, guessActorKind(patch.actor))
        : null;
    const version = await applyChanges(tx, editor, 'intervention', before, fields, patch.reason ?? null);
    return { id, version };
  });
}
