import type { User } from '../api/types.ts';
import { useI18n } from '../i18n/I18nContext.tsx';
import type { MessageKey } from '../i18n/messages.ts';
import { Link, useLocation } from '../router.tsx';
import { useSession } from '../session.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';

const NAV: Array<{ to: string; label: MessageKey; roles?: readonly string[] }> = [
  { to: '/capture', label: 'nav.capture' },
  { to: '/review', label: 'nav.review' },
  { to: '/incidents', label: 'nav.incidents' },
  { to: '/sources', label: 'nav.sources' },
  { to: '/search', label: 'nav.search' },
  { to: '/timeline', label: 'nav.timeline' },
  { to: '/map', label: 'nav.map' },
  // Mirrors 'intake.list' in src/services/policies.ts; the server enforces it, this only hides the link.
  { to: '/intake', label: 'nav.intake', roles: ['administrator', 'investigator'] },
  // Mirror 'person.create', 'case.list' and 'referral.list' (protection staff).
  ...(['/persons', '/cases', '/referrals'] as const).map((to) => ({
    to,
    label: `nav${to.replace('/', '.')}` as MessageKey,
    roles: ['administrator', 'investigator', 'caseworker'],
  })),
];

export function AppHeader({ user }: { user: User }) {
  const { t } = useI18n();
  const { path } = useLocation();
  const { signOut } = useSession();
  const current = path === '/' ? '/capture' : path;
  return (
    <header className="app-header">
      <Link to="/capture" className="brand">
        {t('app.name')}
      </Link>
      <nav aria-label={t('nav.label')}>
        <ul>
          {NAV.filter((item) => !item.roles || item.roles.includes(user.role)).map((item) => (
            <li key={item.to}>
              <Link
                to={item.to}
                aria-current={current === item.to || current.startsWith(`${item.to}/`) ? 'page' : undefined}
              >
                {t(item.label)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <div className="header-tools">
        <LanguageSwitch />
        <span className="user-name">{user.email}</span>
        <button type="button" className="link-button" onClick={() => void signOut()}>
          {t('nav.signOut')}
        </button>
      </div>
    </header>
  );
}
