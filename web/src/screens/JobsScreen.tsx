/**
 * The background job queue for administrators (GET /api/jobs, 'jobs.manage'): the processes taking
 * jobs with their last heartbeat, the jobs per kind and state, and the jobs that failed on every
 * attempt with the reason in words and a retry (audited on the server). Refreshed every 10 s, so a
 * worker that dies drops out of the list and its job shows as retried without a reload.
 */
import { useEffect, useState } from 'react';
import { jobQueueStatus, listUsers, retryJob } from '../api/client.ts';
import type { QueueStatus } from '../api/types.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import type { MessageKey } from '../i18n/catalogue.ts';
import { useI18n } from '../i18n/I18nContext.tsx';
import { useAction } from '../useAction.ts';
import { useLoad } from '../useLoad.ts';
import { usePageTitle } from '../usePageTitle.ts';

type Kind = QueueStatus['counts'][number]['kind'];
type State = QueueStatus['counts'][number]['state'];

const KINDS: readonly Kind[] = ['ingest', 'capture', 'timestamp'];
const STATES: readonly State[] = ['queued', 'running', 'retrying', 'done', 'failed', 'cancelled'];
const REFRESH_MS = 10_000;

const kindLabel = (kind: Kind): MessageKey => `jobs.kind.${kind}`;
const stateLabel = (state: State): MessageKey => `jobs.state.${state}`;

export function JobsScreen() {
  const { t, formatDateTime, formatNumber } = useI18n();
  usePageTitle(t('jobs.title'));
  const status = useLoad(jobQueueStatus, []);
  // Requesters are account ids (or an operating-system user for `attest ingest --queue`): shown by email.
  const users = useLoad(listUsers, []);
  const requester = (id: string | null) =>
    id === null ? '' : (users.data?.items.find((user) => user.id === id)?.email ?? id);
  const { error, busy, run } = useAction();
  const [retried, setRetried] = useState<string | null>(null);
  const { reload } = status;

  useEffect(() => {
    const timer = setInterval(reload, REFRESH_MS);
    return () => clearInterval(timer);
  }, [reload]);

  const retry = (id: string) =>
    run(async () => {
      await retryJob(id);
      setRetried(id);
      reload();
    });

  const queue = status.data;
  const count = (kind: Kind, state: State) =>
    queue?.counts.find((row) => row.kind === kind && row.state === state)?.jobs ?? 0;
  const kindsWithJobs = KINDS.filter((kind) => STATES.some((state) => count(kind, state) > 0));

  return (
    <>
      <h1>{t('jobs.title')}</h1>
      {queue ? (
        <p>
          {queue.engine === 'postgres'
            ? t('jobs.introPostgres', { grace: String(queue.graceSeconds ?? '') })
            : t('jobs.introInProcess')}
        </p>
      ) : null}
      <button type="button" onClick={reload}>
        {t('jobs.refresh')}
      </button>
      {status.error ? <ErrorMessage error={status.error} /> : null}
      {error ? <ErrorMessage error={error} /> : null}
      {retried ? (
        <p role="status" className="notice">
          {t('jobs.retried')}
        </p>
      ) : null}

      <section className="jobs-section" aria-labelledby="jobs-processes">
        <h2 id="jobs-processes">{t('jobs.processes')}</h2>
        {queue && queue.processes.length === 0 ? <p>{t('jobs.noProcesses')}</p> : null}
        {queue && queue.processes.length > 0 ? (
          <div className="table-scroll">
            <table className="data-table admin-table" data-testid="job-processes">
              <thead>
                <tr>
                  <th scope="col">{t('jobs.host')}</th>
                  <th scope="col">{t('jobs.pid')}</th>
                  <th scope="col">{t('jobs.started')}</th>
                  <th scope="col">{t('jobs.heartbeat')}</th>
                  <th scope="col">{t('jobs.held')}</th>
                </tr>
              </thead>
              <tbody>
                {queue.processes.map((process) => (
                  <tr key={`${process.host}:${process.pid}:${process.startedAt}`}>
                    <td className="mono">{process.host}</td>
                    <td className="mono">{process.pid}</td>
                    <td>{formatDateTime(process.startedAt)}</td>
                    <td>{formatDateTime(process.heartbeatAt)}</td>
                    <td>{formatNumber(process.jobsHeld)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>

      <section className="jobs-section" aria-labelledby="jobs-counts">
        <h2 id="jobs-counts">{t('jobs.counts')}</h2>
        {queue && kindsWithJobs.length === 0 ? <p>{t('jobs.noJobs')}</p> : null}
        {queue && kindsWithJobs.length > 0 ? (
          <div className="table-scroll">
            <table className="data-table admin-table" data-testid="job-counts">
              <thead>
                <tr>
                  <th scope="col">{t('jobs.kind')}</th>
                  {STATES.map((state) => (
                    <th scope="col" key={state}>
                      {t(stateLabel(state))}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {kindsWithJobs.map((kind) => (
                  <tr key={kind}>
                    <th scope="row">{t(kindLabel(kind))}</th>
                    {STATES.map((state) => (
                      <td key={state}>{formatNumber(count(kind, state))}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>

      <section className="jobs-section" aria-labelledby="jobs-failed">
        <h2 id="jobs-failed">{t('jobs.failed')}</h2>
        <p className="hint">{t('jobs.failedHint')}</p>
        {queue && queue.deadLetters.length === 0 ? <p>{t('jobs.noFailed')}</p> : null}
        {queue && queue.deadLetters.length > 0 ? (
          <div className="table-scroll">
            <table className="data-table admin-table" data-testid="failed-jobs">
              <thead>
                <tr>
                  <th scope="col">{t('jobs.kind')}</th>
                  <th scope="col">{t('jobs.when')}</th>
                  <th scope="col">{t('jobs.attempts')}</th>
                  <th scope="col">{t('jobs.requestedBy')}</th>
                  <th scope="col">{t('jobs.reason')}</th>
                  <th scope="col">{t('jobs.job')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('jobs.retry')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {queue.deadLetters.map((job) => (
                  <tr key={job.id}>
                    <td>{t(kindLabel(job.kind))}</td>
                    <td>{job.finishedAt ? formatDateTime(job.finishedAt) : ''}</td>
                    <td>{formatNumber(job.retries + 1)}</td>
                    <td>{requester(job.requestedBy)}</td>
                    <td>{job.error ?? ''}</td>
                    <td className="mono">{job.id}</td>
                    <td>
                      <button type="button" disabled={busy} onClick={() => void retry(job.id)}>
                        {t('jobs.retry')}
                      </button>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>
    </>
  );
}
