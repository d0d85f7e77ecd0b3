import { type FormEvent, useState } from 'react';
import { listIncidents } from '../api/client.ts';
import { createIncident } from '../api/edits.ts';
import { useCountryName } from '../components/CountryName.tsx';
import { DateRangeText } from '../components/DateRangeText.tsx';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { FormField } from '../components/FormField.tsx';
import { filterQuery, INCIDENT_FILTERS, IncidentFilterForm } from '../components/IncidentFilterForm.tsx';
import { Pager } from '../components/Pager.tsx';
import { StatusBadge } from '../components/StatusBadge.tsx';
import { useMayEdit } from '../edits/mayEdit.ts';
import { useI18n } from '../i18n/I18nContext.tsx';
import { Link, navigate } from '../router.tsx';
import { usePagedList } from '../usePagedList.ts';
import { usePageTitle } from '../usePageTitle.ts';
import { useVocabularyLabel } from '../vocabulary.tsx';

const query = (filters: Record<string, string>) => {
  const text = filterQuery(filters);
  return text ? `?${text}` : '';
};

/** The filters live in the URL, so a link reproduces the view (and the back button undoes a filter). */
const FILTERS = [...INCIDENT_FILTERS, 'area', 'sort'] as const;

export function IncidentsScreen() {
  const { t } = useI18n();
  usePageTitle(t('incidents.title'));
  const label = useVocabularyLabel();
  const countryName = useCountryName();
  const mayEdit = useMayEdit();
  const { filters, key, go, clear, data, error, pager } = usePagedList(
    '/incidents',
    FILTERS,
    (chosen, page) => listIncidents({ ...chosen, ...page }),
  );
  return (
    <>
      <div className="section-head">
        <h1>{t('incidents.title')}</h1>
        {mayEdit ? <NewIncident /> : null}
      </div>
      <IncidentFilterForm
        key={key}
        initial={filters}
        onApply={(next) => go({ ...next, area: '' })}
        onClear={clear}
      />
      {filters.area ? (
        <p className="notice" data-testid="area-filter">
          {t('stats.areaFilter')}{' '}
          <button type="button" className="link-button" onClick={() => go({ area: '' })}>
            {t('stats.areaClear')}
          </button>
        </p>
      ) : null}
      <p className="screen-links">
        <Link to={`/statistics${query(filters)}`}>{t('stats.countThese')}</Link>
        {' · '}
        <Link to={`/map${query(filters)}`}>{t('stats.mapThese')}</Link>
      </p>
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
      {pager ? <Pager {...pager} label={t('incidents.title')} /> : null}
    </>
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
