/**
 * Following jobs: a requester sees their own job; administrators (`jobs.manage`) see any, the queue's
 * counts and its dead letters, and may retry a failed job. Another user's job is as absent as one
 * that never was. Retrying is audited.
 */
import { NotFound } from '../../core/errors.ts';
import type { Actor } from '../accounts/actor.ts';
import { appendAudit } from '../audit/audit.ts';
import { can } from '../policies/index.ts';
import type { Db } from '../store.ts';
import type { JobQueue, JobView, QueueStatus } from './jobQueue.ts';

export async function jobFor(queue: JobQueue, actor: Actor, id: string): Promise<JobView> {
  const job = await queue.get(id);
  if (!job || (job.requestedBy !== actor.userId && !can(actor.role, 'jobs.manage')))
    throw new NotFound('job', id);
  return job;
}

export async function queueStatus(queue: JobQueue): Promise<QueueStatus> {
  return queue.status();
}

export async function retryJob(db: Db, queue: JobQueue, actor: Actor, id: string): Promise<JobView> {
  const job = await queue.get(id);
  if (job?.state !== 'failed' || !(await queue.retry(id))) throw new NotFound('failed job', id);
  await db.transaction((tx) =>
    appendAudit(tx, {
      actor: actor.userId,
      action: 'job.retry',
      recordType: 'job',
      recordId: id,
      details: { kind: job.kind },
    }),
  );
  return (await queue.get(id)) ?? job;
}
