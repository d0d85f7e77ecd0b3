/**
 * On a source's page: its trusted timestamp and, for a captured web page, each capture with its
 * metadata (URLs, redirects, HTTP status, time, who, browser) and every preserved file to download.
 */
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { useI18n } from '../i18n/I18nContext.tsx';
import { useLoad } from '../useLoad.ts';
import {
  type CaptureFileRole,
  captureFileUrl,
  getSourceCaptures,
  type OriginalTimestamp,
  type SourceCaptures,
  timestampTokenUrl,
} from './captureApi.ts';

export function SourceCapturesPanel({ sourceId }: { sourceId: string }) {
  const { data, error } = useLoad(() => getSourceCaptures(sourceId), [sourceId]);
  if (error) return <ErrorMessage error={error} />;
  if (!data) return null;
  return (
    <>
      <OriginalTimestampFacts sourceId={sourceId} original={data.original} />
      {data.captures.map((capture) => (
        <CaptureSection key={capture.id} sourceId={sourceId} capture={capture} />
      ))}
    </>
  );
}

function OriginalTimestampFacts({
  sourceId,
  original,
}: {
  sourceId: string;
  original: SourceCaptures['original'];
}) {
  const { t } = useI18n();
  if (!original.timestamp) return null;
  return (
    <dl className="facts details" data-testid="original-timestamp">
      <dt>{t('timestamp.label')}</dt>
      <dd>
        <TimestampText sourceId={sourceId} sha256={original.sha256} timestamp={original.timestamp} />
      </dd>
    </dl>
  );
}

function TimestampText({
  sourceId,
  sha256,
  timestamp,
}: {
  sourceId: string;
  sha256: string;
  timestamp: OriginalTimestamp | null;
}) {
  const { t, formatDateTime } = useI18n();
  if (!timestamp) return <>{t('timestamp.none')}</>;
  if (timestamp.status === 'pending')
    return <span className="warning">{t('timestamp.pending', { count: timestamp.attempts })}</span>;
  return (
    <>
      {t('timestamp.stamped', {
        time: formatDateTime(timestamp.time ?? ''),
        authority: timestamp.authority ?? '',
      })}{' '}
      <a href={timestampTokenUrl(sourceId, sha256)} download>
        {t('timestamp.token')}
      </a>
    </>
  );
}

function CaptureSection({
  sourceId,
  capture,
}: {
  sourceId: string;
  capture: SourceCaptures['captures'][number];
}) {
  const { t, formatDateTime } = useI18n();
  const headingId = `capture-${capture.id}`;
  return (
    <section aria-labelledby={headingId} className="panel" data-testid="capture">
      <h2 id={headingId}>{t('webCapture.captureHeading', { time: formatDateTime(capture.capturedAt) })}</h2>
      <dl className="facts details">
        <dt>{t('webCapture.status')}</dt>
        <dd className={capture.httpStatus >= 400 ? 'warning' : undefined}>
          {capture.httpStatus >= 400
            ? t('webCapture.errorStatus', { status: capture.httpStatus })
            : `HTTP ${capture.httpStatus}`}
        </dd>
        <dt>{t('webCapture.requestedUrl')}</dt>
        {/* Shown, not linked: opening it from here would tell the publisher who is looking. */}
        <dd className="url">{capture.requestedUrl}</dd>
        {capture.redirects.length > 0 ? (
          <>
            <dt>{t('webCapture.redirects')}</dt>
            <dd>
              <ol>
                {capture.redirects.map((hop) => (
                  <li key={hop.url} className="url">
                    {hop.status} → {hop.location}
                  </li>
                ))}
              </ol>
            </dd>
          </>
        ) : null}
        <dt>{t('webCapture.finalUrl')}</dt>
        <dd className="url">{capture.finalUrl}</dd>
        <dt>{t('source.capturedBy')}</dt>
        <dd>{capture.capturedBy}</dd>
        <dt>{t('webCapture.browser')}</dt>
        <dd>{capture.browserVersion}</dd>
      </dl>
      {capture.warnings.length > 0 ? (
        <ul className="warning">
          {capture.warnings.map((warning) => (
            <li key={warning}>{warning}</li>
          ))}
        </ul>
      ) : null}
      <table className="data-table capture-files" data-testid="capture-files">
        <caption>{t('webCapture.files')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('webCapture.file')}</th>
            <th scope="col">{t('source.sha256')}</th>
            <th scope="col">{t('source.size')}</th>
            <th scope="col">{t('timestamp.label')}</th>
          </tr>
        </thead>
        <tbody>
          {capture.files.map((file) => (
            <tr key={file.role}>
              <td>
                <a href={captureFileUrl(sourceId, file.sha256)} download>
                  {t(ROLE_KEYS[file.role])}
                </a>
              </td>
              <td>
                <code className="hash">{file.sha256}</code>
              </td>
              <td className="size">{t('source.bytes', { count: file.byteSize })}</td>
              <td>
                <TimestampText sourceId={sourceId} sha256={file.sha256} timestamp={file.timestamp} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

const ROLE_KEYS = {
  document: 'webCapture.role.document',
  headers: 'webCapture.role.headers',
  screenshot: 'webCapture.role.screenshot',
  pdf: 'webCapture.role.pdf',
  mhtml: 'webCapture.role.mhtml',
} as const satisfies Record<CaptureFileRole, string>;
