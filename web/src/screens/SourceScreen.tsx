import { ApiError, getSource, originalUrl } from '../api/client.ts';
import { SourceCapturesPanel } from '../capture/SourceCapturesPanel.tsx';
import { useLanguageName } from '../components/CountryName.tsx';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { SealedBadge } from '../components/SealChoice.tsx';
import { ScanBeside, ScanFacts, useSourceScan } from '../components/SourceScan.tsx';
import { useI18n } from '../i18n/I18nContext.tsx';
import { Link } from '../router.tsx';
import { useLoad } from '../useLoad.ts';
import { usePageTitle } from '../usePageTitle.ts';

export function SourceScreen({ id }: { id: string }) {
  const { t, formatDate, formatDateTime } = useI18n();
  const languageName = useLanguageName();
  const { data: source, error } = useLoad(() => getSource(id), [id]);
  const scan = useSourceScan(id);
  usePageTitle(source ? (source.title ?? source.fileName ?? t('sources.title')) : null);
  // A sealed source the user may not read: a notice, nothing of its content (the server sent none).
  if (error instanceof ApiError && error.status === 403)
    return (
      <p className="notice" role="status" data-testid="sealed-notice">
        {t('sealed.notMember')}
      </p>
    );
  if (error) return <ErrorMessage error={error} />;
  if (!source) return <p>{t('app.loading')}</p>;
  return (
    <article aria-labelledby="source-title">
      <h1 id="source-title">
        {source.title ?? source.fileName ?? source.id.slice(0, 8)}{' '}
        {source.sealed ? <SealedBadge code={source.sealed.compartment} /> : null}
      </h1>
      {source.sealed ? (
        <p className="notice" data-testid="sealed-source">
          {t('sealed.inCompartment', { code: source.sealed.compartment })}. {t('sealed.readAudited')}
        </p>
      ) : null}
      <dl className="facts details">
        <dt>{t('source.sha256')}</dt>
        <dd>
          <code className="hash" data-testid="sha256">
            {source.sha256}
          </code>
        </dd>
        <dt>{t('field.language')}</dt>
        <dd>{languageName(source.language)}</dd>
        <dt>{t('source.capturedAt')}</dt>
        <dd>{formatDateTime(source.capturedAt)}</dd>
        {source.capturedBy ? (
          <>
            <dt>{t('source.capturedBy')}</dt>
            <dd>{source.capturedBy}</dd>
          </>
        ) : null}
        {source.publishedOn ? (
          <>
            <dt>{t('source.published')}</dt>
            <dd>{formatDate(source.publishedOn)}</dd>
          </>
        ) : null}
        {source.url ? (
          <>
            <dt>{t('source.url')}</dt>
            {/* Shown, not linked: opening it from here would tell the publisher who is looking. */}
            <dd className="url">{source.url}</dd>
          </>
        ) : null}
        {source.fileName ? (
          <>
            <dt>{t('source.fileName')}</dt>
            <dd>{source.fileName}</dd>
          </>
        ) : null}
        {source.mediaType ? (
          <>
            <dt>{t('source.mediaType')}</dt>
            <dd>{source.mediaType}</dd>
          </>
        ) : null}
        {source.byteSize !== null ? (
          <>
            <dt>{t('source.size')}</dt>
            <dd>{t('source.bytes', { count: source.byteSize })}</dd>
          </>
        ) : null}
      </dl>
      <p className="actions">
        <a href={originalUrl(source.id)} download>
          {t('source.original')}
        </a>
        {source.review?.incidentId ? (
          <Link to={`/incidents/${source.review.incidentId}`}>{t('review.openIncident')}</Link>
        ) : !source.review ? (
          <Link to={`/review/${source.id}`}>{t('capture.review')}</Link>
        ) : null}
        {source.review ? <Link to={`/review/${source.id}?also=1`}>{t('review.alsoInto')}</Link> : null}
      </p>
      <ScanFacts scan={scan} warnings={source.warnings} />
      <SourceCapturesPanel sourceId={source.id} />
      <section aria-labelledby="text-heading" className="panel">
        <h2 id="text-heading">{t('source.text')}</h2>
        {source.notDecoded ? (
          <p className="warning">{t('source.notDecoded', { reason: source.notDecoded })}</p>
        ) : null}
        <ScanBeside sourceId={source.id} scan={scan}>
          <div className="text-body" lang={source.language}>
            {source.text}
          </div>
        </ScanBeside>
      </section>
    </article>
  );
}
