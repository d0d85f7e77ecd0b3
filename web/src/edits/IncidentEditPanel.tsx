import type { Incident } from '../api/types.ts';
import { FormField } from '../components/FormField.tsx';
import { useI18n } from '../i18n/I18nContext.tsx';
import { VersionedForm } from './VersionedForm.tsx';

interface IncidentForm {
  title: string;
  summary: string;
  tags: string;
}

const fromFields = (fields: Record<string, unknown>): IncidentForm => ({
  title: String(fields.title ?? ''),
  summary: String(fields.summary ?? ''),
  tags: ((fields.tags as string[] | undefined) ?? []).join(', '),
});

const toFields = (form: IncidentForm) => ({
  title: form.title.trim(),
  summary: form.summary,
  tags: form.tags
    .split(',')
    .map((tag) => tag.trim())
    .filter(Boolean),
});

/** Title, summary and tags of an incident, edited on the version shown. */
export function IncidentEditPanel({
  incident,
  onDone,
}: {
  incident: Incident;
  onDone: (saved: boolean) => void;
}) {
  const { t } = useI18n();
  return (
    <VersionedForm
      kind="incident"
      id={incident.id}
      version={incident.version}
      initial={fromFields({ ...incident })}
      label={t('edit.editIncident')}
      what={t('edit.anIncident')}
      editor={(form, onChange) => (
        <>
          <FormField label={t('field.title')}>
            {({ id }) => (
              <input
                id={id}
                required
                value={form.title}
                onChange={(e) => onChange({ ...form, title: e.target.value })}
              />
            )}
          </FormField>
          <FormField label={t('field.summary')}>
            {({ id }) => (
              <textarea
                id={id}
                rows={4}
                value={form.summary}
                onChange={(e) => onChange({ ...form, summary: e.target.value })}
              />
            )}
          </FormField>
          <FormField label={t('edit.tags')} hint={t('edit.tagsHint')}>
            {({ id, describedBy }) => (
              <input
                id={id}
                aria-describedby={describedBy}
                value={form.tags}
                onChange={(e) => onChange({ ...form, tags: e.target.value })}
              />
            )}
          </FormField>
        </>
      )}
      toPatch={toFields}
      toFields={toFields}
      fromFields={fromFields}
      onDone={onDone}
    />
  );
}
