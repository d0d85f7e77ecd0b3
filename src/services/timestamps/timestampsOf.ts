/** What the source page and `--json` say about the trusted timestamps of a capture's files. */
import type { CaptureRecord } from '../../store/captures.ts';
import type { Store } from '../../store/openStore.ts';
import { timestampsRepository } from '../../store/timestamps.ts';

export interface OriginalTimestamp {
  sha256: string;
  status: 'pending' | 'stamped';
  /** The time the authority signed (ISO 8601); null while pending. */
  time: string | null;
  authority: string | null;
  attempts: number;
  lastError: string | null;
}

export async function timestampsOfOriginals(
  store: Store,
  sha256s: readonly string[],
): Promise<OriginalTimestamp[]> {
  const records = await timestampsRepository(store.db).forOriginals([...new Set(sha256s)]);
  return records
    .sort((a, b) => sha256s.indexOf(a.sha256) - sha256s.indexOf(b.sha256))
    .map((record) => ({
      sha256: record.sha256,
      status: record.status,
      time: record.stampedAt?.toISOString() ?? null,
      authority: record.authority,
      attempts: record.attempts,
      lastError: record.lastError,
    }));
}

export function timestampsOfCapture(store: Store, capture: CaptureRecord): Promise<OriginalTimestamp[]> {
  return timestampsOfOriginals(
    store,
    capture.files.map((file) => file.sha256),
  );
}
