/**
 * A router small enough to read: the path lives in history, `navigate` pushes, `Link` renders a
 * real <a> (so open-in-new-tab and keyboard work) and intercepts plain clicks.
 */
import { createContext, type MouseEvent, type ReactNode, useContext, useEffect, useState } from 'react';

interface Location {
  path: string;
  query: URLSearchParams;
}

const RouterContext = createContext<Location>({ path: '/', query: new URLSearchParams() });

function currentLocation(): Location {
  return { path: window.location.pathname, query: new URLSearchParams(window.location.search) };
}

// Screens with unsaved work register a check here; every in-app navigation asks them first.
const leaveGuards = new Set<() => boolean>();

/** Registers `mayLeave` (true = go ahead) until the returned function is called. */
export function addLeaveGuard(mayLeave: () => boolean): () => void {
  leaveGuards.add(mayLeave);
  return () => leaveGuards.delete(mayLeave);
}

export function navigate(to: string, replace = false): void {
  for (const mayLeave of leaveGuards) if (!mayLeave()) return;
  if (replace) window.history.replaceState(null, '', to);
  else window.history.pushState(null, '', to);
  window.dispatchEvent(new PopStateEvent('popstate'));
}

export function RouterProvider({ children }: { children: ReactNode }) {
  const [location, setLocation] = useState<Location>(currentLocation);
  useEffect(() => {
    let path = window.location.pathname;
    const update = () => {
      setLocation(currentLocation());
      // A new screen (not just new filters): start at its top and move focus to the main region, so
      // keyboard and screen-reader users begin reading the new screen rather than the old link.
      if (window.location.pathname !== path) {
        path = window.location.pathname;
        window.scrollTo(0, 0);
        requestAnimationFrame(() => document.getElementById('main')?.focus({ preventScroll: true }));
      }
    };
    window.addEventListener('popstate', update);
    return () => window.removeEventListener('popstate', update);
  }, []);
  return <RouterContext.Provider value={location}>{children}</RouterContext.Provider>;
}

export function useLocation(): Location {
  return useContext(RouterContext);
}

/** Matches `/incidents/:id` style patterns; returns the parameters or null. */
export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split('/').filter(Boolean);
  const have = path.split('/').filter(Boolean);
  if (want.length !== have.length) return null;
  const params: Record<string, string> = {};
  for (const [index, part] of want.entries()) {
    const actual = have[index]!;
    if (part.startsWith(':')) params[part.slice(1)] = decodeURIComponent(actual);
    else if (part !== actual) return null;
  }
  return params;
}

interface LinkProps {
  to: string;
  children: ReactNode;
  className?: string;
  'aria-current'?: 'page' | undefined;
}

export function Link({ to, children, className, ...rest }: LinkProps) {
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(to);
  };
  return (
    <a href={to} onClick={onClick} className={className} aria-current={rest['aria-current']}>
      {children}
    </a>
  );
}
