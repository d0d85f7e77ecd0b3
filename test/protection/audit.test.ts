import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendAudit, recordAudit, verifyAudit } from '../../src/services/audit/audit.ts';
import { backends, openTestStore, type TestStore } from '../support/stores.ts';

describe.each(backends())('audit log on %s', (backend) => {
  let store: TestStore;
  beforeAll(async () => {
    store = await openTestStore(backend);
  });
  afterAll(() => store?.close());

  it('chains concurrent appends without forking', async () => {
    await Promise.all(
      Array.from({ length: 24 }, (_, index) =>
        recordAudit(store.db, { actor: `user-${index % 4}`, action: 'test.concurrent', details: { index } }),
      ),
    );
    const verdict = await verifyAudit(store.db);
    expect(verdict).toMatchObject({ ok: true, entries: 24, headSeq: 24 });
    const seqs = await store.db.query<{ seq: number }>('select seq from audit_log order by seq');
    expect(seqs.map((row) => Number(row.seq))).toEqual(Array.from({ length: 24 }, (_, i) => i + 1));
  });

  it('an append rolls back with the change it records', async () => {
    await expect(
      store.db.transaction(async (tx) => {
        await appendAudit(tx, { actor: 'x', action: 'test.rollback' });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await verifyAudit(store.db)).toMatchObject({ ok: true, entries: 24 });
  });

  it('rejects UPDATE, DELETE and TRUNCATE in the database itself', async () => {
    await expect(store.db.query("update audit_log set actor = 'mallory' where seq = 1")).rejects.toThrow(
      /append-only/,
    );
    await expect(store.db.query('delete from audit_log where seq = 1')).rejects.toThrow(/append-only/);
    await expect(store.db.query('truncate audit_log')).rejects.toThrow(/append-only/);
  });

  // A superuser can disable the trigger: the chain is what catches it.
  const tamper = (sql: string) =>
    store.db.exec(
      `alter table audit_log disable trigger user; ${sql}; alter table audit_log enable trigger user;`,
    );

  const restore = () => tamper('delete from audit_log; insert into audit_log select * from audit_backup');

  it('names an altered entry', async () => {
    await tamper('create table audit_backup as select * from audit_log');
    await tamper('update audit_log set details = \'{"index": 99}\' where seq = 7');
    expect(await verifyAudit(store.db)).toMatchObject({
      ok: false,
      firstBadEntry: 7,
      reason: expect.stringMatching(/^altered/),
    });
    await restore();
    expect((await verifyAudit(store.db)).ok).toBe(true);
  });

  it('names a removed entry', async () => {
    await tamper('delete from audit_log where seq = 5');
    expect(await verifyAudit(store.db)).toMatchObject({
      ok: false,
      firstBadEntry: 5,
      reason: expect.stringMatching(/^removed/),
    });
    await restore();
    await tamper('delete from audit_log where seq > 20');
    expect(await verifyAudit(store.db)).toMatchObject({
      ok: false,
      firstBadEntry: 21,
      reason: expect.stringMatching(/^removed/),
    });
    await restore();
  });

  it('names a reordered pair', async () => {
    await tamper(
      'update audit_log set seq = -1 where seq = 10; update audit_log set seq = 10 where seq = 11; update audit_log set seq = 11 where seq = -1',
    );
    expect(await verifyAudit(store.db)).toMatchObject({ ok: false, firstBadEntry: 10 });
    await restore();
    expect((await verifyAudit(store.db)).ok).toBe(true);
  });
});
