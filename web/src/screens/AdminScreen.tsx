/**
 * Administration: accounts (invite, role, disable/enable, unlock, password reset) and compartment
 * members. An invitation or reset shows its link once, with the code in the fragment so no server
 * log ever holds it; the administrator passes it on over a safe channel.
 */
import { type FormEvent, useState } from 'react';
import {
  addCompartmentMember,
  changeUserRole,
  disableUser,
  enableUser,
  inviteUser,
  listCompartments,
  listUsers,
  removeCompartmentMember,
  resetUserPassword,
  unlockUser,
} from '../api/client.ts';
import { type Account, type Invitation, ROLES, type Role } from '../api/types.ts';
import { AdminTable } from '../components/AdminTable.tsx';
import { ErrorMessage } from '../components/ErrorMessage.tsx';
import { FormField } from '../components/FormField.tsx';
import { useI18n } from '../i18n/I18nContext.tsx';
import { Link } from '../router.tsx';
import { useSession } from '../session.tsx';
import { useAction } from '../useAction.ts';
import { useLoad } from '../useLoad.ts';
import { usePageTitle } from '../usePageTitle.ts';

const invitationLink = (invitation: Invitation) =>
  `${window.location.origin}/invitation#code=${encodeURIComponent(invitation.invitation)}`;

export function AdminScreen() {
  const { t, formatDateTime } = useI18n();
  usePageTitle(t('admin.title'));
  const { state } = useSession();
  const me = state.kind === 'signed-in' ? state.session.user.id : null;
  const users = useLoad(listUsers, []);
  const compartments = useLoad(listCompartments, []);
  const [invitation, setInvitation] = useState<Invitation | null>(null);
  const { error, run } = useAction();
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('investigator');

  // Whatever the outcome, the lists are read again: a failed action may still have changed them.
  const act = async (work: () => Promise<unknown>) => {
    await run(work);
    users.reload();
    compartments.reload();
  };
  const invite = (event: FormEvent) => {
    event.preventDefault();
    void act(async () => {
      setInvitation(await inviteUser({ email, role }));
      setEmail('');
    });
  };
  const reset = (account: Account) => {
    if (!window.confirm(t('admin.resetConfirm', { email: account.email }))) return;
    void act(async () => setInvitation(await resetUserPassword(account.id)));
  };

  const stateOf = (account: Account) =>
    [
      account.disabled ? t('admin.disabled') : t('admin.active'),
      account.locked && t('admin.locked'),
      account.invited && t('admin.invited'),
      account.totp && t('admin.totp'),
    ]
      .filter(Boolean)
      .join(', ');

  return (
    <>
      <h1>{t('admin.title')}</h1>
      <p>
        <Link to="/admin/audit">{t('admin.auditLink')}</Link>
        {' · '}
        <Link to="/admin/jobs">{t('admin.jobsLink')}</Link>
      </p>
      {error ? <ErrorMessage error={error} /> : null}
      {users.error ? <ErrorMessage error={users.error} /> : null}
      {invitation ? (
        <section className="card" aria-labelledby="invitation-title" data-testid="invitation">
          <h2 id="invitation-title">{t('admin.invitationTitle', { email: invitation.email })}</h2>
          <p>
            {t('admin.invitationHint', {
              email: invitation.email,
              date: formatDateTime(invitation.expiresAt),
            })}
          </p>
          <p>
            <code className="invitation-link">{invitationLink(invitation)}</code>
          </p>
        </section>
      ) : null}

      <h2>{t('admin.users')}</h2>
      <AdminTable
        testId="users"
        columns={[t('admin.email'), t('admin.role'), t('admin.state'), t('admin.actions')]}
      >
        {users.data?.items.map((account) => (
          <tr key={account.id} data-email={account.email}>
            <td>{account.email}</td>
            <td>
              <select
                aria-label={t('admin.changeRole', { email: account.email })}
                value={account.role}
                disabled={account.id === me}
                onChange={(e) => void act(() => changeUserRole(account.id, e.target.value as Role))}
              >
                {ROLES.map((r) => (
                  <option key={r} value={r}>
                    {t(`role.${r}`)}
                  </option>
                ))}
              </select>
            </td>
            <td>{stateOf(account)}</td>
            <td>
              {account.id === me ? null : (
                <div className="row-actions">
                  <button
                    type="button"
                    onClick={() =>
                      void act(() => (account.disabled ? enableUser(account.id) : disableUser(account.id)))
                    }
                  >
                    {account.disabled ? t('admin.enable') : t('admin.disable')}
                  </button>
                  {account.locked ? (
                    <button type="button" onClick={() => void act(() => unlockUser(account.id))}>
                      {t('admin.unlock')}
                    </button>
                  ) : null}
                  <button type="button" onClick={() => reset(account)}>
                    {t('admin.reset')}
                  </button>
                </div>
              )}
            </td>
          </tr>
        ))}
      </AdminTable>

      <form className="inline-form" onSubmit={invite} aria-label={t('admin.invite')}>
        <h3>{t('admin.invite')}</h3>
        <FormField label={t('admin.email')}>
          {({ id }) => (
            <input id={id} type="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
          )}
        </FormField>
        <FormField label={t('admin.role')}>
          {({ id }) => (
            <select id={id} value={role} onChange={(e) => setRole(e.target.value as Role)}>
              {ROLES.map((r) => (
                <option key={r} value={r}>
                  {t(`role.${r}`)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <button type="submit" className="primary">
          {t('admin.inviteSubmit')}
        </button>
      </form>

      <h2>{t('admin.compartments')}</h2>
      {compartments.error ? <ErrorMessage error={compartments.error} /> : null}
      <ul className="card-list">
        {compartments.data?.items.map((compartment) => (
          <li key={compartment.code} className="card" data-testid="compartment">
            <div className="card-head">
              <strong>{compartment.code}</strong> <span>{t(`admin.kind.${compartment.kind}`)}</span>
            </div>
            <p>{t('admin.members')}:</p>
            <ul>
              {compartment.members.map((member) => (
                <li key={member.id}>
                  {member.email}{' '}
                  {member.id === me ? null : (
                    <button
                      type="button"
                      className="link-button"
                      onClick={() => void act(() => removeCompartmentMember(compartment.code, member.id))}
                    >
                      {t('admin.remove')}
                    </button>
                  )}
                </li>
              ))}
            </ul>
            <AddMember
              code={compartment.code}
              onAdd={(memberEmail) => act(() => addCompartmentMember(compartment.code, memberEmail))}
            />
          </li>
        ))}
      </ul>
    </>
  );
}

function AddMember({ code, onAdd }: { code: string; onAdd: (email: string) => Promise<void> }) {
  const { t } = useI18n();
  const [email, setEmail] = useState('');
  return (
    <form
      className="inline-form"
      onSubmit={(event) => {
        event.preventDefault();
        void onAdd(email).then(() => setEmail(''));
      }}
    >
      <FormField label={`${t('admin.addMember')} — ${code}`}>
        {({ id }) => (
          <input id={id} type="email" required value={email} onChange={(e) => setEmail(e.target.value)} />
        )}
      </FormField>
      <button type="submit">{t('admin.add')}</button>
    </form>
  );
}
