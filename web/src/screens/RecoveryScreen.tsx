/** "Forgot password": the organisation recovery key, shown once at setup, sets a new password. */
import { useState } from 'react';
import { recoverAccount } from '../api/client.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { FormField } from '../components/FormField.tsx';
import { useI18n } from '../i18n/I18nContext.tsx';
import { Link } from '../router.tsx';
import { useAction } from '../useAction.ts';
import { usePageTitle } from '../usePageTitle.ts';

export function RecoveryScreen() {
  const { t } = useI18n();
  usePageTitle(t('recover.title'));
  const [fields, setFields] = useState({ email: '', recoveryKey: '', password: '', repeat: '' });
  const [done, setDone] = useState(false);
  const { error, busy, submit } = useAction();
  const set = (name: keyof typeof fields) => (value: string) => setFields((f) => ({ ...f, [name]: value }));

  const recover = submit(async () => {
    if (fields.password !== fields.repeat) throw new Error(t('invitation.mismatch'));
    await recoverAccount({
      email: fields.email,
      recoveryKey: fields.recoveryKey,
      password: fields.password,
    });
    setFields({ email: '', recoveryKey: '', password: '', repeat: '' });
    setDone(true);
  });

  if (done)
    return (
      <section className="narrow">
        <h1>{t('recover.title')}</h1>
        <p role="status">{t('recover.done')}</p>
        <Link to="/">{t('invitation.signIn')}</Link>
      </section>
    );
  const field = (name: keyof typeof fields, label: string, type: string, autoComplete: string) => (
    <FormField label={label}>
      {({ id }) => (
        <input
          id={id}
          type={type}
          required
          autoComplete={autoComplete}
          value={fields[name]}
          onChange={(e) => set(name)(e.target.value)}
        />
      )}
    </FormField>
  );
  return (
    <section className="narrow" aria-labelledby="recover-title">
      <h1 id="recover-title">{t('recover.title')}</h1>
      <p>{t('recover.intro')}</p>
      <form onSubmit={recover}>
        {field('email', t('recover.email'), 'email', 'username')}
        {field('recoveryKey', t('recover.key'), 'password', 'off')}
        {field('password', t('invitation.password'), 'password', 'new-password')}
        {field('repeat', t('invitation.repeat'), 'password', 'new-password')}
        {error ? <ErrorMessage error={error} /> : null}
        <button type="submit" className="primary" disabled={busy}>
          {t('recover.submit')}
        </button>
      </form>
    </section>
  );
}
