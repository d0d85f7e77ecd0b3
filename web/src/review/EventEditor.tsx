import { FormField } from '../components/FormField.tsx';
import { useI18n } from '../i18n/I18nContext.tsx';
import { useVocabulary, useVocabularyLabel } from '../vocabulary.tsx';
import type { EventForm } from './reviewState.ts';

const PRECISIONS = ['day', 'week', 'month', 'quarter', 'year', 'decade'];

export function EventEditor({ form, onChange }: { form: EventForm; onChange: (form: EventForm) => void }) {
  const { t } = useI18n();
  const vocabulary = useVocabulary();
  const label = useVocabularyLabel();
  const set = (key: keyof EventForm) => (value: string) => onChange({ ...form, [key]: value });
  const types = vocabulary.eventTypes.length ? vocabulary.eventTypes.map((term) => term.code) : [form.type];
  return (
    <div className="editor">
      <FormField label={t('field.type')}>
        {({ id }) => (
          <select id={id} value={form.type} onChange={(e) => set('type')(e.target.value)}>
            {types.map((code) => (
              <option key={code} value={code}>
                {label('eventTypes', code)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <div className="field-row">
        <FormField label={t('field.victimsMin')}>
          {({ id }) => (
            <input
              id={id}
              type="number"
              min={0}
              value={form.min}
              onChange={(e) => set('min')(e.target.value)}
            />
          )}
        </FormField>
        <FormField label={t('field.victimsMax')}>
          {({ id }) => (
            <input
              id={id}
              type="number"
              min={0}
              value={form.max}
              onChange={(e) => set('max')(e.target.value)}
            />
          )}
        </FormField>
        <FormField label={t('field.group')}>
          {({ id }) => <input id={id} value={form.group} onChange={(e) => set('group')(e.target.value)} />}
        </FormField>
      </div>
      <div className="field-row">
        <FormField label={t('field.place')}>
          {({ id }) => <input id={id} value={form.place} onChange={(e) => set('place')(e.target.value)} />}
        </FormField>
        <FormField label={t('field.country')}>
          {({ id }) => (
            <input
              id={id}
              maxLength={2}
              pattern="[A-Za-z]{2}"
              value={form.country}
              onChange={(e) => set('country')(e.target.value)}
            />
          )}
        </FormField>
      </div>
      <div className="field-row">
        <FormField label={t('field.from')}>
          {({ id }) => (
            <input id={id} type="date" value={form.from} onChange={(e) => set('from')(e.target.value)} />
          )}
        </FormField>
        <FormField label={t('field.to')}>
          {({ id }) => (
            <input id={id} type="date" value={form.to} onChange={(e) => set('to')(e.target.value)} />
          )}
        </FormField>
        <FormField label={t('field.precision')}>
          {({ id }) => (
            <select id={id} value={form.precision} onChange={(e) => set('precision')(e.target.value)}>
              {PRECISIONS.map((p) => (
                <option key={p} value={p}>
                  {p}
                </option>
              ))}
            </select>
          )}
        </FormField>
      </div>
      <FormField label={t('field.perpetrators')}>
        {({ id }) => (
          <input id={id} value={form.perpetrators} onChange={(e) => set('perpetrators')(e.target.value)} />
        )}
      </FormField>
    </div>
  );
}
