import { FormField } from '../components/FormField.tsx';
import { useI18n } from '../i18n/I18nContext.tsx';
import { useVocabularyLabel } from '../vocabulary.tsx';
import type { ClaimForm, InterventionForm } from './reviewState.ts';

export function ClaimEditor({ form, onChange }: { form: ClaimForm; onChange: (form: ClaimForm) => void }) {
  const { t } = useI18n();
  const label = useVocabularyLabel();
  return (
    <div className="editor">
      <FormField label={t('field.stance')}>
        {({ id }) => (
          <select
            id={id}
            value={form.stance}
            onChange={(e) =>
              onChange({ ...form, stance: e.target.value === 'denies' ? 'denies' : 'asserts' })
            }
          >
            <option value="asserts">{label('claimStances', 'asserts')}</option>
            <option value="denies">{label('claimStances', 'denies')}</option>
          </select>
        )}
      </FormField>
      <FormField label={t('field.actor')}>
        {({ id }) => (
          <input id={id} value={form.actor} onChange={(e) => onChange({ ...form, actor: e.target.value })} />
        )}
      </FormField>
      <FormField label={t('field.claimText')}>
        {({ id }) => (
          <textarea
            id={id}
            rows={3}
            value={form.text}
            onChange={(e) => onChange({ ...form, text: e.target.value })}
          />
        )}
      </FormField>
    </div>
  );
}

export function InterventionEditor({
  form,
  onChange,
}: {
  form: InterventionForm;
  onChange: (form: InterventionForm) => void;
}) {
  const { t } = useI18n();
  const label = useVocabularyLabel();
  const codes = [
    'investigation',
    'evacuation',
    'asylum',
    'petition',
    'statement',
    'legal-action',
    'referral',
  ];
  return (
    <div className="editor">
      <FormField label={t('field.type')}>
        {({ id }) => (
          <select id={id} value={form.type} onChange={(e) => onChange({ ...form, type: e.target.value })}>
            {codes.map((code) => (
              <option key={code} value={code}>
                {label('interventionTypes', code)}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <FormField label={t('field.actor')}>
        {({ id }) => (
          <input id={id} value={form.actor} onChange={(e) => onChange({ ...form, actor: e.target.value })} />
        )}
      </FormField>
      <FormField label={t('field.description')}>
        {({ id }) => (
          <textarea
            id={id}
            rows={3}
            value={form.description}
            onChange={(e) => onChange({ ...form, description: e.target.value })}
          />
        )}
      </FormField>
    </div>
  );
}
