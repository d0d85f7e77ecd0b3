import { useState } from 'react';
import { INCIDENT_STATUSES } from '../api/types.ts';
import { useI18n } from '../i18n/I18nContext.tsx';
import { useVocabulary, useVocabularyLabel } from '../vocabulary.tsx';
import { DateFilter, FilterForm, LanguageFilter, SelectFilter } from './Filters.tsx';
import { FormField } from './FormField.tsx';

/**
 * The incident filters, under the same URL names on every screen that takes them (incidents,
 * search, statistics, map), so a filtered view carries over from one to the next.
 */
export const INCIDENT_FILTERS = ['type', 'status', 'country', 'from', 'to', 'language', 'tag'] as const;
export type IncidentFilter = (typeof INCIDENT_FILTERS)[number];

/** The filters of `values` that are set, as URL query text ('' when none). */
export function filterQuery(
  values: Partial<Record<string, string>>,
  names: readonly string[] = INCIDENT_FILTERS,
) {
  const params = new URLSearchParams();
  for (const name of names) if (values[name]) params.set(name, values[name]);
  return params.toString();
}

const SORTS = ['date', 'date-asc', 'updated', 'title'] as const;

/** The filter panel of the incident list, the statistics page and the map (`sort` only for the list). */
export function IncidentFilterForm<N extends string>({
  initial,
  onApply,
  onClear,
}: {
  initial: Record<N, string>;
  onApply: (filters: Record<N, string>) => void;
  onClear: () => void;
}) {
  const { t } = useI18n();
  const vocabulary = useVocabulary();
  const label = useVocabularyLabel();
  const [form, setForm] = useState<Record<string, string>>(initial);
  const set = (name: IncidentFilter | 'sort') => (value: string) => setForm((f) => ({ ...f, [name]: value }));
  const apply = () =>
    onApply({
      ...form,
      country: (form.country ?? '').trim().toUpperCase(),
      tag: (form.tag ?? '').trim(),
    } as Record<N, string>);
  return (
    <FilterForm onApply={apply} onClear={onClear}>
      <div className="field-row">
        <SelectFilter
          label={t('field.type')}
          value={form.type ?? ''}
          onChange={set('type')}
          any={t('incidents.anyType')}
          options={vocabulary.eventTypes.map((term) => ({
            value: term.code,
            label: label('eventTypes', term.code),
          }))}
        />
        <SelectFilter
          label={t('field.status')}
          value={form.status ?? ''}
          onChange={set('status')}
          any={t('incidents.anyStatus')}
          options={INCIDENT_STATUSES.map((status) => ({ value: status, label: t(`status.${status}`) }))}
        />
        <FormField label={t('field.country')}>
          {({ id }) => (
            <input
              id={id}
              maxLength={2}
              size={3}
              value={form.country ?? ''}
              onChange={(e) => set('country')(e.target.value)}
            />
          )}
        </FormField>
        <LanguageFilter value={form.language ?? ''} onChange={set('language')} />
      </div>
      <div className="field-row">
        <DateFilter label={t('field.from')} value={form.from ?? ''} onChange={set('from')} />
        <DateFilter label={t('field.to')} value={form.to ?? ''} onChange={set('to')} />
        <FormField label={t('edit.tags')}>
          {({ id }) => <input id={id} value={form.tag ?? ''} onChange={(e) => set('tag')(e.target.value)} />}
        </FormField>
        {'sort' in initial ? (
          <SelectFilter
            label={t('incidents.sort')}
            value={form.sort || 'date'}
            onChange={set('sort')}
            options={SORTS.map((sort) => ({ value: sort, label: t(`incidents.sort.${sort}`) }))}
          />
        ) : null}
      </div>
    </FilterForm>
  );
}
