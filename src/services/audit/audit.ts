/**
 * The audit trail: every read of a protected value, every change and every denied attempt. Appends
 * lock the chain head row (select … for update), so concurrent writers on several servers queue up
 * instead of forking the chain; an append inside a caller's transaction lands or vanishes with the
 * change it records.
 */
import {
  type AuditDetails,
  type AuditEntryContent,
  auditChainVerifier,
  auditEntryHash,
  type ChainVerdict,
  type StoredAuditEntry,
} from '../../crypto/auditChain.ts';
import { auditRepository } from '../../store/audit.ts';
import { type AuditAnchor, readAuditAnchor } from '../../store/auditAnchor.ts';
import type { Db, Queryable } from '../../store/db.ts';
import type { Store } from '../../store/openStore.ts';

export interface AuditEvent {
  /** A user id, 'public' for the intake form, 'system', or 'unknown' for a failed login of no account. */
  actor: string;
  action: string;
  outcome?: 'allowed' | 'denied';
  recordType?: string | null;
  recordId?: string | null;
  /** Field names, counts, codes, reasons — never a protected value. */
  details?: AuditDetails;
}

/** Appends within `tx` (which must be a transaction). Returns the entry's seq. */
export async function appendAudit(tx: Queryable, event: AuditEvent, at: Date = new Date()): Promise<number> {
  const audit = auditRepository(tx);
  const head = await audit.lockHead();
  const content = entryContent(head.seq + 1, event, at);
  await audit.append({ ...content, prevHash: head.hash, hash: auditEntryHash(head.hash, content) });
  return content.seq;
}

function entryContent(seq: number, event: AuditEvent, at: Date): AuditEntryContent {
  return {
    seq,
    // Millisecond precision: the hash covers the ISO string, which must survive the database round trip.
    at: new Date(Math.floor(at.getTime())),
    actor: event.actor,
    action: event.action,
    outcome: event.outcome ?? 'allowed',
    recordType: event.recordType ?? null,
    recordId: event.recordId ?? null,
    details: event.details ?? {},
  };
}

/**
 * Appends several events within `tx`, in order, as one chain segment: the head is locked once and
 * the entries written together (an ingest group's creations). Returns the seq of each.
 */
export async function appendAuditMany(
  tx: Queryable,
  events: readonly AuditEvent[],
  at: Date = new Date(),
): Promise<number[]> {
  if (events.length === 0) return [];
  const audit = auditRepository(tx);
  const head = await audit.lockHead();
  const entries: StoredAuditEntry[] = [];
  let prevHash = head.hash;
  for (const [index, event] of events.entries()) {
    const content = entryContent(head.seq + 1 + index, event, at);
    const hash = auditEntryHash(prevHash, content);
    entries.push({ ...content, prevHash, hash });
    prevHash = hash;
  }
  await audit.appendMany(entries);
  return entries.map((entry) => entry.seq);
}

/** Appends in a transaction of its own (e.g. a denied attempt, whose own transaction rolled back). */
export function recordAudit(db: Db, event: AuditEvent, at?: Date): Promise<number> {
  return db.transaction((tx) => appendAudit(tx, event, at));
}

const PAGE = 5_000;

export type AuditVerdict = ChainVerdict & {
  /** The highest entry the anchor file records, for an external witness; null without an anchor. */
  anchor: { seq: number; hash: string } | null;
};

/**
 * Walks the whole log in pages inside one repeatable-read snapshot (so concurrent appends cannot make
 * the head and the entries disagree) and compares it with the anchor when there is one; reports the
 * first bad entry, or the head hash to record elsewhere.
 */
export async function verifyAudit(db: Db, anchor: AuditAnchor | null = null): Promise<AuditVerdict> {
  const verdict = await verifyChain(db, anchor);
  const head = anchor?.head;
  return {
    ...verdict,
    anchor: head ? { seq: head.seq, hash: Buffer.from(head.hash).toString('hex') } : null,
  };
}

/** The chain of a store, with the anchor in its data directory. */
export function verifyStoreAudit(store: Store): Promise<AuditVerdict> {
  return verifyAudit(store.db, readAuditAnchor(store.layout.auditAnchor));
}

function verifyChain(db: Db, anchor: AuditAnchor | null): Promise<ChainVerdict> {
  return db.transaction(async (tx) => {
    await tx.query('set transaction isolation level repeatable read');
    const audit = auditRepository(tx);
    const verifier = auditChainVerifier(anchor?.entries);
    let after = 0;
    for (;;) {
      const page = await audit.page(after, PAGE);
      for (const entry of page) {
        const verdict = verifier.push(entry);
        if (verdict) return verdict;
      }
      if (page.length < PAGE) break;
      after = page[page.length - 1]!.seq;
    }
    return verifier.finish(await audit.head());
  });
}
