import { listSources } from '../api/client.ts';
import { useLanguageName } from '../components/CountryName.tsx';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { useI18n } from '../i18n/I18nContext.tsx';
import { Link } from '../router.tsx';
import { useLoad } from '../useLoad.ts';
import { usePageTitle } from '../usePageTitle.ts';

export function SourcesScreen() {
  const { t, formatDateTime } = useI18n();
  usePageTitle(t('sources.title'));
  const languageName = useLanguageName();
  const { data, error } = useLoad(listSources, []);
  return (
    <>
      <h1>{t('sources.title')}</h1>
      {error ? <ErrorMessage error={error} /> : null}
      {!data && !error ? <p>{t('app.loading')}</p> : null}
      {data && data.items.length === 0 ? <p>{t('sources.empty')}</p> : null}
      <ul className="card-list">
        {data?.items.map((source) => (
          <li key={source.id} className="card">
            <div className="card-head">
              <Link to={`/sources/${source.id}`}>
                {source.title ?? source.fileName ?? source.id.slice(0, 8)}
              </Link>
              <span className={source.reviewed ? 'status status-verified' : 'status status-alleged'}>
                {source.reviewed ? t('review.reviewed') : t('review.notReviewed')}
              </span>
            </div>
            <p className="meta">
              {languageName(source.language)} · {formatDateTime(source.capturedAt)}
              {source.capturedBy ? ` · ${source.capturedBy}` : ''}
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}
