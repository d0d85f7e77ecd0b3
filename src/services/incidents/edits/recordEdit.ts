/**
 * The one way a record changes after review: lock it, refuse a stale version (someone else changed it
 * since the editor loaded it), write, then bump the version and keep what changed (who, when,
 * before → after, reason) in `record_versions` and the audit log — all in the caller's transaction,
 * so a change and its history land together or not at all.
 */
import { NotFound, VersionConflict } from '../../../core/errors.ts';
import type { Queryable } from '../../../store/db.ts';
import {
  type ChangeKind,
  changedFields,
  type Fields,
  type RecordKind,
  type VersionedRecord,
  versionedRecords,
} from '../../../store/versionedRecords.ts';
import { appendAudit } from '../../audit/audit.ts';

export interface Editor {
  userId: string;
}

/** A reason kept sealed: the envelope is made once the new version (which it is bound to) is known. */
export interface SealedReason {
  seal: (version: number) => Uint8Array;
}

const reasonColumns = (reason: string | null | SealedReason, version: number) =>
  reason !== null && typeof reason === 'object'
    ? { reason: null, sealed: reason.seal(version) }
    : { reason, sealed: null };

/** The record as it is now, locked; VersionConflict when the editor worked on another version. */
export async function lockForEdit(
  tx: Queryable,
  kind: RecordKind,
  id: string,
  editedVersion: number | undefined,
): Promise<VersionedRecord> {
  const current = await versionedRecords(tx).lock(kind, id);
  if (!current) throw new NotFound(kind, id);
  if (editedVersion !== undefined && editedVersion !== current.version)
    throw new VersionConflict(kind, current, editedVersion);
  return current;
}

/**
 * Records what changed since `before` (re-read from the row): a new version and its history entry.
 * Returns the record's version afterwards (unchanged when nothing changed: no empty versions).
 */
export async function recordChange(
  tx: Queryable,
  editor: Editor,
  kind: RecordKind,
  before: VersionedRecord,
  change: Exclude<ChangeKind, 'create' | 'delete'>,
  reason: string | null | SealedReason,
  /** False when the caller writes its own audit entry for the change (incidents.ts does). */
  audited = true,
): Promise<number> {
  const records = versionedRecords(tx);
  const after = await records.lock(kind, before.id);
  if (!after) throw new NotFound(kind, before.id);
  const diff = changedFields(before.fields, after.fields);
  if (Object.keys(diff.after).length === 0) return before.version;
  const version = await records.bumpVersion(kind, before.id);
  await records.appendVersion({
    kind,
    recordId: before.id,
    version,
    change,
    changedBy: editor.userId,
    before: diff.before,
    after: diff.after,
    ...reasonColumns(reason, version),
  });
  if (!audited) return version;
  // Field names only: the values are in record_versions, readable by those who may read the record.
  await appendAudit(tx, {
    actor: editor.userId,
    action: `${kind}.${change}`,
    recordType: kind,
    recordId: before.id,
    details: { fields: Object.keys(diff.after).sort().join(','), version },
  });
  return version;
}

/** Sets `changes` on a locked record and records the change. */
export async function applyChanges(
  tx: Queryable,
  editor: Editor,
  kind: RecordKind,
  before: VersionedRecord,
  changes: Fields,
  reason: string | null | SealedReason,
  change: Exclude<ChangeKind, 'create' | 'delete'> = 'update',
): Promise<number> {
  await versionedRecords(tx).update(kind, before.id, changes);
  return recordChange(tx, editor, kind, before, change, reason);
}

/** History of a record made by hand: version 1, every field as it was created. */
export async function recordCreation(
  tx: Queryable,
  editor: Editor,
  kind: RecordKind,
  id: string,
  reason: string | null,
): Promise<void> {
  const records = versionedRecords(tx);
  const created = await records.lock(kind, id);
  if (!created) throw new NotFound(kind, id);
  await records.appendVersion({
    kind,
    recordId: id,
    version: created.version,
    change: 'create',
    changedBy: editor.userId,
    before: null,
    after: created.fields,
    reason,
  });
  await appendAudit(tx, {
    actor: editor.userId,
    action: `${kind}.create`,
    recordType: kind,
    recordId: id,
    details: { version: created.version },
  });
}

/** Deletes a locked record; its last state stays in its history as the `before` of the deletion. */
export async function deleteRecord(
  tx: Queryable,
  editor: Editor,
  kind: RecordKind,
  before: VersionedRecord,
  reason: string | null,
): Promise<void> {
  const records = versionedRecords(tx);
  await records.appendVersion({
    kind,
    recordId: before.id,
    version: before.version + 1,
    change: 'delete',
    changedBy: editor.userId,
    before: before.fields,
    after: null,
    reason,
  });
  await records.remove(kind, before.id);
  await appendAudit(tx, {
    actor: editor.userId,
    action: `${kind}.delete`,
    recordType: kind,
    recordId: before.id,
    details: { version: before.version + 1 },
  });
}
