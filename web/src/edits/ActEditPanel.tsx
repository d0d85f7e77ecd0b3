import { useState } from 'react';
import { getRecord, type VersionedRecord } from '../api/edits.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { useI18n } from '../i18n/I18nContext.tsx';
import { EventEditor } from '../review/EventEditor.tsx';
import { type EventForm, eventEdit } from '../review/reviewState.ts';
import { useLoad } from '../useLoad.ts';
import { actToForm, formToActFields } from './actForm.ts';
import { ConflictNotice } from './ConflictNotice.tsx';
import { EditFormFooter } from './EditFormFooter.tsx';
import { useUnsavedChangesGuard } from './useUnsavedChangesGuard.ts';
import { useVersionedSave } from './useVersionedSave.ts';

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
  const { saving, error, theirs, dismissConflict, save } = useVersionedSave('act', record.id);
  const dirty = JSON.stringify(form) !== JSON.stringify(actToForm(base.fields)) || reason !== '';
  useUnsavedChangesGuard(dirty && !saving, t('edit.leave'));
  const submit = async (version: number) => {
    if (await save({ ...eventEdit(form), reason: reason.trim() || null }, version)) onDone(true);
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
          dismissConflict();
        }}
        onReapply={() => {
          setBase(theirs);
          dismissConflict();
          void submit(theirs.version);
        }}
      />
    );

  return (
    <form
      className="edit-form"
      aria-label={t('edit.editAct')}
      onSubmit={(event) => {
        event.preventDefault();
        void submit(base.version);
      }}
    >
      <EventEditor form={form} onChange={setForm} />
      <EditFormFooter
        reason={reason}
        onReason={setReason}
        error={error}
        canSave={!saving && dirty}
        onCancel={() => onDone(false)}
      />
    </form>
  );
}
