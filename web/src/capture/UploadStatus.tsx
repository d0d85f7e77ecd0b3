/**
 * One file of the upload list, from its bytes leaving the browser to its source: uploading (with
 * progress), then preserved and queued, processing (OCR and extraction on a worker), and done with
 * links to the source, or the job's reason for failing. A sealed file is ingested in its request and
 * shows its result at once.
 */
import type { CaptureResult, Job } from '../api/types.ts';
import { CaptureResultNotice } from '../components/CaptureResultNotice.tsx';
import { useErrorText } from '../components/ErrorMessage.tsx';
import { useI18n } from '../i18n/I18nContext.tsx';
import { Link } from '../router.tsx';

export interface Upload {
  key: string;
  name: string;
  /** Fraction of the bytes sent. */
  progress: number;
  /** Once the server has preserved the original. */
  sha256: string | null;
  /** The job reading it, as last seen (null until the first answer). */
  job: Job | null;
  /** The source these bytes are: a finished job's, or an existing one's. */
  source: { id: string; duplicate: boolean; notDecoded: boolean } | null;
  /** A sealed file's result (ingested in its request). */
  sealed: CaptureResult | null;
  /** The upload, or following its job, failed. */
  error: unknown;
}

export function UploadStatus({ upload }: { upload: Upload }) {
  const { t } = useI18n();
  if (upload.sealed) return <CaptureResultNotice result={upload.sealed} />;
  if (upload.error) return <UploadFailure name={upload.name} error={upload.error} />;
  if (upload.source) return <SourceNotice name={upload.name} source={upload.source} />;
  const { job } = upload;
  if (job && (job.state === 'failed' || job.state === 'cancelled'))
    return (
      <>
        <div className="error" role="alert">
          <p>{t('capture.jobFailed', { name: upload.name })}</p>
          {job.error ? (
            <p className="error-detail" lang="en" data-testid="job-error">
              {job.error}
            </p>
          ) : null}
        </div>
        <p className="hint">{t('capture.originalKept')}</p>
      </>
    );
  if (upload.sha256) return <JobSteps name={upload.name} job={job} />;
  return (
    <>
      <span>{t('capture.uploading', { name: upload.name })}</span>
      <progress max={1} value={upload.progress} aria-label={t('capture.progress')} />
    </>
  );
}

const STEPS = ['uploaded', 'queued', 'processing', 'done'] as const;

/** Where a preserved file is on its way: uploaded ✓, queued, processing, done. */
function JobSteps({ name, job }: { name: string; job: Job | null }) {
  const { t } = useI18n();
  const processing = job?.state === 'running' || job?.state === 'retrying';
  const current = processing ? 2 : 1;
  return (
    // Announced as it changes (not a status role: the final notice is the status).
    <div data-testid="upload-job" aria-live="polite">
      <p>{t(processing ? 'capture.jobProcessing' : 'capture.jobQueued', { name })}</p>
      <ol className="upload-steps">
        {STEPS.map((step, index) => (
          <li
            key={step}
            className={index < current ? 'step-done' : index === current ? 'step-current' : undefined}
            aria-current={index === current ? 'step' : undefined}
          >
            {t(`capture.step.${step}`)}
          </li>
        ))}
      </ol>
      {job?.state === 'retrying' ? (
        <p className="hint">
          {t('capture.jobRetrying', { attempt: job.retries + 1 })} <span lang="en">{job.error}</span>
        </p>
      ) : null}
    </div>
  );
}

function SourceNotice({ name, source }: { name: string; source: NonNullable<Upload['source']> }) {
  const { t } = useI18n();
  return (
    <div className="notice" role="status">
      {source.duplicate ? t('capture.duplicate', { title: name }) : t('capture.saved', { title: name })}{' '}
      {source.notDecoded ? t('capture.notDecoded') : null}{' '}
      <Link to={`/sources/${source.id}`}>{t('capture.openSource')}</Link>{' '}
      <Link to={`/review/${source.id}`}>{t('capture.review')}</Link>
    </div>
  );
}

function UploadFailure({ name, error }: { name: string; error: unknown }) {
  const { t } = useI18n();
  const { text, detail } = useErrorText()(error);
  return (
    <p className="error" role="alert">
      {t('capture.failed', { name, message: text })}
      {detail && (
        <>
          {' '}
          <span className="error-detail" lang="en">
            {detail}
          </span>
        </>
      )}
    </p>
  );
}
