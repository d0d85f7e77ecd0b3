/** A record as it is now (with the version an edit must name) and the history of its changes. */
import { NotFound } from '../../../core/errors.ts';
import type { Queryable } from '../../../store/db.ts';
import {
  type RecordKind,
  type RecordVersionWithEditor,
  versionedRecords,
} from '../../../store/versionedRecords.ts';

export type { HistoryKind, RecordKind, RecordVersionWithEditor } from '../../../store/versionedRecords.ts';
export { CHANGE_KINDS, HISTORY_KINDS } from '../../../store/versionedRecords.ts';

export async function getEditableRecord(db: Queryable, kind: RecordKind, id: string) {
  const record = await versionedRecords(db).find(kind, id);
  if (!record) throw new NotFound(kind, id);
  return record;
}

/**
 * Oldest first. A deleted record still has its history (that is how a deletion is looked up); a
 * record that never existed is NotFound.
 */
export async function getRecordHistory(
  db: Queryable,
  kind: RecordKind,
  id: string,
): Promise<RecordVersionWithEditor[]> {
  const records = versionedRecords(db);
  const history = await records.history(kind, id);
  if (history.length === 0 && !(await records.find(kind, id))) throw new NotFound(kind, id);
  return history;
}
