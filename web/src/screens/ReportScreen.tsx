/**
 * The public report form: no account, no session. The report is sealed in this browser to the
 * organisation's public key before it is sent, so the server (and anyone who takes it) holds only a
 * box it cannot open. The confirmation says plainly what was kept and what was not, because a person
 * at risk decides what to write based on that.
 */
import { type FormEvent, useEffect, useState } from 'react';
import { getIntakeKey, submitIntake } from '../api/client.ts';
import type { IntakeReport } from '../api/types.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { FormField } from '../components/FormField.tsx';
import { useI18n } from '../i18n/I18nContext.tsx';
import { usePageTitle } from '../usePageTitle.ts';

// libsodium (WebAssembly) lives in its own chunk; start fetching it from our own origin as soon as
// the form shows, so sealing does not wait on it after the person presses send.
const loadSealer = () => import('../intake/sealReport.ts');

const EMPTY = { what: '', where: '', when: '', contact: '' };

export default function ReportScreen() {
  const { t } = useI18n();
  usePageTitle(t('report.title'));
  const [fields, setFields] = useState(EMPTY);
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  useEffect(() => {
    void loadSealer().catch(() => undefined);
  }, []);

  const set = (name: keyof typeof EMPTY) => (value: string) => setFields((f) => ({ ...f, [name]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const [key, { sealReport }] = await Promise.all([getIntakeKey(), loadSealer()]);
      const report: IntakeReport = { version: 1, ...fields };
      await submitIntake({ sealed: await sealReport(report, key), keyId: key.keyId });
      // Forget the text as soon as it is safely away: someone may pick up this device later.
      setFields(EMPTY);
      setSent(true);
    } catch (reason) {
      setError(reason instanceof Error ? reason : new Error(String(reason)));
    } finally {
      setBusy(false);
    }
  };

  if (sent)
    return (
      <section className="narrow" aria-labelledby="report-sent-title">
        <h1 id="report-sent-title">{t('report.sentTitle')}</h1>
        <p>{t('report.stored')}</p>
        <p>{t('report.notStored')}</p>
        <p className="hint">{t('report.device')}</p>
        <button type="button" onClick={() => setSent(false)}>
          {t('report.another')}
        </button>
      </section>
    );

  return (
    <section className="narrow" aria-labelledby="report-title">
      <h1 id="report-title">{t('report.title')}</h1>
      <p>{t('report.intro')}</p>
      <form onSubmit={(e) => void submit(e)}>
        <FormField label={t('report.what')}>
          {({ id }) => (
            <textarea
              id={id}
              required
              rows={8}
              maxLength={50_000}
              value={fields.what}
              onChange={(e) => set('what')(e.target.value)}
            />
          )}
        </FormField>
        <FormField label={t('report.where')}>
          {({ id }) => (
            <input
              id={id}
              maxLength={2_000}
              value={fields.where}
              onChange={(e) => set('where')(e.target.value)}
            />
          )}
        </FormField>
        <FormField label={t('report.when')}>
          {({ id }) => (
            <input
              id={id}
              maxLength={500}
              value={fields.when}
              onChange={(e) => set('when')(e.target.value)}
            />
          )}
        </FormField>
        <FormField label={t('report.contact')} hint={t('report.contactWarning')}>
          {({ id, describedBy }) => (
            <input
              id={id}
              aria-describedby={describedBy}
              autoComplete="off"
              maxLength={2_000}
              value={fields.contact}
              onChange={(e) => set('contact')(e.target.value)}
            />
          )}
        </FormField>
        {error ? <ErrorMessage error={error} /> : null}
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('report.sending') : t('report.submit')}
        </button>
      </form>
    </section>
  );
}
