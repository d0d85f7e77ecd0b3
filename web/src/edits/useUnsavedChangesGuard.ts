import { useEffect } from 'react';
import { addLeaveGuard } from '../router.tsx';

/**
 * While `unsaved`, closing or reloading the tab asks the browser's own question, and an in-app link
 * asks `question` first: work is never dropped by a stray click.
 */
export function useUnsavedChangesGuard(unsaved: boolean, question: string): void {
  useEffect(() => {
    if (!unsaved) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers need returnValue set to show the prompt.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    const release = addLeaveGuard(() => window.confirm(question));
    return () => {
      window.removeEventListener('beforeunload', onBeforeUnload);
      release();
    };
  }, [unsaved, question]);
}
