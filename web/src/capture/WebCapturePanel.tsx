/** "Capture a web page": starts a capture job on the server and follows it step by step. */
import { type FormEvent, useEffect, useState } from 'react';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { FormField } from '../components/FormField.tsx';
import { useI18n } from '../i18n/I18nContext.tsx';
import { Link } from '../router.tsx';
import { type CaptureJob, getCaptureJob, startCapture } from './captureApi.ts';

const POLL_MS = 700;

export function WebCapturePanel() {
  const { t } = useI18n();
  const [url, setUrl] = useState('');
  const [job, setJob] = useState<CaptureJob | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const working = job !== null && (job.state === 'queued' || job.state === 'running');

  useEffect(() => {
    if (!job || !working) return;
    const timer = setTimeout(() => {
      getCaptureJob(job.id).then(setJob, (reason: unknown) =>
        setError(reason instanceof Error ? reason : new Error(String(reason))),
      );
    }, POLL_MS);
    return () => clearTimeout(timer);
  }, [job, working]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setJob(null);
    try {
      setJob(await startCapture(url.trim()));
    } catch (reason) {
      setError(reason instanceof Error ? reason : new Error(String(reason)));
    }
  };

  return (
    <section aria-labelledby="web-capture-heading" className="panel web-capture">
      <h2 id="web-capture-heading">{t('webCapture.heading')}</h2>
      <p className="hint">{t('webCapture.intro')}</p>
      <form onSubmit={(e) => void submit(e)}>
        <FormField label={t('webCapture.url')}>
          {({ id }) => (
            <input
              id={id}
              type="url"
              inputMode="url"
              required
              placeholder="https://"
              value={url}
              onChange={(e) => setUrl(e.target.value)}
            />
          )}
        </FormField>
        {error ? <ErrorMessage error={error} /> : null}
        <button type="submit" className="primary" disabled={working}>
          {t('webCapture.submit')}
        </button>
      </form>
      {job ? <CaptureJobStatus job={job} /> : null}
    </section>
  );
}

function CaptureJobStatus({ job }: { job: CaptureJob }) {
  const { t } = useI18n();
  if (job.state === 'failed')
    return (
      <p className="error" role="alert">
        {t('webCapture.failed', { reason: job.error ?? '' })}
      </p>
    );
  if (job.state === 'done' && job.sourceId)
    return (
      <div className="notice" role="status">
        <p>
          {job.duplicate ? t('webCapture.doneAgain') : t('webCapture.done')}{' '}
          {job.httpStatus !== null && job.httpStatus >= 400
            ? t('webCapture.errorStatus', { status: job.httpStatus })
            : null}
        </p>
        <p className="actions">
          <Link to={`/sources/${job.sourceId}`}>{t('webCapture.openSource')}</Link>
          <Link to={`/review/${job.sourceId}`}>{t('capture.review')}</Link>
        </p>
      </div>
    );
  return (
    <p role="status" aria-live="polite" className="progress-text">
      {job.state === 'queued' ? t('webCapture.queued') : t(`webCapture.step.${job.step ?? 'fetching'}`)}
    </p>
  );
}
