import { listIncidents } from '../api/client.ts';
import { useCountryName } from '../components/CountryName.tsx';
import { DateRangeText } from '../components/DateRangeText.tsx';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { StatusBadge } from '../components/StatusBadge.tsx';
import { useI18n } from '../i18n/I18nContext.tsx';
import { Link } from '../router.tsx';
import { useLoad } from '../useLoad.ts';
import { usePageTitle } from '../usePageTitle.ts';
import { useVocabularyLabel } from '../vocabulary.tsx';

export function IncidentsScreen() {
  const { t } = useI18n();
  usePageTitle(t('incidents.title'));
  const label = useVocabularyLabel();
  const countryName = useCountryName();
  const { data, error } = useLoad(() => listIncidents(), []);
  return (
    <>
      <h1>{t('incidents.title')}</h1>
      {error ? <ErrorMessage error={error} /> : null}
      {!data && !error ? <p>{t('app.loading')}</p> : null}
      {data && data.items.length === 0 ? <p>{t('incidents.empty')}</p> : null}
      <ul className="card-list">
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
    </>
  );
}
