import { useState } from 'react';

/** Runs a form action, keeping its error for display; returns true when it succeeded. */
export function useAction(): {
  error: Error | null;
  busy: boolean;
  run: (work: () => Promise<void>) => Promise<boolean>;
} {
  const [error, setError] = useState<Error | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (work: () => Promise<void>) => {
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
  };
  return { error, busy, run };
}

export const lines = (text: string): string[] =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
