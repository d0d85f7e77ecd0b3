import { type FormEvent, useCallback, useState } from 'react';

export interface Action {
  /** The last failure, for <ErrorMessage>; cleared when the action runs again. */
  error: Error | null;
  /** True while the work runs: disable the submit button so it is not sent twice. */
  busy: boolean;
  /** Runs the work, keeping its error for display; true when it succeeded. */
  run: (work: () => Promise<unknown>) => Promise<boolean>;
  /** A form's onSubmit: stops the page reload, then runs the work. */
  submit: (work: () => Promise<unknown>) => (event: FormEvent) => void;
}

/** The busy and error state every form and button that calls the server needs, in one place. */
export function useAction(): Action {
  const [error, setError] = useState<Error | null>(null);
  const [busy, setBusy] = useState(false);
  const run = useCallback(async (work: () => Promise<unknown>) => {
    setError(null);
    setBusy(true);
    try {
      await work();
      return true;
    } catch (reason) {
      setError(reason instanceof Error ? reason : new Error(String(reason)));
      return false;
    } finally {
      setBusy(false);
    }
  }, []);
  const submit = useCallback(
    (work: () => Promise<unknown>) => (event: FormEvent) => {
      event.preventDefault();
      void run(work);
    },
    [run],
  );
  return { error, busy, run, submit };
}
