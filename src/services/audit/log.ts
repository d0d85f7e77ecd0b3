/**
 * Reading the audit log: newest first, filtered by who, what and which record, in pages by sequence
 * number. Entries hold ids, actions, counts and reasons only (audit.ts never writes a protected
 * value), so the list is safe to show an administrator as it is.
 */
import { z } from 'zod';
import type { StoredAuditEntry } from '../../crypto/auditChain.ts';
import { auditRepository } from '../../store/audit.ts';
import type { Db } from '../../store/db.ts';
import type { Actor } from '../accounts/actor.ts';
import { authorize } from '../policies/index.ts';

export const AuditFilter = z.strictObject({
  actor: z.string().trim().min(1).max(100).optional(),
  action: z.string().trim().min(1).max(100).optional(),
  record: z.string().trim().min(1).max(100).optional(),
  before: z.coerce.number().int().min(1).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type AuditFilter = z.infer<typeof AuditFilter>;

export interface AuditPage {
  entries: StoredAuditEntry[];
  /** Pass as `before` for the next (older) page; null on the last page. */
  nextBefore: number | null;
}

export async function listAuditEntries(db: Db, actor: Actor, filter: AuditFilter): Promise<AuditPage> {
  authorize(actor.role, 'audit.read');
  const entries = await auditRepository(db).search({
    actor: filter.actor,
    action: filter.action,
    recordId: filter.record,
    beforeSeq: filter.before,
    limit: filter.limit + 1,
  });
  const page = entries.slice(0, filter.limit);
  return { entries: page, nextBefore: entries.length > filter.limit ? page.at(-1)!.seq : null };
}

/** An entry as a reader gets it in JSON (the HTTP API, `attest audit log --json`): the time in ISO 8601. */
export function auditEntryJson(entry: StoredAuditEntry) {
  return {
    seq: entry.seq,
    at: entry.at.toISOString(),
    actor: entry.actor,
    action: entry.action,
    outcome: entry.outcome,
    recordType: entry.recordType,
    recordId: entry.recordId,
    details: entry.details,
  };
}
