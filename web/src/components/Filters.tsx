import type { FormEvent, ReactNode } from 'react';
import { useI18n } from '../i18n/I18nContext.tsx';
import { LOCALE_NAMES, LOCALES } from '../i18n/locales.ts';
import { FormField } from './FormField.tsx';

/** The filter panel of a list: its fields, then Apply (to the URL) and Clear. */
export function FilterForm({
  onApply,
  onClear,
  children,
}: {
  onApply: () => void;
  onClear: () => void;
  children: ReactNode;
}) {
  const { t } = useI18n();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onApply();
  };
  return (
    <form className="filters panel" aria-label={t('incidents.filters')} onSubmit={submit}>
      {children}
      <div className="button-row">
        <button type="submit" className="primary">
          {t('incidents.apply')}
        </button>
        <button type="button" onClick={onClear}>
          {t('incidents.clear')}
        </button>
      </div>
    </form>
  );
}

interface FieldProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
}

/** A choice among `options`; `any` (when given) is the empty choice that filters nothing. */
export function SelectFilter({
  label,
  value,
  onChange,
  any,
  options,
}: FieldProps & { any?: string; options: Array<{ value: string; label: string }> }) {
  return (
    <FormField label={label}>
      {({ id }) => (
        <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
          {any !== undefined ? <option value="">{any}</option> : null}
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FormField>
  );
}

export function LanguageFilter({ value, onChange }: Omit<FieldProps, 'label'>) {
  const { t } = useI18n();
  return (
    <SelectFilter
      label={t('field.language')}
      value={value}
      onChange={onChange}
      any={t('incidents.anyLanguage')}
      options={LOCALES.map((code) => ({ value: code, label: LOCALE_NAMES[code] }))}
    />
  );
}

export function DateFilter({ label, value, onChange }: FieldProps) {
  return (
    <FormField label={label}>
      {({ id }) => <input id={id} type="date" value={value} onChange={(e) => onChange(e.target.value)} />}
    </FormField>
  );
}
