import { lazy, type ReactNode, Suspense } from 'react';
import { CaseScreen } from './casework/CaseScreen.tsx';
import { CasesScreen } from './casework/CasesScreen.tsx';
import { PersonScreen } from './casework/PersonScreen.tsx';
import { PersonsScreen } from './casework/PersonsScreen.tsx';
import { ReferralsScreen } from './casework/ReferralsScreen.tsx';
import { AppHeader } from './components/AppHeader.tsx';
import { ErrorMessage } from './components/ErrorMessage.tsx';
import { LanguageSwitch } from './components/LanguageSwitch.tsx';
import { useI18n } from './i18n/I18nContext.tsx';
import { ImportScreen } from './import/ImportScreen.tsx';
import { LinkageScreen } from './linkage/LinkageScreen.tsx';
import { matchPath, useLocation } from './router.tsx';
import { AccountScreen } from './screens/AccountScreen.tsx';
import { AdminScreen } from './screens/AdminScreen.tsx';
import { AuditScreen } from './screens/AuditScreen.tsx';
import { CaptureScreen } from './screens/CaptureScreen.tsx';
import { IncidentScreen } from './screens/IncidentScreen.tsx';
import { IncidentsScreen } from './screens/IncidentsScreen.tsx';
import { IntakeScreen } from './screens/IntakeScreen.tsx';
import { InvitationScreen } from './screens/InvitationScreen.tsx';
import { JobsScreen } from './screens/JobsScreen.tsx';
import { RecoveryScreen } from './screens/RecoveryScreen.tsx';
import { ReviewQueueScreen } from './screens/ReviewQueueScreen.tsx';
import { ReviewScreen } from './screens/ReviewScreen.tsx';
import { SearchScreen } from './screens/SearchScreen.tsx';
import { SetupScreen } from './screens/SetupScreen.tsx';
import { SignInScreen } from './screens/SignInScreen.tsx';
import { SourceScreen } from './screens/SourceScreen.tsx';
import { SourcesScreen } from './screens/SourcesScreen.tsx';
import { TimelineScreen } from './screens/TimelineScreen.tsx';
import { useSession } from './session.tsx';
import { VocabularyProvider } from './vocabulary.tsx';

// The estimation page carries its charts and five models' explanations: loaded when opened.
const EstimationScreen = lazy(() =>
  import('./estimation/EstimationScreen.tsx').then((module) => ({ default: module.EstimationScreen })),
);
// The map carries the country shapes (~100 KB): loaded only when someone opens it.
const MapScreen = lazy(() => import('./screens/MapScreen.tsx'));
const StatisticsScreen = lazy(() => import('./screens/StatisticsScreen.tsx'));
// The public report form carries libsodium (WebAssembly): only someone reporting downloads it.
const ReportScreen = lazy(() => import('./screens/ReportScreen.tsx'));
const ReportStatusScreen = lazy(() => import('./screens/ReportStatusScreen.tsx'));

/** Screens anyone may open, whatever the session state: reporting, and getting into one's account. */
const PUBLIC_SCREENS: Record<string, () => ReactNode> = {
  '/report': () => <ReportScreen />,
  '/report/status': () => <ReportStatusScreen />,
  '/invitation': () => <InvitationScreen />,
  '/recover': () => <RecoveryScreen />,
};

/** Path patterns and the screen each shows; the first match wins. */
const ROUTES: Array<[string, (params: Record<string, string>) => ReactNode]> = [
  ['/', () => <CaptureScreen />],
  ['/capture', () => <CaptureScreen />],
  ['/review', () => <ReviewQueueScreen />],
  ['/review/:sourceId', (p) => <ReviewScreen sourceId={p.sourceId!} />],
  ['/incidents', () => <IncidentsScreen />],
  ['/incidents/:id', (p) => <IncidentScreen id={p.id!} />],
  ['/sources', () => <SourcesScreen />],
  ['/sources/:id', (p) => <SourceScreen id={p.id!} />],
  ['/search', () => <SearchScreen />],
  ['/timeline', () => <TimelineScreen />],
  ['/map', () => <MapScreen />],
  ['/statistics', () => <StatisticsScreen />],
  ['/import', () => <ImportScreen />],
  ['/estimation', () => <EstimationScreen />],
  ['/linkage', () => <LinkageScreen />],
  ['/intake', () => <IntakeScreen />],
  ['/admin', () => <AdminScreen />],
  ['/admin/audit', () => <AuditScreen />],
  ['/admin/jobs', () => <JobsScreen />],
  ['/account', () => <AccountScreen />],
  ['/persons', () => <PersonsScreen />],
  ['/persons/:code', (p) => <PersonScreen code={p.code!} />],
  ['/cases', () => <CasesScreen />],
  ['/cases/:id', (p) => <CaseScreen id={p.id!} />],
  ['/referrals', () => <ReferralsScreen />],
];

function Screen() {
  const { path } = useLocation();
  const { t } = useI18n();
  for (const [pattern, render] of ROUTES) {
    const params = matchPath(pattern, path);
    if (params) return <Suspense fallback={<p>{t('app.loading')}</p>}>{render(params)}</Suspense>;
  }
  return <p>{t('app.notFound')}</p>;
}

/** Screens before sign-in have no navigation: only the language switch. */
function Bare({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  return (
    <>
      <header className="app-header">
        <span className="brand">{t('app.name')}</span>
        <LanguageSwitch />
      </header>
      <main id="main" className="bare">
        {children}
      </main>
    </>
  );
}

export function App() {
  const { state } = useSession();
  const { t } = useI18n();
  const { path } = useLocation();
  // Public: a person at risk reports without an account, whatever the session state.
  const publicScreen = PUBLIC_SCREENS[path];
  if (publicScreen)
    return (
      <Bare>
        <Suspense fallback={<p>{t('app.loading')}</p>}>{publicScreen()}</Suspense>
      </Bare>
    );
  switch (state.kind) {
    case 'loading':
      return (
        <Bare>
          <p>{t('app.loading')}</p>
        </Bare>
      );
    case 'error':
      return (
        <Bare>
          <ErrorMessage error={state.error} />
        </Bare>
      );
    case 'setup-needed':
      return (
        <Bare>
          <SetupScreen />
        </Bare>
      );
    case 'signed-out':
      return (
        <Bare>
          <SignInScreen />
        </Bare>
      );
    case 'signed-in':
      return (
        <VocabularyProvider>
          <a className="skip-link" href="#main">
            {t('app.skip')}
          </a>
          <AppHeader user={state.session.user} />
          <main id="main" tabIndex={-1}>
            <Screen />
          </main>
        </VocabularyProvider>
      );
  }
}
