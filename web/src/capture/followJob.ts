/**
 * Follows a queued job until it ends, for the upload list: each state seen is reported, so the page
 * can show "queued → processing → done" and a retry's reason while it waits.
 */
import { ApiError, getJob } from '../api/client.ts';
import type { Job } from '../api/types.ts';

/** Asking slows from every half second to every three: reading a long scan takes minutes, and every open page asks. */
const FIRST_POLL_MS = 500;
const LONGEST_POLL_MS = 3_000;
/** A link that drops for a moment does not stop the job on the server: keep asking a few times. */
const NETWORK_TRIES = 5;

export const isFinished = (job: Job) =>
  job.state === 'done' || job.state === 'failed' || job.state === 'cancelled';

/** Resolves with the finished job, or null once `signal` aborts (the page was left). */
export async function followJob(
  id: string,
  onChange: (job: Job) => void,
  signal: AbortSignal,
): Promise<Job | null> {
  let delay = FIRST_POLL_MS;
  let networkFailures = 0;
  while (!signal.aborted) {
    await pause(delay, signal);
    if (signal.aborted) return null;
    try {
      const job = await getJob(id);
      networkFailures = 0;
      onChange(job);
      if (isFinished(job)) return job;
    } catch (error) {
      const network = error instanceof ApiError && error.status === 0;
      if (!network || ++networkFailures >= NETWORK_TRIES) throw error;
    }
    delay = Math.min(LONGEST_POLL_MS, delay * 1.5);
  }
  return null;
}

function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });
}
