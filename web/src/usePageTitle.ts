import { useEffect } from 'react';

/** Each screen names itself in the tab title (WCAG 2.4.2), so a screen reader announces where we are. */
export function usePageTitle(title: string | null | undefined): void {
  useEffect(() => {
    document.title = title ? `${title} — Attest` : 'Attest';
  }, [title]);
}
