/** The queue for a store: pg-boss on PostgreSQL, the process's own on PGlite (jobQueue.ts). */
import { UsageError } from '../../core/errors.ts';
import type { Store } from '../../store/openStore.ts';
import { inProcessQueue } from './inProcessQueue.ts';
import type { JobQueue } from './jobQueue.ts';

export interface OpenJobQueueOptions {
  /** DATABASE_URL: the role pg-boss connects as. */
  databaseUrl?: string | undefined;
  works: boolean;
  timeoutSeconds?: number | undefined;
  /** ATTEST_WORKER_GRACE_S: a working process silent this long loses its jobs to a live one. */
  graceSeconds?: number | undefined;
  scheduleTimestamps?: boolean;
  onError?: (message: string) => void;
}

export async function openJobQueue(store: Store, options: OpenJobQueueOptions): Promise<JobQueue> {
  if (store.db.kind !== 'postgres') return inProcessQueue();
  if (!options.databaseUrl) throw new UsageError('the PostgreSQL job queue needs DATABASE_URL');
  const { pgBossQueue } = await import('./pgBossQueue.ts');
  return pgBossQueue({
    url: options.databaseUrl,
    db: store.db,
    works: options.works,
    ...(options.timeoutSeconds ? { timeoutSeconds: options.timeoutSeconds } : {}),
    ...(options.graceSeconds ? { graceSeconds: options.graceSeconds } : {}),
    ...(options.scheduleTimestamps ? { scheduleTimestamps: true } : {}),
    ...(options.onError ? { onError: options.onError } : {}),
  });
}
