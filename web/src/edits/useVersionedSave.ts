import { useState } from 'react';
import { conflictOf, patchRecord, type RecordKind, type VersionedRecord } from '../api/edits.ts';

/**
 * Saving an edit made on a given version: true when saved; on a version conflict `theirs` holds the
 * record as someone else saved it (the form shows ConflictNotice), on any other failure `error`.
 */
export function useVersionedSave(kind: RecordKind, id: string) {
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const [theirs, setTheirs] = useState<VersionedRecord | null>(null);
  const save = async (patch: Record<string, unknown>, version: number): Promise<boolean> => {
    setSaving(true);
    setError(null);
    try {
      await patchRecord(kind, id, { ...patch, version });
      return true;
    } catch (failure) {
      const current = conflictOf(failure);
      if (current) setTheirs(current);
      else setError(failure instanceof Error ? failure : new Error(String(failure)));
      setSaving(false);
      return false;
    }
  };
  return { saving, error, theirs, dismissConflict: () => setTheirs(null), save };
}
