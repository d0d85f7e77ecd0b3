/**
 * Merging two records entered for one person (V-0012 and V-0040 are both Zelimkhan). The record
 * merged away is kept — it is what was entered, and its history stays readable — but marked merged
 * into the survivor, and no list, lookup by name or count shows it any more. The survivor takes its
 * involvements, case links and consents; a link that would now count the same person twice (the same
 * act, the same role) is withdrawn instead, with the merge in its history, so no act counts one person
 * twice. Both records must be at the versions the user compared, and in one compartment: a merge
 * across compartments would hand one team's person to another. The reason is sealed like any
 * correction of a person; the audit log names the codes and the numbers moved, never a value.
 */
import { z } from 'zod';
import { InvalidInput, NotFound, VersionConflict } from '../../core/errors.ts';
import { parseWith } from '../../core/validation.ts';
import type { SymmetricKey } from '../../crypto/seal.ts';
import { casesRepository } from '../../store/cases.ts';
import { compartmentsRepository } from '../../store/compartments.ts';
import type { Db, Queryable } from '../../store/db.ts';
import { involvementsRepository } from '../../store/involvements.ts';
import { type PersonRow, personsRepository } from '../../store/persons.ts';
import { versionedRecords } from '../../store/versionedRecords.ts';
import type { Actor } from '../accounts/actor.ts';
import { appendAudit } from '../audit/audit.ts';
import { keysForAction, wipeKeys } from '../compartments/compartments.ts';
import { EditedVersion } from '../incidents/edits/editSchemas.ts';
import { applyChanges, lockForEdit } from '../incidents/edits/recordEdit.ts';
import { authorize } from '../policies/index.ts';
import { PERSON_CODE, requireKeyUnchanged } from './persons.ts';
import { sealInvolvementReason, sealPersonChange } from './sealing.ts';

export const mergeSchema = z.strictObject({
  into: z.string().regex(PERSON_CODE, 'expected a person code like V-0001'),
  /** The version of the record merged away, as the user saw it. */
  version: EditedVersion,
  /** The survivor's version, as the user saw it. */
  intoVersion: EditedVersion,
  // A merge without a reason would leave the next reader unable to tell why a record disappeared.
  reason: z.string().trim().min(1).max(2_000),
});
export type PersonMerge = z.input<typeof mergeSchema>;

export interface MergeResult {
  code: string;
  into: string;
  version: number;
  intoVersion: number;
  /** Involvements that now name the survivor. */
  moved: number;
  /** Involvements withdrawn because the survivor already held the same link. */
  collapsed: number;
  /** Cases that now list the survivor. */
  cases: number;
}

/** Both records locked in code order (two merges of one pair queue rather than deadlock), checked. */
async function lockPair(tx: Queryable, code: string, merge: z.output<typeof mergeSchema>) {
  const persons = personsRepository(tx);
  const locked = new Map<string, PersonRow>();
  for (const each of [code, merge.into].sort()) {
    const row = await persons.lockByCode(each);
    if (!row) throw new NotFound('person', each);
    locked.set(each, row);
  }
  const from = locked.get(code)!;
  const into = locked.get(merge.into)!;
  for (const row of [from, into])
    if (row.mergedInto)
      throw new InvalidInput('body.into', `${row.code} was already merged into another record`);
  const conflict = (row: PersonRow, edited: number) =>
    new VersionConflict('person', { id: row.code, version: row.version, fields: {} }, edited);
  if (from.version !== merge.version) throw conflict(from, merge.version);
  if (into.version !== merge.intoVersion) throw conflict(into, merge.intoVersion);
  return { from, into };
}

/** Moves the merged record's involvements; a second live link of the same kind is withdrawn instead. */
async function takeInvolvements(
  tx: Queryable,
  actor: Actor,
  key: SymmetricKey,
  from: PersonRow,
  into: PersonRow,
  reason: string,
) {
  const involvements = involvementsRepository(tx);
  const records = versionedRecords(tx);
  const held = new Set(
    (await involvements.listByPerson(into.id))
      .filter((row) => !row.withdrawn)
      .map((row) => `${row.actId}:${row.role}`),
  );
  let moved = 0;
  let collapsed = 0;
  for (const link of await involvements.listByPerson(from.id)) {
    if (!link.withdrawn && held.has(`${link.actId}:${link.role}`)) {
      const before = await lockForEdit(tx, 'involvement', link.id, undefined);
      const sealed = { seal: (version: number) => sealInvolvementReason(key, link.id, version, reason) };
      await applyChanges(tx, actor, 'involvement', before, { withdrawn: true }, sealed, 'merge');
      collapsed += 1;
      continue;
    }
    const version = await involvements.movePerson(link.id, into.id);
    // Codes only: they are what every reader of an involvement already sees.
    await records.appendVersion({
      kind: 'involvement',
      recordId: link.id,
      version,
      change: 'merge',
      changedBy: actor.userId,
      before: { person: from.code },
      after: { person: into.code },
      reason: null,
    });
    moved += 1;
  }
  return { moved, collapsed };
}

export async function mergePersons(
  db: Db,
  actor: Actor,
  code: string,
  input: PersonMerge,
): Promise<MergeResult> {
  if (!PERSON_CODE.test(code)) throw new NotFound('person', code);
  const merge = parseWith(mergeSchema, input, 'body');
  if (merge.into === code) throw new InvalidInput('body.into', 'a record cannot be merged into itself');
  const persons = personsRepository(db);
  const from = await persons.findByCode(code);
  if (!from) throw new NotFound('person', code);
  const compartment = (await compartmentsRepository(db).findById(from.compartmentId))!;
  const keys = await keysForAction(db, actor, 'person.update', compartment, {
    recordType: 'person',
    recordId: code,
  });
  try {
    const into = await persons.findByCode(merge.into);
    if (!into) throw new NotFound('person', merge.into);
    if (into.compartmentId !== from.compartmentId)
      throw new InvalidInput(
        'body.into',
        `${merge.into} is in another compartment than ${code}: only records of one compartment can be merged`,
      );
    const key = keys.find((candidate) => candidate.id === compartment.currentKeyId)!;
    return await db.transaction(async (tx) => {
      await requireKeyUnchanged(tx, compartment);
      const pair = await lockPair(tx, code, merge);
      const { moved, collapsed } = await takeInvolvements(tx, actor, key, pair.from, pair.into, merge.reason);
      const cases = await casesRepository(tx).movePersonLinks(pair.from.id, pair.into.id);
      const locked = personsRepository(tx);
      const version = await locked.markMerged(pair.from.id, pair.into.id);
      const intoVersion = await locked.bumpVersion(pair.into.id);
      const change = { before: {}, after: {}, reason: merge.reason, merge: { from: code, into: merge.into } };
      for (const [row, at] of [
        [pair.from, version],
        [pair.into, intoVersion],
      ] as const)
        await versionedRecords(tx).appendVersion({
          kind: 'person',
          recordId: row.id,
          version: at,
          change: 'merge',
          changedBy: actor.userId,
          before: null,
          after: null,
          reason: null,
          sealed: sealPersonChange(key, row.id, at, change),
        });
      await appendAudit(tx, {
        actor: actor.userId,
        action: 'person.merge',
        recordType: 'person',
        recordId: code,
        details: {
          compartment: compartment.code,
          into: merge.into,
          moved,
          collapsed,
          cases,
          version,
          intoVersion,
        },
      });
      return { code, into: merge.into, version, intoVersion, moved, collapsed, cases };
    });
  } finally {
    wipeKeys(keys);
  }
}

/**
 * Where a record stands, as anyone who may list codes sees it: its compartment, and the code it was
 * merged into if it was (its page then points there). No protected field.
 */
export async function personStatus(
  db: Db,
  actor: Actor,
  code: string,
): Promise<{ code: string; compartment: string; mergedInto: string | null }> {
  authorize(actor.role, 'person.list');
  if (!PERSON_CODE.test(code)) throw new NotFound('person', code);
  const persons = personsRepository(db);
  const row = await persons.findByCode(code);
  if (!row) throw new NotFound('person', code);
  const compartment = (await compartmentsRepository(db).findById(row.compartmentId))!;
  const into = row.mergedInto ? await persons.findById(row.mergedInto) : null;
  return { code, compartment: compartment.code, mergedInto: into?.code ?? null };
}
