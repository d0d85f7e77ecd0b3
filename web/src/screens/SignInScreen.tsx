import { useState } from 'react';
import { signIn } from '../api/client.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { FormField } from '../components/FormField.tsx';
import { useI18n } from '../i18n/I18nContext.tsx';
import { Link } from '../router.tsx';
import { useSession } from '../session.tsx';
import { useAction } from '../useAction.ts';
import { usePageTitle } from '../usePageTitle.ts';

export function SignInScreen() {
  const { t } = useI18n();
  const { signedIn } = useSession();
  usePageTitle(t('signIn.title'));
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [totp, setTotp] = useState('');
  const { error, busy, submit } = useAction();

  const enter = submit(async () => {
    signedIn(await signIn(totp ? { email, password, totp } : { email, password }));
  });

  return (
    <section className="narrow" aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">{t('signIn.title')}</h1>
      <form onSubmit={enter}>
        <FormField label={t('signIn.email')}>
          {({ id }) => (
            <input
              id={id}
              type="email"
              required
              autoComplete="username"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
            />
          )}
        </FormField>
        <FormField label={t('signIn.password')}>
          {({ id }) => (
            <input
              id={id}
              type="password"
              required
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          )}
        </FormField>
        <FormField label={t('signIn.code')}>
          {({ id }) => (
            <input
              id={id}
              inputMode="numeric"
              autoComplete="one-time-code"
              pattern="[0-9]{6}"
              value={totp}
              onChange={(e) => setTotp(e.target.value)}
            />
          )}
        </FormField>
        {error ? <ErrorMessage error={error} /> : null}
        <button type="submit" className="primary" disabled={busy}>
          {t('signIn.submit')}
        </button>
      </form>
      <p className="report-link">
        <Link to="/recover">{t('signIn.forgot')}</Link>
      </p>
      <p className="report-link">
        <Link to="/report">{t('signIn.report')}</Link>
      </p>
    </section>
  );
}
