/**
 * One's own account: two-factor sign-in. Enrolment shows the secret as a QR code drawn in this page
 * and as text; it turns on only when a code from the app is confirmed, so a mistyped secret cannot
 * lock the owner out.
 */
import { useState } from 'react';
import { confirmTotp, startTotp } from '../api/client.ts';
import type { TotpEnrolment } from '../api/types.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { FormField } from '../components/FormField.tsx';
import { QrCode } from '../components/QrCode.tsx';
import { useI18n } from '../i18n/I18nContext.tsx';
import { useAction } from '../useAction.ts';
import { usePageTitle } from '../usePageTitle.ts';

export function AccountScreen() {
  const { t } = useI18n();
  usePageTitle(t('account.title'));
  const [enrolment, setEnrolment] = useState<TotpEnrolment | null>(null);
  const [code, setCode] = useState('');
  const [done, setDone] = useState(false);
  const { error, busy, run, submit } = useAction();

  const start = () => run(async () => setEnrolment(await startTotp()));
  const confirm = submit(async () => {
    await confirmTotp(code.trim());
    setEnrolment(null);
    setDone(true);
  });

  return (
    <section className="narrow" aria-labelledby="account-title">
      <h1 id="account-title">{t('account.title')}</h1>
      <h2>{t('account.totpTitle')}</h2>
      <p>{t('account.totpIntro')}</p>
      {error ? <ErrorMessage error={error} /> : null}
      {done ? <p role="status">{t('account.totpOn')}</p> : null}
      {!enrolment && !done ? (
        <button type="button" className="primary" disabled={busy} onClick={() => void start()}>
          {t('account.totpStart')}
        </button>
      ) : null}
      {enrolment ? (
        <form onSubmit={confirm}>
          <QrCode text={enrolment.uri} label={t('account.qr')} />
          <p>
            {t('account.secret')}: <code data-testid="totp-secret">{enrolment.secret}</code>
          </p>
          <FormField label={t('account.code')}>
            {({ id }) => (
              <input
                id={id}
                inputMode="numeric"
                autoComplete="one-time-code"
                pattern="[0-9]{6}"
                required
                value={code}
                onChange={(e) => setCode(e.target.value)}
              />
            )}
          </FormField>
          <button type="submit" className="primary" disabled={busy}>
            {t('account.confirm')}
          </button>
        </form>
      ) : null}
    </section>
  );
}
