import { useState } from 'react';
import type { Incident } from '../api/types.ts';
import { FormField } from '../components/FormField.tsx';
import { useI18n } from '../i18n/I18nContext.tsx';
import { ConflictNotice } from './ConflictNotice.tsx';
import { EditFormFooter } from './EditFormFooter.tsx';
import { useUnsavedChangesGuard } from './useUnsavedChangesGuard.ts';
import { useVersionedSave } from './useVersionedSave.ts';

const tagList = (text: string) =>
  text
    .split(',')
    .map((tag) => tag.trim())
    .filter(Boolean);

/** Title, summary and tags of an incident, edited on the version shown. */
export function IncidentEditPanel({
  incident,
  onDone,
}: {
  incident: Incident;
  onDone: (saved: boolean) => void;
}) {
  const { t } = useI18n();
  const [version, setVersion] = useState(incident.version);
  const [title, setTitle] = useState(incident.title);
  const [summary, setSummary] = useState(incident.summary ?? '');
  const [tags, setTags] = useState(incident.tags.join(', '));
  const [reason, setReason] = useState('');
  const { saving, error, theirs, dismissConflict, save } = useVersionedSave('incident', incident.id);
  const yours = { title: title.trim(), summary, tags: tagList(tags) };
  const dirty =
    yours.title !== incident.title ||
    summary !== (incident.summary ?? '') ||
    tags !== incident.tags.join(', ');
  useUnsavedChangesGuard(dirty && !saving, t('edit.leave'));

  const submit = async (onVersion: number) => {
    if (await save({ ...yours, ...(reason.trim() ? { reason } : {}) }, onVersion)) onDone(true);
  };

  if (theirs)
    return (
      <ConflictNotice
        what={t('edit.anIncident')}
        theirs={theirs}
        yours={yours}
        onReload={() => {
          setVersion(theirs.version);
          setTitle(String(theirs.fields.title ?? ''));
          setSummary(String(theirs.fields.summary ?? ''));
          setTags(((theirs.fields.tags as string[] | undefined) ?? []).join(', '));
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
      aria-label={t('edit.editIncident')}
      onSubmit={(event) => {
        event.preventDefault();
        void submit(version);
      }}
    >
      <FormField label={t('field.title')}>
        {({ id }) => <input id={id} required value={title} onChange={(e) => setTitle(e.target.value)} />}
      </FormField>
      <FormField label={t('field.summary')}>
        {({ id }) => (
          <textarea id={id} rows={4} value={summary} onChange={(e) => setSummary(e.target.value)} />
        )}
      </FormField>
      <FormField label={t('edit.tags')} hint={t('edit.tagsHint')}>
        {({ id, describedBy }) => (
          <input
            id={id}
            aria-describedby={describedBy}
            value={tags}
            onChange={(e) => setTags(e.target.value)}
          />
        )}
      </FormField>
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
