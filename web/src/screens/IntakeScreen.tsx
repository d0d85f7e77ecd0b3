/**
 * Members' view of public reports and their life as work: the list shows when each arrived and its
 * status (the server knows nothing else); "Open" decrypts one on the server for this member and is
 * written to the audit log, so it is an explicit click per report, never done for the whole list.
 * A new report is triaged or discarded with a reason; a triaged one is converted in one step into a
 * source and a protected person for the reporter.
 */
import { useState } from 'react';
import { CASE_TYPES, type CaseType } from '../api/casework.ts';
import { convertIntake, discardIntake, listIntake, openIntake, triageIntake } from '../api/client.ts';
import {
  DISCARD_REASONS,
  type DiscardReason,
  type IntakeSubmission,
  type OpenedSubmission,
  type ReportAttachment,
} from '../api/types.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { useI18n } from '../i18n/I18nContext.tsx';
import { Link } from '../router.tsx';
import { useLoad } from '../useLoad.ts';
import { usePageTitle } from '../usePageTitle.ts';

export function IntakeScreen() {
  const { t, formatDateTime } = useI18n();
  usePageTitle(t('intake.title'));
  const { data, error, reload } = useLoad(listIntake, []);
  const [opened, setOpened] = useState<Record<string, OpenedSubmission>>({});
  const [actionError, setActionError] = useState<Error | null>(null);

  const run = async (work: () => Promise<unknown>) => {
    setActionError(null);
    try {
      await work();
    } catch (reason) {
      setActionError(reason instanceof Error ? reason : new Error(String(reason)));
    }
    reload();
    // The navigation's "new" count follows.
    window.dispatchEvent(new Event('attest:intake-changed'));
  };
  const open = (id: string) =>
    run(async () => {
      const submission = await openIntake(id);
      setOpened((current) => ({ ...current, [id]: submission }));
    });

  return (
    <>
      <h1>{t('intake.title')}</h1>
      <p>{t('intake.intro')}</p>
      {error ? <ErrorMessage error={error} /> : null}
      {actionError ? <ErrorMessage error={actionError} /> : null}
      {!data && !error ? <p>{t('app.loading')}</p> : null}
      {data && data.items.length === 0 ? <p>{t('intake.empty')}</p> : null}
      <ul className="card-list">
        {data?.items.map((item) => {
          const submission = opened[item.id];
          return (
            <li key={item.id} className="card" data-testid="intake-submission" data-status={item.status}>
              <div className="card-head">
                <span>{t('intake.received', { date: formatDateTime(item.receivedAt) })}</span>
                <span className={`status-badge status-${item.status}`}>
                  {t(`intake.status.${item.status}`)}
                  {item.discardReason ? ` — ${t(`intake.reason.${item.discardReason}`)}` : ''}
                </span>
                {submission ? null : (
                  <button type="button" onClick={() => void open(item.id)}>
                    {t('intake.open')}
                  </button>
                )}
              </div>
              {submission ? <OpenedReport submission={submission} /> : null}
              <WorkActions item={item} run={run} />
            </li>
          );
        })}
      </ul>
    </>
  );
}

function WorkActions({
  item,
  run,
}: {
  item: IntakeSubmission;
  run: (work: () => Promise<unknown>) => Promise<void>;
}) {
  const { t } = useI18n();
  const [reason, setReason] = useState<DiscardReason>('spam');
  const [caseType, setCaseType] = useState<CaseType | ''>('');
  if (item.status === 'converted')
    return (
      <p>
        {t('intake.convertedTo', { person: item.personCode ?? '—' })}{' '}
        {item.sourceId ? <Link to={`/sources/${item.sourceId}`}>{t('intake.source')}</Link> : null}{' '}
        {item.caseId ? <Link to={`/cases/${item.caseId}`}>{t('intake.case')}</Link> : null}
      </p>
    );
  if (item.status === 'discarded') return null;
  return (
    <div className="row-actions">
      {item.status === 'new' ? (
        <button type="button" onClick={() => void run(() => triageIntake(item.id))}>
          {t('intake.triage')}
        </button>
      ) : (
        <>
          <label>
            {t('intake.withCase')}{' '}
            <select value={caseType} onChange={(e) => setCaseType(e.target.value as CaseType | '')}>
              <option value="">{t('intake.noCase')}</option>
              {CASE_TYPES.map((type) => (
                <option key={type} value={type}>
                  {t(`caseType.${type}`)}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            className="primary"
            onClick={() => void run(() => convertIntake(item.id, caseType || null))}
          >
            {t('intake.convert')}
          </button>
        </>
      )}
      <label>
        {t('intake.discardReason')}{' '}
        <select value={reason} onChange={(e) => setReason(e.target.value as DiscardReason)}>
          {DISCARD_REASONS.map((r) => (
            <option key={r} value={r}>
              {t(`intake.reason.${r}`)}
            </option>
          ))}
        </select>
      </label>
      <button type="button" onClick={() => void run(() => discardIntake(item.id, reason))}>
        {t('intake.discard')}
      </button>
    </div>
  );
}

function OpenedReport({ submission }: { submission: OpenedSubmission }) {
  const { t } = useI18n();
  const { report } = submission;
  if (!report)
    return (
      <>
        <p className="hint">{t('intake.raw')}</p>
        <pre className="text-body">{submission.text}</pre>
      </>
    );
  const rows: Array<[string, string]> = [
    ...(report.version === 2 ? [[t('intake.name'), report.name] as [string, string]] : []),
    [t('report.what'), report.what],
    [t('report.where'), report.where],
    [t('report.when'), report.when],
    [t('report.contact'), report.contact],
  ];
  return (
    <dl className="intake-report">
      {rows.map(([label, value]) => (
        <div key={label}>
          <dt>{label}</dt>
          <dd className="text-body">{value || '—'}</dd>
        </div>
      ))}
      {report.version === 2 && report.attachments.length > 0 ? (
        <div>
          <dt>{t('intake.attachments')}</dt>
          <dd>
            <ul>
              {report.attachments.map((file, index) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: two attachments may share a name.
                <li key={index}>
                  <AttachmentLink file={file} />
                </li>
              ))}
            </ul>
          </dd>
        </div>
      ) : null}
    </dl>
  );
}

/** Decrypted on the server for this member only; saved from memory, never through a URL. */
function AttachmentLink({ file }: { file: ReportAttachment }) {
  const { t } = useI18n();
  const save = () => {
    const bytes = Uint8Array.from(atob(file.data), (c) => c.charCodeAt(0));
    const url = URL.createObjectURL(new Blob([bytes], { type: 'application/octet-stream' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = file.name || 'attachment';
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };
  return (
    <button type="button" className="link-button" onClick={save}>
      {t('intake.download', { name: file.name })}
    </button>
  );
}
