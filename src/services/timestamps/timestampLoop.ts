/**
 * The server's retry loop for trusted timestamps: a run at start, after each capture or ingest it is
 * nudged about, and every minute; never two runs at once. Failures stay recorded on the queue rows.
 */
import type { Store } from '../../store/openStore.ts';
import type { TimestampSettings } from '../capture/captureSettings.ts';
import { stampPendingOriginals } from './stampOriginals.ts';

export interface TimestampLoop {
  /** Asks for a run soon (new originals to stamp). */
  nudge(): void;
  /** Waits for a run in progress, then stops. */
  stop(): Promise<void>;
}

export function startTimestampLoop(
  store: Store,
  settings: TimestampSettings,
  intervalMs = 60_000,
): TimestampLoop {
  if (!settings.tsaUrl) return { nudge: () => {}, stop: async () => {} };
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  const run = () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = stampPendingOriginals(store, settings)
      .then(
        () => {},
        () => {}, // recorded per original; a closed store at shutdown ends the run
      )
      .finally(() => {
        running = null;
        if (again) {
          again = false;
          run();
        }
      });
  };
  const timer = setInterval(run, intervalMs);
  timer.unref();
  setImmediate(run);
  return {
    nudge: run,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
