/**
 * A reporter checks their report with the reference code: the answer is received, being handled or
 * closed, and nothing else. The server limits how often one address may ask.
 */
import { useState } from 'react';
import { checkReportStatus } from '../api/client.ts';
import type { ReportStatus } from '../api/types.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { FormField } from '../components/FormField.tsx';
import { useI18n } from '../i18n/I18nContext.tsx';
import { Link } from '../router.tsx';
import { useAction } from '../useAction.ts';
import { usePageTitle } from '../usePageTitle.ts';

export default function ReportStatusScreen() {
  const { t } = useI18n();
  usePageTitle(t('report.checkTitle'));
  const [reference, setReference] = useState('');
  const [status, setStatus] = useState<ReportStatus['status'] | null>(null);
  const { error, busy, submit } = useAction();

  const check = submit(async () => {
    setStatus(null);
    setStatus((await checkReportStatus(reference.trim())).status);
  });

  return (
    <section className="narrow" aria-labelledby="report-status-title">
      <h1 id="report-status-title">{t('report.checkTitle')}</h1>
      <form onSubmit={check}>
        <FormField label={t('report.reference')}>
          {({ id }) => (
            <input
              id={id}
              required
              autoComplete="off"
              value={reference}
              onChange={(e) => setReference(e.target.value)}
            />
          )}
        </FormField>
        {error ? <ErrorMessage error={error} /> : null}
        <button type="submit" className="primary" disabled={busy}>
          {t('report.check')}
        </button>
      </form>
      {status ? (
        <p role="status" data-testid="report-status">
          {t(`report.status.${status}`)}
        </p>
      ) : null}
      <p>
        <Link to="/report">{t('report.title')}</Link>
      </p>
    </section>
  );
}
