import { getReviewQueue } from '../api/client.ts';
import { useLanguageName } from '../components/CountryName.tsx';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { useI18n } from '../i18n/I18nContext.tsx';
import { Link } from '../router.tsx';
import { useLoad } from '../useLoad.ts';
import { usePageTitle } from '../usePageTitle.ts';

export function ReviewQueueScreen() {
  const { t, formatDateTime } = useI18n();
  usePageTitle(t('review.queueTitle'));
  const languageName = useLanguageName();
  const { data, error } = useLoad(getReviewQueue, []);
  return (
    <>
      <h1>{t('review.queueTitle')}</h1>
      {error ? <ErrorMessage error={error} /> : null}
      {!data && !error ? <p>{t('app.loading')}</p> : null}
      {data && data.items.length === 0 ? <p>{t('review.queueEmpty')}</p> : null}
      <ul className="card-list">
        {data?.items.map((item) => (
          <li key={item.sourceId} className="card">
            <Link to={`/review/${item.sourceId}`}>{item.title ?? item.sourceId.slice(0, 8)}</Link>
            <p className="meta">
              {languageName(item.language)} · {formatDateTime(item.capturedAt)} ·{' '}
              {t('review.pending', {
                count: item.counts.events + item.counts.claims + item.counts.interventions,
              })}
            </p>
          </li>
        ))}
      </ul>
    </>
  );
}
