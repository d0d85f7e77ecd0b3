import { getReviewQueue } from '../api/client.ts';
import { useLanguageName } from '../components/CountryName.tsx';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { Pager } from '../components/Pager.tsx';
import { useI18n } from '../i18n/I18nContext.tsx';
import { Link } from '../router.tsx';
import { usePagedList } from '../usePagedList.ts';
import { usePageTitle } from '../usePageTitle.ts';

/** The queue has no filters of its own (it is every unreviewed source, oldest first): only its page. */
const NO_FILTERS = [] as const;

/**
 * The queue's page travels to the review screen (`queue`), which returns to it after a review that
 * made no incident: the reviewer goes on where they were, not at the first page.
 */
export const reviewPath = (sourceId: string, queuePage: string) =>
  `/review/${sourceId}${queuePage ? `?${new URLSearchParams({ queue: queuePage })}` : ''}`;
export const queuePath = (queuePage: string) =>
  `/review${queuePage ? `?${new URLSearchParams({ after: queuePage })}` : ''}`;

export function ReviewQueueScreen() {
  const { t, formatDateTime } = useI18n();
  usePageTitle(t('review.queueTitle'));
  const languageName = useLanguageName();
  const { after, data, error, pager } = usePagedList('/review', NO_FILTERS, (_, page) =>
    getReviewQueue(page),
  );
  return (
    <>
      <h1>{t('review.queueTitle')}</h1>
      {error ? <ErrorMessage error={error} /> : null}
      {!data && !error ? <p>{t('app.loading')}</p> : null}
      {data && data.items.length === 0 ? <p>{t('review.queueEmpty')}</p> : null}
      <ul className="card-list review-queue">
        {data?.items.map((item) => (
          <li key={item.sourceId} className="card">
            <Link to={reviewPath(item.sourceId, after)}>{item.title ?? item.sourceId.slice(0, 8)}</Link>
            <p className="meta">
              {languageName(item.language)} · {formatDateTime(item.capturedAt)} ·{' '}
              {t('review.pending', {
                count: item.counts.events + item.counts.claims + item.counts.interventions,
              })}
            </p>
          </li>
        ))}
      </ul>
      {pager ? <Pager {...pager} label={t('review.queueTitle')} /> : null}
    </>
  );
}
