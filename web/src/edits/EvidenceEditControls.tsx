import { type ReactNode, useState } from 'react';
import { getRecord, type VersionedRecord } from '../api/edits.ts';
import type { ClaimRecord, InterventionRecord } from '../api/types.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { FormField } from '../components/FormField.tsx';
import { useI18n } from '../i18n/I18nContext.tsx';
import { ClaimEditor, InterventionEditor } from '../review/ClaimEditor.tsx';
import type { ClaimForm, InterventionForm } from '../review/reviewState.ts';
import { useLoad } from '../useLoad.ts';
import { ConflictNotice } from './ConflictNotice.tsx';
import { EditFormFooter } from './EditFormFooter.tsx';
import { HistoryPanel } from './HistoryPanel.tsx';
import { useUnsavedChangesGuard } from './useUnsavedChangesGuard.ts';
import { useVersionedSave } from './useVersionedSave.ts';

const orNull = (value: string) => (value.trim() === '' ? null : value.trim());

/** Edit and History toggles under one claim or intervention; `form` renders the edit form. */
function RecordControls({
  kind,
  id,
  form,
}: {
  kind: 'claim' | 'intervention';
  id: string;
  form: (done: (saved: boolean) => void) => ReactNode;
}) {
  const { t } = useI18n();
  const [open, setOpen] = useState<'none' | 'edit' | 'history'>('none');
  const [refresh, setRefresh] = useState(0);
  return (
    <div className="act-controls">
      <div className="button-row">
        <button
          type="button"
          aria-expanded={open === 'edit'}
          onClick={() => setOpen(open === 'edit' ? 'none' : 'edit')}
        >
          {t('edit.edit')}
        </button>
        <button
          type="button"
          aria-expanded={open === 'history'}
          onClick={() => setOpen(open === 'history' ? 'none' : 'history')}
        >
          {t('edit.history')}
        </button>
      </div>
      {open === 'edit'
        ? form((saved) => {
            setOpen(saved ? 'history' : 'none');
            if (saved) setRefresh((n) => n + 1);
          })
        : null}
      {open === 'history' ? <HistoryPanel kind={kind} id={id} refresh={refresh} /> : null}
    </div>
  );
}

/** Loads the stored record (for its version) before showing its form. */
function WithRecord({
  kind,
  id,
  children,
}: {
  kind: 'claim' | 'intervention';
  id: string;
  children: (record: VersionedRecord) => ReactNode;
}) {
  const { t } = useI18n();
  const { data, error } = useLoad(() => getRecord(kind, id), [kind, id]);
  if (error) return <ErrorMessage error={error} />;
  return data ? children(data) : <p>{t('app.loading')}</p>;
}

export function ClaimControls({ claim, onChanged }: { claim: ClaimRecord; onChanged: () => void }) {
  return (
    <RecordControls
      kind="claim"
      id={claim.id}
      form={(done) => (
        <WithRecord kind="claim" id={claim.id}>
          {(record) => (
            <ClaimEditForm
              record={record}
              initial={{ stance: claim.stance, actor: claim.actor?.name ?? '', text: claim.text }}
              onDone={(saved) => {
                done(saved);
                if (saved) onChanged();
              }}
            />
          )}
        </WithRecord>
      )}
    />
  );
}

function ClaimEditForm({
  record,
  initial,
  onDone,
}: {
  record: VersionedRecord;
  initial: ClaimForm;
  onDone: (saved: boolean) => void;
}) {
  const { t } = useI18n();
  const [form, setForm] = useState(initial);
  const [reason, setReason] = useState('');
  const { saving, error, theirs, dismissConflict, save } = useVersionedSave('claim', record.id);
  const [version, setVersion] = useState(record.version);
  const dirty = JSON.stringify(form) !== JSON.stringify(initial) || reason !== '';
  useUnsavedChangesGuard(dirty && !saving, t('edit.leave'));
  const patch = { stance: form.stance, actor: orNull(form.actor), text: form.text.trim() };
  const submit = async (onVersion: number) => {
    if (await save({ ...patch, reason: orNull(reason) }, onVersion)) onDone(true);
  };
  if (theirs)
    return (
      <ConflictNotice
        what={t('edit.aClaim')}
        theirs={theirs}
        yours={{ stance: patch.stance, text: patch.text }}
        onReload={() => onDone(false)}
        onReapply={() => {
          setVersion(theirs.version);
          dismissConflict();
          void submit(theirs.version);
        }}
      />
    );
  return (
    <form
      className="edit-form"
      aria-label={t('edit.editClaim')}
      onSubmit={(event) => {
        event.preventDefault();
        void submit(version);
      }}
    >
      <ClaimEditor form={form} onChange={setForm} />
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

interface InterventionFields extends InterventionForm {
  date: string;
  outcome: string;
}

export function InterventionControls({
  intervention,
  onChanged,
}: {
  intervention: InterventionRecord;
  onChanged: () => void;
}) {
  return (
    <RecordControls
      kind="intervention"
      id={intervention.id}
      form={(done) => (
        <WithRecord kind="intervention" id={intervention.id}>
          {(record) => (
            <InterventionEditForm
              record={record}
              initial={{
                type: intervention.type,
                actor: intervention.actor?.name ?? '',
                description: intervention.description ?? '',
                date: intervention.dateFrom ?? '',
                outcome: intervention.outcome ?? '',
              }}
              onDone={(saved) => {
                done(saved);
                if (saved) onChanged();
              }}
            />
          )}
        </WithRecord>
      )}
    />
  );
}

function InterventionEditForm({
  record,
  initial,
  onDone,
}: {
  record: VersionedRecord;
  initial: InterventionFields;
  onDone: (saved: boolean) => void;
}) {
  const { t } = useI18n();
  const [form, setForm] = useState(initial);
  const [reason, setReason] = useState('');
  const { saving, error, theirs, dismissConflict, save } = useVersionedSave('intervention', record.id);
  const [version, setVersion] = useState(record.version);
  const dirty = JSON.stringify(form) !== JSON.stringify(initial) || reason !== '';
  useUnsavedChangesGuard(dirty && !saving, t('edit.leave'));
  const patch = {
    type: form.type,
    actor: orNull(form.actor),
    description: form.description.trim(),
    date: orNull(form.date),
    outcome: orNull(form.outcome),
  };
  const submit = async (onVersion: number) => {
    if (await save({ ...patch, reason: orNull(reason) }, onVersion)) onDone(true);
  };
  if (theirs)
    return (
      <ConflictNotice
        what={t('edit.anIntervention')}
        theirs={theirs}
        yours={{
          type: patch.type,
          description: patch.description,
          dateFrom: patch.date,
          outcome: patch.outcome,
        }}
        onReload={() => onDone(false)}
        onReapply={() => {
          setVersion(theirs.version);
          dismissConflict();
          void submit(theirs.version);
        }}
      />
    );
  return (
    <form
      className="edit-form"
      aria-label={t('edit.editIntervention')}
      onSubmit={(event) => {
        event.preventDefault();
        void submit(version);
      }}
    >
      <InterventionEditor form={form} onChange={(next) => setForm({ ...form, ...next })} />
      <div className="field-row">
        <FormField label={t('field.date')}>
          {({ id }) => (
            <input
              id={id}
              type="date"
              value={form.date}
              onChange={(e) => setForm({ ...form, date: e.target.value })}
            />
          )}
        </FormField>
        <FormField label={t('edit.outcome')}>
          {({ id }) => (
            <input
              id={id}
              value={form.outcome}
              onChange={(e) => setForm({ ...form, outcome: e.target.value })}
            />
          )}
        </FormField>
      </div>
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
