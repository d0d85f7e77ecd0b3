import { useState } from 'react';
import { createAct } from '../api/edits.ts';
import { useI18n } from '../i18n/I18nContext.tsx';
import { EventEditor } from '../review/EventEditor.tsx';
import { type EventForm, eventEdit } from '../review/reviewState.ts';
import { emptyActForm } from './actForm.ts';
import { EditFormFooter } from './EditFormFooter.tsx';
import { useUnsavedChangesGuard } from './useUnsavedChangesGuard.ts';

/** An act recorded by hand (a testimony, a phone call): no source passage, its history says who. */
export function NewActPanel({
  incidentId,
  onDone,
}: {
  incidentId: string;
  onDone: (saved: boolean) => void;
}) {
  const { t } = useI18n();
  const [form, setForm] = useState<EventForm>(emptyActForm);
  const [reason, setReason] = useState('');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const dirty = JSON.stringify(form) !== JSON.stringify(emptyActForm()) || reason !== '';
  useUnsavedChangesGuard(dirty && !saving, t('edit.leave'));
  const save = async () => {
    setSaving(true);
    setError(null);
    try {
      await createAct(incidentId, { ...eventEdit(form), reason: reason.trim() || null });
      onDone(true);
    } catch (failure) {
      setError(failure instanceof Error ? failure : new Error(String(failure)));
      setSaving(false);
    }
  };
  return (
    <form
      className="edit-form"
      aria-label={t('edit.addAct')}
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      <EventEditor form={form} onChange={setForm} />
      <EditFormFooter
        reason={reason}
        onReason={setReason}
        error={error}
        canSave={!saving}
        onCancel={() => onDone(false)}
        saveLabel={t('edit.addAct')}
      />
    </form>
  );
}
