/**
 * The audit log's hash chain. Each entry's hash is SHA-256 over the previous entry's hash and a
 * canonical encoding of the entry (seq included), so changing, deleting, inserting or reordering any
 * entry breaks every hash after it. The chain head (last seq and hash) is also kept in its own row and
 * should be copied somewhere the database's owner cannot write (see docs/protection.md): someone with
 * write access to the database but no outside anchor could recompute the whole chain.
 */
import { createHash } from 'node:crypto';

export type AuditDetails = Record<string, string | number | boolean | null>;

export interface AuditEntryContent {
  seq: number;
  at: Date;
  actor: string;
  action: string;
  outcome: 'allowed' | 'denied';
  recordType: string | null;
  recordId: string | null;
  details: AuditDetails;
}

export interface StoredAuditEntry extends AuditEntryContent {
  prevHash: Uint8Array;
  hash: Uint8Array;
}

export const GENESIS_HASH = new Uint8Array(32);

/** JSON with sorted keys: jsonb reorders keys, and the hash must survive a round trip through it. */
export function canonicalDetails(details: AuditDetails): string {
  const sorted = Object.keys(details)
    .sort()
    .map((key) => [key, details[key] ?? null] as const);
  return JSON.stringify(Object.fromEntries(sorted));
}

export function auditEntryHash(prevHash: Uint8Array, entry: AuditEntryContent): Uint8Array {
  const body = JSON.stringify([
    'attest/audit/v1',
    entry.seq,
    entry.at.toISOString(),
    entry.actor,
    entry.action,
    entry.outcome,
    entry.recordType,
    entry.recordId,
    canonicalDetails(entry.details),
  ]);
  return new Uint8Array(createHash('sha256').update(prevHash).update(body, 'utf8').digest());
}

export type ChainVerdict =
  | { ok: true; entries: number; headSeq: number; headHash: string }
  | { ok: false; entries: number; firstBadEntry: number; reason: string };

function equal(a: Uint8Array, b: Uint8Array): boolean {
  return a.byteLength === b.byteLength && a.every((byte, index) => byte === b[index]);
}

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

/**
 * Checks entries in seq order (as stored), one at a time so a long log is verified in pages, and
 * reports the first one that is wrong and why. Entries recorded in the anchor (seq → hash, kept outside
 * the database) must match it. `finish` compares with the anchor's highest seq and the chain-head row:
 * they catch removal of the newest entries, which a chain alone cannot see.
 */
export function auditChainVerifier(anchored: ReadonlyMap<number, Uint8Array> = new Map()) {
  let anchorSeq = 0;
  for (const seq of anchored.keys()) anchorSeq = Math.max(anchorSeq, seq);
  let expectedSeq = 1;
  let prevHash: Uint8Array = GENESIS_HASH;
  let count = 0;
  let failure: ChainVerdict | null = null;
  return {
    /** Returns a failing verdict at the first bad entry, null while all is well. */
    push(entry: StoredAuditEntry): ChainVerdict | null {
      if (failure) return failure;
      const bad = (reason: string, firstBadEntry = entry.seq): ChainVerdict => {
        failure = { ok: false, entries: count, firstBadEntry, reason };
        return failure;
      };
      if (entry.seq > expectedSeq) {
        return bad(
          `removed: entries ${expectedSeq}-${entry.seq - 1} are missing (seq gap before ${entry.seq})`,
          expectedSeq,
        );
      }
      if (entry.seq < expectedSeq)
        return bad(`reordered: seq ${entry.seq} appears after seq ${expectedSeq - 1}`);
      if (!equal(auditEntryHash(entry.prevHash, entry), entry.hash))
        return bad('altered: the entry does not match its hash');
      if (!equal(entry.prevHash, prevHash)) {
        return bad(
          `reordered or replaced: its previous-hash does not match entry ${entry.seq - 1} (entries were moved, or removed and renumbered)`,
        );
      }
      const anchoredHash = anchored.get(entry.seq);
      if (anchoredHash && !equal(anchoredHash, entry.hash))
        return bad(`altered: entry ${entry.seq} does not match the hash the anchor recorded for it`);
      prevHash = entry.hash;
      expectedSeq += 1;
      count += 1;
      return null;
    },
    finish(head: { seq: number; hash: Uint8Array } | null): ChainVerdict {
      if (failure) return failure;
      const lastSeq = expectedSeq - 1;
      if (anchorSeq > lastSeq) {
        const gap =
          anchorSeq === lastSeq + 1 ? `entry ${anchorSeq} is` : `entries ${lastSeq + 1}–${anchorSeq} are`;
        return {
          ok: false,
          entries: count,
          firstBadEntry: lastSeq + 1,
          reason: `removed: audit ${gap} missing: the anchor says the chain reached ${anchorSeq}`,
        };
      }
      if (!head)
        return { ok: false, entries: count, firstBadEntry: 1, reason: 'altered: the chain head is missing' };
      if (head.seq > lastSeq) {
        return {
          ok: false,
          entries: count,
          firstBadEntry: lastSeq + 1,
          reason: `removed: the chain head says ${head.seq} entries but the log ends at ${lastSeq}`,
        };
      }
      if (head.seq < lastSeq || !equal(head.hash, prevHash)) {
        return {
          ok: false,
          entries: count,
          firstBadEntry: Math.max(1, Math.min(head.seq + 1, lastSeq)),
          reason: 'altered: the chain head does not match the last entry',
        };
      }
      return { ok: true, entries: count, headSeq: lastSeq, headHash: hex(prevHash) };
    },
  };
}

export function verifyAuditChain(
  entries: Iterable<StoredAuditEntry>,
  head: { seq: number; hash: Uint8Array } | null,
  anchored?: ReadonlyMap<number, Uint8Array>,
): ChainVerdict {
  const verifier = auditChainVerifier(anchored);
  for (const entry of entries) {
    const verdict = verifier.push(entry);
    if (verdict) return verdict;
  }
  return verifier.finish(head);
}
