/**
 * The fields of a person record as a form: the same inputs for a new record and for a correction.
 * Values are kept as typed text (lists one per line) until they are sent.
 */
import type { NewPerson } from '../api/casework.ts';
import { FormField } from '../components/FormField.tsx';
import { useI18n } from '../i18n/I18nContext.tsx';
import { lines } from './lines.ts';

const TEXT_FIELDS = ['name', 'birthDate', 'sex', 'genderIdentity', 'nationality', 'occupation'] as const;
const AREA_FIELDS = ['aliases', 'contacts', 'note', 'safety'] as const;

export type PersonFormValues = Record<string, string>;

/** The record as the API takes it: empty text as null, lists from one item per line. */
export function personFromValues(values: PersonFormValues): NewPerson {
  const value = (field: string) => values[field] ?? '';
  const optional = (field: string) => value(field).trim() || null;
  return {
    name: value('name').trim(),
    aliases: lines(value('aliases')),
    contacts: lines(value('contacts')),
    birthDate: optional('birthDate'),
    note: optional('note'),
    sex: optional('sex'),
    genderIdentity: optional('genderIdentity'),
    nationality: optional('nationality'),
    occupation: optional('occupation'),
    safety: optional('safety'),
  };
}

/** A stored record's fields as form text. */
export function valuesFromFields(fields: Record<string, unknown>): PersonFormValues {
  return Object.fromEntries(
    [...TEXT_FIELDS, ...AREA_FIELDS].map((field) => {
      const value = fields[field];
      return [field, Array.isArray(value) ? value.join('\n') : typeof value === 'string' ? value : ''];
    }),
  );
}

export function PersonFieldInputs({
  values,
  onChange,
}: {
  values: PersonFormValues;
  onChange: (field: string, value: string) => void;
}) {
  const { t } = useI18n();
  const value = (field: string) => values[field] ?? '';
  return (
    <>
      {TEXT_FIELDS.map((field) => (
        <FormField key={field} label={t(`personField.${field}`)}>
          {({ id }) => (
            <input
              id={id}
              name={field}
              type={field === 'birthDate' ? 'date' : 'text'}
              required={field === 'name'}
              value={value(field)}
              onChange={(e) => onChange(field, e.target.value)}
            />
          )}
        </FormField>
      ))}
      {AREA_FIELDS.map((field) => (
        <FormField
          key={field}
          label={t(`personField.${field}`)}
          hint={field === 'aliases' || field === 'contacts' ? t('persons.onePerLine') : undefined}
        >
          {({ id, describedBy }) => (
            <textarea
              id={id}
              name={field}
              rows={field === 'note' || field === 'safety' ? 4 : 2}
              aria-describedby={describedBy}
              value={value(field)}
              onChange={(e) => onChange(field, e.target.value)}
            />
          )}
        </FormField>
      ))}
    </>
  );
}
