/**
 * The background job queue for administrators (GET /api/jobs, 'jobs.manage'): the processes taking
 * jobs with their last heartbeat, the jobs per kind and state, and the jobs that failed on every
 * attempt with the reason in words and a retry (audited on the server). Refreshed every 10 s, so a
 * worker that dies drops out of the list and its job shows as retried without a reload.
 */
import { type ReactNode, useEffect, useState } from 'react';
import { jobQueueStatus, listUsers, retryJob } from '../api/client.ts';
import type { QueueStatus } from '../api/types.ts';
import { AdminTable } from '../components/AdminTable.tsx';
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

      <JobsSection
        id="jobs-processes"
        title={t('jobs.processes')}
        rows={queue?.processes.length}
        empty={t('jobs.noProcesses')}
      >
        <AdminTable
          testId="job-processes"
          columns={[t('jobs.host'), t('jobs.pid'), t('jobs.started'), t('jobs.heartbeat'), t('jobs.held')]}
        >
          {queue?.processes.map((process) => (
            <tr key={`${process.host}:${process.pid}:${process.startedAt}`}>
              <td className="mono">{process.host}</td>
              <td className="mono">{process.pid}</td>
              <td>{formatDateTime(process.startedAt)}</td>
              <td>{formatDateTime(process.heartbeatAt)}</td>
              <td>{formatNumber(process.jobsHeld)}</td>
            </tr>
          ))}
        </AdminTable>
      </JobsSection>

      <JobsSection
        id="jobs-counts"
        title={t('jobs.counts')}
        rows={queue ? kindsWithJobs.length : undefined}
        empty={t('jobs.noJobs')}
      >
        <AdminTable
          testId="job-counts"
          columns={[t('jobs.kind'), ...STATES.map((state) => t(stateLabel(state)))]}
        >
          {kindsWithJobs.map((kind) => (
            <tr key={kind}>
              <th scope="row">{t(kindLabel(kind))}</th>
              {STATES.map((state) => (
                <td key={state}>{formatNumber(count(kind, state))}</td>
              ))}
            </tr>
          ))}
        </AdminTable>
      </JobsSection>

      <JobsSection
        id="jobs-failed"
        title={t('jobs.failed')}
        hint={t('jobs.failedHint')}
        rows={queue?.deadLetters.length}
        empty={t('jobs.noFailed')}
      >
        <AdminTable
          testId="failed-jobs"
          columns={[
            t('jobs.kind'),
            t('jobs.when'),
            t('jobs.attempts'),
            t('jobs.requestedBy'),
            t('jobs.reason'),
            t('jobs.job'),
            <span key="retry" className="visually-hidden">
              {t('jobs.retry')}
            </span>,
          ]}
        >
          {queue?.deadLetters.map((job) => (
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
        </AdminTable>
      </JobsSection>
    </>
  );
}

/**
 * One part of the screen: its heading, a line saying there is nothing (once loaded) or its table.
 * `rows` is undefined until the queue's status has loaded, so neither shows before.
 */
function JobsSection({
  id,
  title,
  hint,
  rows,
  empty,
  children,
}: {
  id: string;
  title: string;
  hint?: string;
  rows: number | undefined;
  empty: string;
  children: ReactNode;
}) {
  return (
    <section className="jobs-section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {hint ? <p className="hint">{hint}</p> : null}
      {rows === 0 ? <p>{empty}</p> : null}
      {rows ? children : null}
    </section>
  );
}
