/** What leaves the server about editable records and their history. */
import { z } from 'zod';
import {
  CHANGE_KINDS,
  HISTORY_KINDS,
  type HistoryKind,
  type RecordVersionWithEditor,
} from '../../services/incidents/edits/recordHistory.ts';
import { Id, Instant, iso } from './common.ts';

const FieldValues = z.record(z.string(), z.unknown());

export const SavedRecordSchema = z.object({ id: Id, version: z.number().int() });

export const VersionedRecordSchema = z.object({
  id: Id,
  version: z.number().int().describe('send it back with an edit: a stale version is a 409'),
  fields: FieldValues,
});

export const RecordHistorySchema = z.object({
  kind: z.enum(HISTORY_KINDS),
  id: Id.describe('UUID; a person’s code for a person'),
  versions: z.array(
    z.object({
      version: z.number().int(),
      change: z.enum(CHANGE_KINDS),
      changedBy: z.object({ id: z.string(), email: z.string().nullable() }),
      changedAt: Instant,
      before: FieldValues.nullable().describe('the changed fields before (whole record for a deletion)'),
      after: FieldValues.nullable().describe('the changed fields after (whole record for a creation)'),
      reason: z.string().nullable(),
    }),
  ),
});

export function presentHistory(
  kind: HistoryKind,
  id: string,
  versions: RecordVersionWithEditor[],
): z.infer<typeof RecordHistorySchema> {
  return {
    kind,
    id,
    versions: versions.map((v) => ({
      version: v.version,
      change: v.change,
      changedBy: { id: v.changedBy, email: v.changedByEmail },
      changedAt: iso(v.changedAt)!,
      before: v.before,
      after: v.after,
      reason: v.reason,
    })),
  };
}
