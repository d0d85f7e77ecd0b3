/**
 * Accepting an invitation: the code arrives in the link's fragment (#code=…), which browsers never
 * send to a server, so it stays out of every log; the invitee chooses the password only they know.
 */
import { useState } from 'react';
import { acceptInvitation } from '../api/client.ts';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { FormField } from '../components/FormField.tsx';
import { useI18n } from '../i18n/I18nContext.tsx';
import { Link } from '../router.tsx';
import { useAction } from '../useAction.ts';
import { usePageTitle } from '../usePageTitle.ts';

const codeFromFragment = () => new URLSearchParams(window.location.hash.slice(1)).get('code') ?? '';

export function InvitationScreen() {
  const { t } = useI18n();
  usePageTitle(t('invitation.title'));
  const [code, setCode] = useState(codeFromFragment);
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [done, setDone] = useState(false);
  const { error, busy, submit } = useAction();

  const accept = submit(async () => {
    if (password !== repeat) throw new Error(t('invitation.mismatch'));
    await acceptInvitation({ code: code.trim(), password });
    // The code is used up; drop it from the address bar and history.
    window.history.replaceState(null, '', '/invitation');
    setDone(true);
  });

  if (done)
    return (
      <section className="narrow">
        <h1>{t('invitation.title')}</h1>
        <p role="status">{t('invitation.done')}</p>
        <Link to="/">{t('invitation.signIn')}</Link>
      </section>
    );
  return (
    <section className="narrow" aria-labelledby="invitation-title">
      <h1 id="invitation-title">{t('invitation.title')}</h1>
      <p>{t('invitation.intro')}</p>
      <form onSubmit={accept}>
        <FormField label={t('invitation.code')}>
          {({ id }) => (
            <input
              id={id}
              required
              autoComplete="off"
              value={code}
              onChange={(e) => setCode(e.target.value)}
            />
          )}
        </FormField>
        <FormField label={t('invitation.password')} hint={t('setup.passwordHint')}>
          {({ id, describedBy }) => (
            <input
              id={id}
              type="password"
              required
              autoComplete="new-password"
              aria-describedby={describedBy}
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          )}
        </FormField>
        <FormField label={t('invitation.repeat')}>
          {({ id }) => (
            <input
              id={id}
              type="password"
              required
              autoComplete="new-password"
              value={repeat}
              onChange={(e) => setRepeat(e.target.value)}
            />
          )}
        </FormField>
        {error ? <ErrorMessage error={error} /> : null}
        <button type="submit" className="primary" disabled={busy}>
          {t('invitation.submit')}
        </button>
      </form>
    </section>
  );
}
