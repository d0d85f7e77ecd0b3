import { useState } from 'react';
import { conflictOf, getRecord, patchRecord, type VersionedRecord } from '../api/edits.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { FormField } from '../components/FormField.tsx';
import { useI18n } from '../i18n/I18nContext.tsx';
import { EventEditor } from '../review/EventEditor.tsx';
import { type EventForm, eventEdit } from '../review/reviewState.ts';
import { useLoad } from '../useLoad.ts';
import { actToForm, formToActFields } from './actForm.ts';
import { ConflictNotice } from './ConflictNotice.tsx';
import { useUnsavedChangesGuard } from './useUnsavedChangesGuard.ts';

/** Edits one act from its stored version; a save made on a stale version shows the conflict screen. */
export function ActEditPanel({ actId, onDone }: { actId: string; onDone: (saved: boolean) => void }) {
  const { data, error } = useLoad(() => getRecord('act', actId), [actId]);
  const { t } = useI18n();
  if (error) return <ErrorMessage error={error} />;
  if (!data) return <p>{t('app.loading')}</p>;
  return <ActForm record={data} onDone={onDone} />;
}

function ActForm({ record, onDone }: { record: VersionedRecord; onDone: (saved: boolean) => void }) {
  const { t } = useI18n();
  const [base, setBase] = useState(record);
  const [form, setForm] = useState<EventForm>(() => actToForm(record.fields));
  const [reason, setReason] = useState('');
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const [theirs, setTheirs] = useState<VersionedRecord | null>(null);
  const dirty = JSON.stringify(form) !== JSON.stringify(actToForm(base.fields)) || reason !== '';
  useUnsavedChangesGuard(dirty && !saving, t('edit.leave'));

  const save = async (version: number) => {
    setSaving(true);
    setError(null);
    try {
      await patchRecord('act', base.id, { ...eventEdit(form), version, reason: reason.trim() || null });
      onDone(true);
    } catch (reasonForFailure) {
      const current = conflictOf(reasonForFailure);
      if (current) setTheirs(current);
      else
        setError(reasonForFailure instanceof Error ? reasonForFailure : new Error(String(reasonForFailure)));
      setSaving(false);
    }
  };

  if (theirs)
    return (
      <ConflictNotice
        what={t('edit.anAct')}
        theirs={theirs}
        yours={formToActFields(form)}
        onReload={() => {
          setBase(theirs);
          setForm(actToForm(theirs.fields));
          setTheirs(null);
        }}
        onReapply={() => {
          setBase(theirs);
          setTheirs(null);
          void save(theirs.version);
        }}
      />
    );

  return (
    <form
      className="edit-form"
      aria-label={t('edit.editAct')}
      onSubmit={(event) => {
        event.preventDefault();
        void save(base.version);
      }}
    >
      <EventEditor form={form} onChange={setForm} />
      <FormField label={t('edit.reason')}>
        {({ id }) => <input id={id} value={reason} onChange={(e) => setReason(e.target.value)} />}
      </FormField>
      {error ? <ErrorMessage error={error} /> : null}
      <div className="button-row">
        <button type="submit" className="primary" disabled={saving || !dirty}>
          {t('edit.save')}
        </button>
        <button type="button" onClick={() => onDone(false)}>
          {t('edit.cancel')}
        </button>
      </div>
    </form>
  );
}
