/**
 * A reporter checks their report with the reference code: the answer is received, being handled or
 * closed, and nothing else. The server limits how often one address may ask.
 */
import { type FormEvent, useState } from 'react';
import { checkReportStatus } from '../api/client.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { FormField } from '../components/FormField.tsx';
import { useI18n } from '../i18n/I18nContext.tsx';
import { Link } from '../router.tsx';
import { usePageTitle } from '../usePageTitle.ts';

export default function ReportStatusScreen() {
  const { t } = useI18n();
  usePageTitle(t('report.checkTitle'));
  const [reference, setReference] = useState('');
  const [status, setStatus] = useState<'received' | 'in-progress' | 'closed' | null>(null);
  const [error, setError] = useState<Error | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    setStatus(null);
    try {
      setStatus((await checkReportStatus(reference.trim())).status);
    } catch (reason) {
      setError(reason instanceof Error ? reason : new Error(String(reason)));
    }
  };

  return (
    <section className="narrow" aria-labelledby="report-status-title">
      <h1 id="report-status-title">{t('report.checkTitle')}</h1>
      <form onSubmit={(e) => void submit(e)}>
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
        <button type="submit" className="primary">
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
