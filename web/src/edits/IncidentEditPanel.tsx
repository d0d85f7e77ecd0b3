import { useState } from 'react';
import { updateIncident } from '../api/client.ts';
import { conflictOf, type VersionedRecord } from '../api/edits.ts';
import type { Incident } from '../api/types.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { FormField } from '../components/FormField.tsx';
import { useI18n } from '../i18n/I18nContext.tsx';
import { ConflictNotice } from './ConflictNotice.tsx';
import { useUnsavedChangesGuard } from './useUnsavedChangesGuard.ts';

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
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const [theirs, setTheirs] = useState<VersionedRecord | null>(null);
  const yours = { title: title.trim(), summary, tags: tagList(tags) };
  const dirty =
    yours.title !== incident.title ||
    summary !== (incident.summary ?? '') ||
    tags !== incident.tags.join(', ');
  useUnsavedChangesGuard(dirty && !saving, t('edit.leave'));

  const save = async (onVersion: number) => {
    setSaving(true);
    setError(null);
    try {
      await updateIncident(incident.id, {
        ...yours,
        version: onVersion,
        ...(reason.trim() ? { reason } : {}),
      });
      onDone(true);
    } catch (failure) {
      const current = conflictOf(failure);
      if (current) setTheirs(current);
      else setError(failure instanceof Error ? failure : new Error(String(failure)));
      setSaving(false);
    }
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
          setTheirs(null);
        }}
        onReapply={() => {
          setVersion(theirs.version);
          setTheirs(null);
          void save(theirs.version);
        }}
      />
    );

  return (
    <form
      className="edit-form"
      aria-label={t('edit.editIncident')}
      onSubmit={(event) => {
        event.preventDefault();
        void save(version);
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
