import { useState } from 'react';
import { completeSetup, signIn } from '../api/client.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { FormField } from '../components/FormField.tsx';
import { useI18n } from '../i18n/I18nContext.tsx';
import { useSession } from '../session.tsx';
import { useAction } from '../useAction.ts';
import { usePageTitle } from '../usePageTitle.ts';

interface Credentials {
  email: string;
  password: string;
}

/** First run: the organisation and its administrator, then the recovery key, shown once. */
export function SetupScreen() {
  const { t } = useI18n();
  const { signedIn } = useSession();
  usePageTitle(t('setup.title'));
  const [organisation, setOrganisation] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const { error, busy, run, submit } = useAction();
  const [created, setCreated] = useState<{ recoveryKey: string; credentials: Credentials } | null>(null);
  const [written, setWritten] = useState(false);

  const create = submit(async () => {
    const result = await completeSetup({ organisation, email, password });
    setCreated({ recoveryKey: result.recoveryKey, credentials: { email, password } });
    setPassword('');
  });

  const proceed = async () => {
    if (created) await run(async () => signedIn(await signIn(created.credentials)));
  };

  if (created) {
    return (
      <section className="narrow" aria-labelledby="recovery-title">
        <h1 id="recovery-title">{t('setup.recoveryTitle')}</h1>
        <p>{t('setup.recoveryText')}</p>
        <p className="recovery-key" data-testid="recovery-key">
          {created.recoveryKey}
        </p>
        <div className="checkbox">
          <input
            id="written"
            type="checkbox"
            checked={written}
            onChange={(e) => setWritten(e.target.checked)}
          />
          <label htmlFor="written">{t('setup.recoveryConfirm')}</label>
        </div>
        {error ? <ErrorMessage error={error} /> : null}
        <button type="button" className="primary" disabled={!written || busy} onClick={() => void proceed()}>
          {t('setup.continue')}
        </button>
      </section>
    );
  }

  return (
    <section className="narrow" aria-labelledby="setup-title">
      <h1 id="setup-title">{t('setup.title')}</h1>
      <p>{t('setup.intro')}</p>
      <form onSubmit={create}>
        <FormField label={t('setup.organisation')}>
          {({ id }) => (
            <input id={id} required value={organisation} onChange={(e) => setOrganisation(e.target.value)} />
          )}
        </FormField>
        <FormField label={t('setup.email')}>
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
        <FormField label={t('setup.password')} hint={t('setup.passwordHint')}>
          {({ id, describedBy }) => (
            <input
              id={id}
              type="password"
              required
              minLength={12}
              autoComplete="new-password"
              aria-describedby={describedBy}
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          )}
        </FormField>
        {error ? <ErrorMessage error={error} /> : null}
        <button type="submit" className="primary" disabled={busy}>
          {t('setup.submit')}
        </button>
      </form>
    </section>
  );
}
