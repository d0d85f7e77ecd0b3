/**
 * Trusted timestamps for preserved originals: each original's SHA-256 (and nothing else) is sent to
 * the organisation's RFC 3161 authority; the token that comes back is verified (signature, message
 * imprint equal to the original's hash, the nonce we sent) before it is stored beside the original.
 * An authority that cannot be reached leaves the original queued, retried later with a growing delay
 * (30 s, 1 min, 2 min … at most 6 h) by the server's loop or at once by `attest timestamp --pending`.
 */
import { TimestampInvalid, timestampRequestFor, tokenFromResponse } from '../../crypto/timestampToken.ts';
import type { Store } from '../../store/openStore.ts';
import { timestampsRepository } from '../../store/timestamps.ts';
import type { TimestampSettings } from '../capture/captureSettings.ts';

export interface StampReport {
  queued: number;
  stamped: Array<{ sha256: string; time: string; authority: string }>;
  failed: Array<{ sha256: string; error: string }>;
  /** Still waiting after this run. */
  pending: number;
}

const FIRST_RETRY_MS = 30_000;
const LAST_RETRY_MS = 6 * 60 * 60 * 1000;
const BATCH = 100;

export function retryDelayMs(attemptsSoFar: number): number {
  return Math.min(LAST_RETRY_MS, FIRST_RETRY_MS * 2 ** Math.min(attemptsSoFar, 20));
}

/**
 * Stamps what is due (every pending original with `everyPending`). Stops at the first unreachable
 * authority: the rest stays queued for the next run instead of each waiting out its own timeout.
 */
export async function stampPendingOriginals(
  store: Store,
  settings: TimestampSettings,
  options: {
    everyPending?: boolean;
    now?: () => Date;
    onProgress?: (done: number, total: number) => void;
  } = {},
): Promise<StampReport> {
  const tsaUrl = settings.tsaUrl;
  if (!tsaUrl) throw new Error('no time-stamping authority configured (ATTEST_TSA_URL)');
  const now = options.now ?? (() => new Date());
  const timestamps = timestampsRepository(store.db);
  const queued = await timestamps.enqueueUnstamped();
  const report: StampReport = { queued, stamped: [], failed: [], pending: 0 };
  const due = await timestamps.due(now(), options.everyPending ?? false, BATCH * 10);
  let done = 0;
  for (const entry of due) {
    try {
      const bytes = store.files.get(entry.sha256);
      const request = timestampRequestFor(entry.sha256);
      const answer = await askAuthority(tsaUrl, request.der, settings.timeoutMs);
      const { token, verified } = await tokenFromResponse(
        answer,
        { sha256: entry.sha256, bytes },
        request.nonce,
        settings.trustedCertificates,
      );
      await timestamps.markStamped(entry.sha256, {
        tsaUrl,
        token,
        stampedAt: verified.time,
        authority: verified.authority,
      });
      report.stamped.push({
        sha256: entry.sha256,
        time: verified.time.toISOString(),
        authority: verified.authority,
      });
    } catch (error) {
      const message = failureOf(error);
      await timestamps.markFailed(
        entry.sha256,
        message,
        new Date(now().getTime() + retryDelayMs(entry.attempts)),
      );
      report.failed.push({ sha256: entry.sha256, error: message });
      if (error instanceof AuthorityUnreachable) break;
    }
    done += 1;
    options.onProgress?.(done, due.length);
  }
  report.pending = await timestamps.countPending();
  return report;
}

class AuthorityUnreachable extends Error {}

async function askAuthority(url: string, der: Uint8Array, timeoutMs: number): Promise<Uint8Array> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/timestamp-query', accept: 'application/timestamp-reply' },
      body: der,
      signal: AbortSignal.timeout(timeoutMs),
      redirect: 'error',
    });
  } catch (error) {
    const cause = (error as { cause?: { code?: string } }).cause?.code;
    throw new AuthorityUnreachable(
      `the time-stamping authority cannot be reached (${cause ?? (error as Error).name})`,
    );
  }
  if (!response.ok)
    throw new AuthorityUnreachable(`the time-stamping authority answered HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

function failureOf(error: unknown): string {
  if (error instanceof AuthorityUnreachable || error instanceof TimestampInvalid) return error.message;
  if ((error as NodeJS.ErrnoException).code === 'ENOENT')
    return 'the original is missing from the file store';
  return error instanceof Error ? error.message : String(error);
}
