import { describe, expect, it } from 'vitest';
import {
  type AuditEntryContent,
  auditEntryHash,
  GENESIS_HASH,
  type StoredAuditEntry,
  verifyAuditChain,
} from './auditChain.ts';

function chain(n: number): StoredAuditEntry[] {
  const entries: StoredAuditEntry[] = [];
  let prev: Uint8Array = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq += 1) {
    const content: AuditEntryContent = {
      seq,
      at: new Date(1_700_000_000_000 + seq * 1000),
      actor: `user-${seq % 3}`,
      action: 'person.read',
      outcome: 'allowed',
      recordType: 'person',
      recordId: `V-${seq}`,
      details: { z: 1, a: 'x' },
    };
    const hash = auditEntryHash(prev, content);
    entries.push({ ...content, prevHash: prev, hash });
    prev = hash;
  }
  return entries;
}
const headOf = (entries: StoredAuditEntry[]) => ({ seq: entries.at(-1)!.seq, hash: entries.at(-1)!.hash });

describe('audit chain', () => {
  it('verifies an intact chain and reports its head', () => {
    const entries = chain(5);
    expect(verifyAuditChain(entries, headOf(entries))).toMatchObject({ ok: true, entries: 5, headSeq: 5 });
    expect(verifyAuditChain([], { seq: 0, hash: GENESIS_HASH })).toMatchObject({ ok: true, entries: 0 });
  });

  it('is insensitive to jsonb key order in details', () => {
    const [entry] = chain(1);
    const reordered = { ...entry!, details: { a: 'x', z: 1 } };
    expect(verifyAuditChain([reordered], headOf([entry!])).ok).toBe(true);
  });

  it('names an altered entry', () => {
    const entries = chain(5);
    entries[2] = { ...entries[2]!, actor: 'someone-else' };
    expect(verifyAuditChain(entries, headOf(entries))).toMatchObject({
      ok: false,
      firstBadEntry: 3,
      reason: expect.stringMatching(/^altered/),
    });
  });

  it('names a removed entry (seq gap)', () => {
    const entries = chain(5);
    entries.splice(1, 1);
    expect(verifyAuditChain(entries, headOf(entries))).toMatchObject({
      ok: false,
      firstBadEntry: 2,
      reason: expect.stringMatching(/^removed/),
    });
  });

  it('names removal of the newest entries via the head', () => {
    const entries = chain(5);
    const head = headOf(entries);
    expect(verifyAuditChain(entries.slice(0, 3), head)).toMatchObject({
      ok: false,
      firstBadEntry: 4,
      reason: expect.stringMatching(/^removed/),
    });
  });

  it('names entries moved and renumbered (each self-consistent, chain broken)', () => {
    const entries = chain(5);
    // Swap 2 and 3 and rehash each with its new seq, as an attacker without the previous hashes might.
    const swapped = [
      entries[0]!,
      { ...entries[2]!, seq: 2 },
      { ...entries[1]!, seq: 3 },
      entries[3]!,
      entries[4]!,
    ].map((entry) => ({
      ...entry,
      hash: auditEntryHash(entry.prevHash, entry),
    }));
    expect(verifyAuditChain(swapped, headOf(entries))).toMatchObject({
      ok: false,
      firstBadEntry: 2,
      reason: expect.stringMatching(/^reordered/),
    });
  });
});
