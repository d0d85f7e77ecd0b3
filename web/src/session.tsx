/** Who is signed in. The CSRF token rides along with the session and is handed to the API client. */
import { createContext, type ReactNode, useCallback, useContext, useEffect, useState } from 'react';
import {
  signOut as apiSignOut,
  getSession,
  getSetup,
  rememberCsrfToken,
  whenSessionLost,
} from './api/client.ts';
import type { Session } from './api/types.ts';

export type SessionState =
  | { kind: 'loading' }
  | { kind: 'error'; error: Error }
  | { kind: 'setup-needed' }
  | { kind: 'signed-out' }
  | { kind: 'signed-in'; session: Session };

interface SessionContextValue {
  state: SessionState;
  signedIn: (session: Session) => void;
  signOut: () => Promise<void>;
}

const SessionContext = createContext<SessionContextValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ kind: 'loading' });

  useEffect(() => {
    // Unmounting the signed-in screens also drops whatever they had loaded.
    whenSessionLost(() => setState({ kind: 'signed-out' }));
    (async () => {
      const setup = await getSetup();
      rememberCsrfToken(setup.csrfToken);
      if (setup.needed) return setState({ kind: 'setup-needed' });
      const session = await getSession();
      if (session) rememberCsrfToken(session.csrfToken);
      setState(session ? { kind: 'signed-in', session } : { kind: 'signed-out' });
    })().catch((error: unknown) =>
      setState({ kind: 'error', error: error instanceof Error ? error : new Error(String(error)) }),
    );
  }, []);

  const signedIn = useCallback((session: Session) => {
    rememberCsrfToken(session.csrfToken);
    setState({ kind: 'signed-in', session });
  }, []);

  const signOut = useCallback(async () => {
    await apiSignOut().catch(() => undefined);
    setState({ kind: 'signed-out' });
  }, []);

  return <SessionContext.Provider value={{ state, signedIn, signOut }}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const context = useContext(SessionContext);
  if (!context) throw new Error('useSession outside SessionProvider');
  return context;
}
