import { useCallback, useEffect, useRef, useState } from 'react';
import { deleteDraft, getDraft, saveDraft } from '../api/edits.ts';

/** How long typing must pause before the draft is sent: one request per pause, not per key. */
const SAVE_DELAY_MS = 800;

export type DraftStatus = 'loading' | 'saved' | 'pending' | 'failed';

/**
 * A server-side draft of `kind` for the signed-in user: `restored` is what was saved before (once,
 * null if none), `update` saves a new payload after a pause, `discard` removes it (after submitting).
 * `status` says whether the latest change has reached the server.
 */
export function useDraft<T extends object>(kind: string | null) {
  const [restored, setRestored] = useState<T | null | undefined>(undefined);
  const [status, setStatus] = useState<DraftStatus>('loading');
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const latest = useRef<T | null>(null);

  useEffect(() => {
    if (!kind) return;
    let live = true;
    setRestored(undefined);
    setStatus('loading');
    getDraft<T>(kind).then(
      (draft) => {
        if (!live) return;
        setRestored(draft?.payload ?? null);
        setStatus('saved');
      },
      () => {
        if (!live) return;
        setRestored(null);
        setStatus('failed');
      },
    );
    return () => {
      live = false;
    };
  }, [kind]);

  const flush = useCallback(async () => {
    if (!kind || !latest.current) return;
    const payload = latest.current;
    timer.current = null;
    try {
      await saveDraft(kind, payload);
      if (latest.current === payload) setStatus('saved');
    } catch {
      setStatus('failed');
    }
  }, [kind]);

  const update = useCallback(
    (payload: T) => {
      latest.current = payload;
      setStatus('pending');
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), SAVE_DELAY_MS);
    },
    [flush],
  );

  const discard = useCallback(async () => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = null;
    latest.current = null;
    setStatus('saved');
    if (kind) await deleteDraft(kind);
  }, [kind]);

  // Leaving the screen before the pause ends still sends the last change.
  const flushRef = useRef(flush);
  flushRef.current = flush;
  useEffect(
    () => () => {
      if (!timer.current) return;
      clearTimeout(timer.current);
      void flushRef.current();
    },
    [],
  );

  return { restored, status, update, discard };
}
