import { useEffect, useState } from 'react';
import { countNewIntake } from '../api/client.ts';
import type { User } from '../api/types.ts';
import type { MessageKey } from '../i18n/catalogue.ts';
import { useI18n } from '../i18n/I18nContext.tsx';
import { Link, useLocation } from '../router.tsx';
import { useSession } from '../session.tsx';
import { LanguageSwitch } from './LanguageSwitch.tsx';

const INTAKE_READERS = ['administrator', 'investigator'];

/** How many public reports wait to be looked at, refreshed each minute and after a report changes. */
function useNewReportCount(enabled: boolean): number {
  const [count, setCount] = useState(0);
  useEffect(() => {
    if (!enabled) return;
    const refresh = () =>
      void countNewIntake().then(
        (answer) => setCount(answer.new),
        () => undefined,
      );
    refresh();
    const timer = setInterval(refresh, 60_000);
    window.addEventListener('attest:intake-changed', refresh);
    return () => {
      clearInterval(timer);
      window.removeEventListener('attest:intake-changed', refresh);
    };
  }, [enabled]);
  return count;
}

const NAV: Array<{ to: string; label: MessageKey; roles?: readonly string[] }> = [
  { to: '/capture', label: 'nav.capture' },
  { to: '/review', label: 'nav.review' },
  { to: '/incidents', label: 'nav.incidents' },
  { to: '/sources', label: 'nav.sources' },
  { to: '/search', label: 'nav.search' },
  { to: '/timeline', label: 'nav.timeline' },
  { to: '/map', label: 'nav.map' },
  { to: '/statistics', label: 'nav.statistics' },
  // Mirrors 'review.apply' (documentation staff), which the import routes require.
  { to: '/import', label: 'nav.import', roles: ['administrator', 'investigator'] },
  // Mirrors 'estimate.run' (src/services/policies/estimation.ts).
  { to: '/estimation', label: 'nav.estimation', roles: ['administrator', 'analyst'] },
  // Mirrors 'linkage.read' (src/services/policies/linkage.ts).
  { to: '/linkage', label: 'nav.linkage', roles: ['administrator', 'investigator', 'analyst'] },
  // Mirrors 'intake.list' in src/services/policies.ts; the server enforces it, this only hides the link.
  { to: '/intake', label: 'nav.intake', roles: INTAKE_READERS },
  // Mirrors 'user.list' and 'audit.read'.
  { to: '/admin', label: 'nav.admin', roles: ['administrator'] },
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
  const newReports = useNewReportCount(INTAKE_READERS.includes(user.role));
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
                {item.to === '/intake' && newReports > 0 ? (
                  <span className="nav-count" data-testid="new-reports">
                    {t('nav.newCount', { count: newReports })}
                  </span>
                ) : null}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <div className="header-tools">
        <LanguageSwitch />
        <Link to="/account" className="user-name">
          {user.email}
        </Link>
        <button type="button" className="link-button" onClick={() => void signOut()}>
          {t('nav.signOut')}
        </button>
      </div>
    </header>
  );
}
