import { type FormEvent, useState } from 'react';
import { listIncidents } from '../api/client.ts';
import { createIncident } from '../api/edits.ts';
import { INCIDENT_STATUSES } from '../api/types.ts';
import { useCountryName } from '../components/CountryName.tsx';
import { DateRangeText } from '../components/DateRangeText.tsx';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { DateFilter, FilterForm, LanguageFilter, SelectFilter } from '../components/Filters.tsx';
import { FormField } from '../components/FormField.tsx';
import { Pager } from '../components/Pager.tsx';
import { StatusBadge } from '../components/StatusBadge.tsx';
import { useMayEdit } from '../edits/mayEdit.ts';
import { useI18n } from '../i18n/I18nContext.tsx';
import { Link, navigate } from '../router.tsx';
import { useLoad } from '../useLoad.ts';
import { usePageTitle } from '../usePageTitle.ts';
import { useUrlFilters } from '../useUrlFilters.ts';
import { useVocabulary, useVocabularyLabel } from '../vocabulary.tsx';

/** The filters live in the URL, so a link reproduces the view (and the back button undoes a filter). */
const FILTERS = ['type', 'status', 'country', 'from', 'to', 'language', 'tag', 'sort'] as const;
type Filter = (typeof FILTERS)[number];
const SORTS = ['date', 'date-asc', 'updated', 'title'] as const;
const PAGE_SIZE = 25;

export function IncidentsScreen() {
  const { t } = useI18n();
  usePageTitle(t('incidents.title'));
  const label = useVocabularyLabel();
  const countryName = useCountryName();
  const mayEdit = useMayEdit();
  const { filters, offset, key, go, clear } = useUrlFilters('/incidents', FILTERS);
  const { data, error } = useLoad(
    () => listIncidents({ ...filters, limit: String(PAGE_SIZE), offset: String(offset) }),
    [key],
  );
  return (
    <>
      <div className="section-head">
        <h1>{t('incidents.title')}</h1>
        {mayEdit ? <NewIncident /> : null}
      </div>
      <IncidentFilters key={key} initial={filters} onApply={go} onClear={clear} />
      {error ? <ErrorMessage error={error} /> : null}
      {!data && !error ? <p>{t('app.loading')}</p> : null}
      {data && data.items.length === 0 ? <p>{t('incidents.empty')}</p> : null}
      <ul className="card-list incident-list">
        {data?.items.map((incident) => (
          <li key={incident.id} className="card">
            <div className="card-head">
              <Link to={`/incidents/${incident.id}`}>{incident.title}</Link>
              <StatusBadge status={incident.status} />
            </div>
            <p className="meta">
              {incident.types.map((type) => label('eventTypes', type)).join(', ')}
              {incident.placeName || incident.country
                ? ` · ${[incident.placeName, incident.country ? countryName(incident.country) : null].filter(Boolean).join(', ')}`
                : ''}
              {' · '}
              <DateRangeText
                from={incident.dateFrom}
                to={incident.dateTo}
                precision={incident.datePrecision}
              />
            </p>
          </li>
        ))}
      </ul>
      {data ? (
        <Pager
          total={data.total}
          offset={offset}
          shown={data.items.length}
          pageSize={PAGE_SIZE}
          label={t('incidents.title')}
          onOffset={(next) => go({ offset: String(next) })}
        />
      ) : null}
    </>
  );
}

function IncidentFilters({
  initial,
  onApply,
  onClear,
}: {
  initial: Record<Filter, string>;
  onApply: (filters: Record<Filter, string>) => void;
  onClear: () => void;
}) {
  const { t } = useI18n();
  const vocabulary = useVocabulary();
  const label = useVocabularyLabel();
  const [form, setForm] = useState(initial);
  const set = (name: Filter) => (value: string) => setForm((f) => ({ ...f, [name]: value }));
  return (
    <FilterForm
      onApply={() => onApply({ ...form, country: form.country.trim().toUpperCase(), tag: form.tag.trim() })}
      onClear={onClear}
    >
      <div className="field-row">
        <SelectFilter
          label={t('field.type')}
          value={form.type}
          onChange={set('type')}
          any={t('incidents.anyType')}
          options={vocabulary.eventTypes.map((term) => ({
            value: term.code,
            label: label('eventTypes', term.code),
          }))}
        />
        <SelectFilter
          label={t('field.status')}
          value={form.status}
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
              value={form.country}
              onChange={(e) => set('country')(e.target.value)}
            />
          )}
        </FormField>
        <LanguageFilter value={form.language} onChange={set('language')} />
      </div>
      <div className="field-row">
        <DateFilter label={t('field.from')} value={form.from} onChange={set('from')} />
        <DateFilter label={t('field.to')} value={form.to} onChange={set('to')} />
        <FormField label={t('edit.tags')}>
          {({ id }) => <input id={id} value={form.tag} onChange={(e) => set('tag')(e.target.value)} />}
        </FormField>
        <SelectFilter
          label={t('incidents.sort')}
          value={form.sort || 'date'}
          onChange={set('sort')}
          options={SORTS.map((sort) => ({ value: sort, label: t(`incidents.sort.${sort}`) }))}
        />
      </div>
    </FilterForm>
  );
}

/** An incident created by hand: a title is enough; acts and sources come after. */
function NewIncident() {
  const { t } = useI18n();
  const [open, setOpen] = useState(false);
  const [title, setTitle] = useState('');
  const [error, setError] = useState<Error | null>(null);
  const create = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      const { id } = await createIncident({ title: title.trim() });
      navigate(`/incidents/${id}`);
    } catch (failure) {
      setError(failure instanceof Error ? failure : new Error(String(failure)));
    }
  };
  if (!open)
    return (
      <button type="button" onClick={() => setOpen(true)}>
        {t('incidents.new')}
      </button>
    );
  return (
    <form className="edit-form" aria-label={t('incidents.new')} onSubmit={(e) => void create(e)}>
      <FormField label={t('field.title')}>
        {({ id }) => <input id={id} required value={title} onChange={(e) => setTitle(e.target.value)} />}
      </FormField>
      {error ? <ErrorMessage error={error} /> : null}
      <div className="button-row">
        <button type="submit" className="primary">
          {t('incidents.create')}
        </button>
        <button type="button" onClick={() => setOpen(false)}>
          {t('edit.cancel')}
        </button>
      </div>
    </form>
  );
}
