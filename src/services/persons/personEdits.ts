/**
 * Correcting a person record: a misspelt name, a wrong birth date, a contact that changed. The same
 * versions, conflicts and history as every record edited after review (`record_versions`), but
 * sealed like the record itself: the whole record is sealed anew under the compartment's current
 * key, and the history entry (changed fields before → after, and the reason) is one envelope under
 * that key. The audit log names the fields, never a value.
 */
import { z } from 'zod';
import { InvalidInput, NotFound, VersionConflict } from '../../core/errors.ts';
import { parseWith } from '../../core/validation.ts';
import { keyRing } from '../../crypto/seal.ts';
import { compartmentsRepository } from '../../store/compartments.ts';
import type { Db } from '../../store/db.ts';
import { personsRepository } from '../../store/persons.ts';
import {
  changedFields,
  type RecordVersionWithEditor,
  versionedRecords,
} from '../../store/versionedRecords.ts';
import type { Actor } from '../accounts/actor.ts';
import { appendAudit, recordAudit } from '../audit/audit.ts';
import { keysForAction, wipeKeys } from '../compartments/compartments.ts';
import { EditedVersion, Reason } from '../incidents/edits/editSchemas.ts';
import {
  PERSON_CODE,
  PERSON_FIELDS,
  type PersonView,
  personFieldSchemas,
  requireKeyUnchanged,
  showPerson,
} from './persons.ts';
import {
  openPersonChange,
  openPersonFields,
  type PersonFields,
  sealPersonChange,
  sealPersonFields,
} from './sealing.ts';

export const personPatchSchema = z
  .strictObject({
    ...z.object(personFieldSchemas).partial().shape,
    version: EditedVersion,
    reason: Reason,
  })
  .refine(
    (patch) => PERSON_FIELDS.some((field) => patch[field] !== undefined),
    'give at least one field to change',
  );
export type PersonPatch = z.input<typeof personPatchSchema>;

/** A person as an edit form starts from: every field opened (one audited read) and the version. */
export interface EditablePerson {
  id: string;
  version: number;
  fields: PersonFields;
}

const requireCode = (code: string) => {
  if (!PERSON_CODE.test(code)) throw new NotFound('person', code);
};

/** The record, its compartment and the keys for `action` (refusals audited by keysForAction). */
async function personWithKeys(db: Db, actor: Actor, code: string, action: 'person.read' | 'person.update') {
  requireCode(code);
  const row = await personsRepository(db).findByCode(code);
  if (!row) throw new NotFound('person', code);
  const compartment = (await compartmentsRepository(db).findById(row.compartmentId))!;
  const keys = await keysForAction(db, actor, action, compartment, { recordType: 'person', recordId: code });
  return { row, compartment, keys };
}

const editable = (person: PersonView): EditablePerson => ({
  id: person.code,
  version: person.version,
  fields: Object.fromEntries(PERSON_FIELDS.map((field) => [field, person[field]])) as unknown as PersonFields,
});

export async function openPersonForEdit(db: Db, actor: Actor, code: string): Promise<EditablePerson> {
  return editable(await showPerson(db, actor, code));
}

/** Empty free text is "not stated", as on creation. */
function changesOf(patch: z.output<typeof personPatchSchema>): Partial<PersonFields> {
  const changes: Partial<PersonFields> = {};
  for (const field of PERSON_FIELDS) {
    const value = patch[field];
    if (value === undefined) continue;
    Object.assign(changes, { [field]: value === '' ? null : value });
  }
  return changes;
}

type Outcome = { version: number } | { conflict: EditablePerson };

export async function updatePerson(
  db: Db,
  actor: Actor,
  code: string,
  input: PersonPatch,
): Promise<{ id: string; version: number }> {
  requireCode(code);
  // The message names the field and the rule, never the value (it may be a victim's name).
  const patch = parseWith(personPatchSchema, input, 'body', 'person');
  const { compartment, keys } = await personWithKeys(db, actor, code, 'person.update');
  try {
    const key = keys.find((candidate) => candidate.id === compartment.currentKeyId)!;
    const outcome = await db.transaction(async (tx): Promise<Outcome> => {
      await requireKeyUnchanged(tx, compartment);
      const persons = personsRepository(tx);
      const locked = (await persons.lockByCode(code))!;
      if (locked.mergedInto)
        throw new InvalidInput('code', `${code} was merged into another record: correct that one`);
      const before = openPersonFields(keys, locked);
      if (locked.version !== patch.version)
        return { conflict: { id: code, version: locked.version, fields: before } };
      const after: PersonFields = { ...before, ...changesOf(patch) };
      const diff = changedFields({ ...before }, { ...after });
      const names = Object.keys(diff.after).sort();
      if (names.length === 0) return { version: locked.version };
      const { sealed, nameIndex } = sealPersonFields(key, locked.id, after);
      const version = await persons.saveCorrection(locked.id, sealed, nameIndex);
      await versionedRecords(tx).appendVersion({
        kind: 'person',
        recordId: locked.id,
        version,
        change: 'update',
        changedBy: actor.userId,
        before: null,
        after: null,
        reason: null,
        sealed: sealPersonChange(key, locked.id, version, {
          before: diff.before,
          after: diff.after,
          reason: patch.reason ?? null,
        }),
      });
      await appendAudit(tx, {
        actor: actor.userId,
        action: 'person.update',
        recordType: 'person',
        recordId: code,
        details: { compartment: compartment.code, fields: names.join(','), version },
      });
      return { version };
    });
    if ('conflict' in outcome) {
      // The 409 carries the record as it is now, opened: that is a read, and audited as one.
      await recordAudit(db, {
        actor: actor.userId,
        action: 'person.read',
        recordType: 'person',
        recordId: code,
        details: { compartment: compartment.code, fields: PERSON_FIELDS.join(','), conflict: true },
      });
      throw new VersionConflict(
        'person',
        { ...outcome.conflict, fields: { ...outcome.conflict.fields } },
        patch.version,
      );
    }
    return { id: code, version: outcome.version };
  } finally {
    wipeKeys(keys);
  }
}

/** Every correction of a person, opened for a reader who may read the person (audited as a read). */
export async function personHistory(db: Db, actor: Actor, code: string): Promise<RecordVersionWithEditor[]> {
  const { row, compartment, keys } = await personWithKeys(db, actor, code, 'person.read');
  try {
    const ring = keyRing(keys);
    const versions = await versionedRecords(db).history('person', row.id);
    const opened = versions.map((entry) => {
      const change = entry.sealed ? openPersonChange(ring, row.id, entry.version, entry.sealed) : null;
      return {
        ...entry,
        before: change?.before ?? null,
        // A merge changes no field: the entry says which record went into which.
        after:
          (change?.merge
            ? { mergedFrom: change.merge.from, mergedInto: change.merge.into }
            : change?.after) ?? null,
        reason: change?.reason ?? null,
        sealed: null,
      };
    });
    await recordAudit(db, {
      actor: actor.userId,
      action: 'person.read',
      recordType: 'person',
      recordId: code,
      details: { compartment: compartment.code, history: opened.length },
    });
    return opened;
  } finally {
    wipeKeys(keys);
  }
}
