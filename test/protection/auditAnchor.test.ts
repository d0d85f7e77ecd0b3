import { readFileSync, statSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditEntryHash } from '../../src/crypto/auditChain.ts';
import { appendAudit, recordAudit, verifyAudit, verifyStoreAudit } from '../../src/services/audit/audit.ts';
import { auditRepository } from '../../src/store/audit.ts';
import { readAuditAnchor } from '../../src/store/auditAnchor.ts';
import { backends, openTestStore, type TestStore } from '../support/stores.ts';

describe.each(backends())('audit anchor on %s', (backend) => {
  let store: TestStore;
  beforeAll(async () => {
    store = await openTestStore(backend);
    for (let index = 0; index < 24; index += 1)
      await recordAudit(store.db, { actor: 'user-1', action: 'test.anchor', details: { index } });
  });
  afterAll(() => store?.close());

  // Only a superuser can do this (the trigger forbids it): an operator covering their tracks.
  const tamper = (sql: string) =>
    store.db.exec(
      `alter table audit_log disable trigger user; ${sql}; alter table audit_log enable trigger user;`,
    );

  it('records every committed head in an append-only file outside the database, owner-only', async () => {
    const path = store.layout.auditAnchor;
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const lines = readFileSync(path, 'utf8').trim().split('\n');
    expect(lines).toHaveLength(24);
    const [head] = await store.db.query<{ seq: number; hash: Uint8Array }>(
      'select seq, hash from audit_chain_head',
    );
    expect(lines.at(-1)).toBe(`24 ${Buffer.from(head!.hash).toString('hex')}`);
  });

  it('never anchors an append that rolled back', async () => {
    await expect(
      store.db.transaction(async (tx) => {
        await appendAudit(tx, { actor: 'x', action: 'test.rollback' });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(readAuditAnchor(store.layout.auditAnchor)?.head?.seq).toBe(24);
    expect(await verifyStoreAudit(store)).toMatchObject({ ok: true, headSeq: 24, anchor: { seq: 24 } });
  });

  it('fails a chain that lost its tail, naming the gap, even when the head row was rewritten to match', async () => {
    await tamper('create table audit_backup as select * from audit_log');
    await tamper(
      'delete from audit_log where seq > 20; update audit_chain_head set seq = 20, hash = (select hash from audit_log where seq = 20)',
    );
    // Without the anchor the shortened chain is a valid prefix: exactly what issue 9 found.
    expect((await verifyAudit(store.db)).ok).toBe(true);
    expect(await verifyStoreAudit(store)).toMatchObject({
      ok: false,
      firstBadEntry: 21,
      reason: 'removed: audit entries 21–24 are missing: the anchor says the chain reached 24',
      anchor: { seq: 24 },
    });
  });

  it('fails when an anchored entry was rewritten with a recomputed, self-consistent hash', async () => {
    await tamper('delete from audit_log; insert into audit_log select * from audit_backup');
    await tamper('update audit_chain_head set seq = 24, hash = (select hash from audit_log where seq = 24)');
    expect((await verifyStoreAudit(store)).ok).toBe(true);
    // Whoever holds the database can recompute the last entry's hash after changing it: chain and head
    // agree again, and only the anchor, outside the database, still knows the original.
    const [last] = await auditRepository(store.db).page(23, 1);
    const forged = { ...last!, details: { index: 999 } };
    const hash = Buffer.from(auditEntryHash(forged.prevHash, forged)).toString('hex');
    await tamper(
      `update audit_log set details = '{"index": 999}', hash = decode('${hash}', 'hex') where seq = 24;
       update audit_chain_head set hash = decode('${hash}', 'hex')`,
    );
    expect((await verifyAudit(store.db)).ok).toBe(true);
    expect(await verifyStoreAudit(store)).toMatchObject({
      ok: false,
      firstBadEntry: 24,
      reason: 'altered: entry 24 does not match the hash the anchor recorded for it',
    });
  });
});
