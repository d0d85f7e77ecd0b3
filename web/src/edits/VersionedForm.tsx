import { type ReactNode, useState } from 'react';
import type { RecordKind } from '../api/edits.ts';
import { useI18n } from '../i18n/I18nContext.tsx';
import { ConflictNotice } from './ConflictNotice.tsx';
import { EditFormFooter } from './EditFormFooter.tsx';
import { useUnsavedChangesGuard } from './useUnsavedChangesGuard.ts';
import { useVersionedSave } from './useVersionedSave.ts';

export interface VersionedFormProps<F> {
  kind: RecordKind;
  id: string;
  /** The version the form starts from: every save names the version it was made on. */
  version: number;
  initial: F;
  /** The form's accessible name, and how the conflict screen names the record ("this act"). */
  label: string;
  what: string;
  editor: (form: F, onChange: (form: F) => void) => ReactNode;
  /** The PATCH body (without version and reason). */
  toPatch: (form: F) => object;
  /** The form in the stored record's field names, to compare with someone else's version. */
  toFields: (form: F) => Record<string, unknown>;
  /** Their stored fields as a form, for "reload theirs". */
  fromFields: (fields: Record<string, unknown>) => F;
  onDone: (saved: boolean) => void;
}

/**
 * Any edit of a versioned record: the fields, a reason for the history, save on the version shown;
 * if someone else saved meanwhile, theirs and yours side by side instead of an overwrite. While
 * changed and unsaved, leaving the page asks first.
 */
export function VersionedForm<F>(props: VersionedFormProps<F>) {
  const { t } = useI18n();
  const [version, setVersion] = useState(props.version);
  const [base, setBase] = useState(props.initial);
  const [form, setForm] = useState(props.initial);
  const [reason, setReason] = useState('');
  const { saving, error, theirs, dismissConflict, save } = useVersionedSave(props.kind, props.id);
  const dirty = JSON.stringify(form) !== JSON.stringify(base) || reason !== '';
  useUnsavedChangesGuard(dirty && !saving, t('edit.leave'));
  const submit = async (onVersion: number) => {
    const patch = { ...props.toPatch(form), reason: reason.trim() || null };
    if (await save(patch, onVersion)) props.onDone(true);
  };

  if (theirs)
    return (
      <ConflictNotice
        what={props.what}
        theirs={theirs}
        yours={props.toFields(form)}
        onReload={() => {
          const reloaded = props.fromFields(theirs.fields);
          setVersion(theirs.version);
          setBase(reloaded);
          setForm(reloaded);
          dismissConflict();
        }}
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
      aria-label={props.label}
      onSubmit={(event) => {
        event.preventDefault();
        void submit(version);
      }}
    >
      {props.editor(form, setForm)}
      <EditFormFooter
        reason={reason}
        onReason={setReason}
        error={error}
        canSave={!saving && dirty}
        onCancel={() => props.onDone(false)}
      />
    </form>
  );
}
