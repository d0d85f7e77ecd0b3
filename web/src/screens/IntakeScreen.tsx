/**
 * Members' view of public reports: the list shows only when each arrived (the server knows nothing
 * else); "Open" decrypts one on the server for this member and is written to the audit log, so it is
 * an explicit click per report, never done for the whole list.
 */
import { useState } from 'react';
import { listIntake, openIntake } from '../api/client.ts';
import type { OpenedSubmission } from '../api/types.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { useI18n } from '../i18n/I18nContext.tsx';
import { useLoad } from '../useLoad.ts';
import { usePageTitle } from '../usePageTitle.ts';

export function IntakeScreen() {
  const { t, formatDateTime } = useI18n();
  usePageTitle(t('intake.title'));
  const { data, error } = useLoad(listIntake, []);
  const [opened, setOpened] = useState<Record<string, OpenedSubmission>>({});
  const [openError, setOpenError] = useState<Error | null>(null);

  const open = async (id: string) => {
    setOpenError(null);
    try {
      const submission = await openIntake(id);
      setOpened((current) => ({ ...current, [id]: submission }));
    } catch (reason) {
      setOpenError(reason instanceof Error ? reason : new Error(String(reason)));
    }
  };

  return (
    <>
      <h1>{t('intake.title')}</h1>
      <p>{t('intake.intro')}</p>
      {error ? <ErrorMessage error={error} /> : null}
      {openError ? <ErrorMessage error={openError} /> : null}
      {!data && !error ? <p>{t('app.loading')}</p> : null}
      {data && data.items.length === 0 ? <p>{t('intake.empty')}</p> : null}
      <ul className="card-list">
        {data?.items.map((item) => {
          const submission = opened[item.id];
          return (
            <li key={item.id} className="card" data-testid="intake-submission">
              <div className="card-head">
                <span>{t('intake.received', { date: formatDateTime(item.receivedAt) })}</span>
                {submission ? null : (
                  <button type="button" onClick={() => void open(item.id)}>
                    {t('intake.open')}
                  </button>
                )}
              </div>
              {submission ? <OpenedReport submission={submission} /> : null}
            </li>
          );
        })}
      </ul>
    </>
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
    </dl>
  );
}
