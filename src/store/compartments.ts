/** Compartments, their key ids, and each member's copy of each key (sealed to the member). */
import { type Queryable, toBytes } from './db.ts';

export interface CompartmentRow {
  id: string;
  kind: 'organisation' | 'case';
  code: string;
  currentKeyId: string;
}

export interface WrappedKeyRow {
  keyId: string;
  wrappedKey: Uint8Array;
}

interface RawCompartment {
  id: string;
  kind: 'organisation' | 'case';
  code: string;
  current_key_id: string;
}

const toCompartment = (row: RawCompartment): CompartmentRow => ({
  id: row.id,
  kind: row.kind,
  code: row.code,
  currentKeyId: row.current_key_id,
});

export function compartmentsRepository(db: Queryable) {
  return {
    async nextCode(): Promise<string> {
      const rows = await db.query<{ n: number }>("select nextval('compartment_code_seq')::int as n");
      return `C-${String(rows[0]!.n).padStart(4, '0')}`;
    },
    async insert(row: CompartmentRow, createdBy: string | null): Promise<void> {
      await db.query(
        'insert into compartments (id, kind, code, current_key_id, created_by) values ($1, $2, $3, $4, $5)',
        [row.id, row.kind, row.code, row.currentKeyId, createdBy],
      );
    },
    async insertKey(keyId: string, compartmentId: string): Promise<void> {
      await db.query('insert into compartment_keys (id, compartment_id) values ($1, $2)', [
        keyId,
        compartmentId,
      ]);
    },
    async findByCode(code: string): Promise<CompartmentRow | null> {
      const rows = await db.query<RawCompartment>('select * from compartments where code = $1', [code]);
      return rows[0] ? toCompartment(rows[0]) : null;
    },
    async findById(id: string): Promise<CompartmentRow | null> {
      const rows = await db.query<RawCompartment>('select * from compartments where id = $1', [id]);
      return rows[0] ? toCompartment(rows[0]) : null;
    },
    /** Locks the compartment for a rotation: no value may be sealed under the old key meanwhile. */
    async findByIdForUpdate(id: string): Promise<CompartmentRow | null> {
      const rows = await db.query<RawCompartment>('select * from compartments where id = $1 for update', [
        id,
      ]);
      return rows[0] ? toCompartment(rows[0]) : null;
    },
    /**
     * The current key id, with a share lock held to the end of the transaction: a value sealed under
     * it can be inserted before a rotation (which takes `for update`) starts, never during one.
     */
    async currentKeyIdForShare(id: string): Promise<string | null> {
      const rows = await db.query<{ current_key_id: string }>(
        'select current_key_id from compartments where id = $1 for share',
        [id],
      );
      return rows[0]?.current_key_id ?? null;
    },
    async setCurrentKey(compartmentId: string, keyId: string, previousKeyId: string): Promise<void> {
      await db.query('update compartment_keys set retired_at = now() where id = $1', [previousKeyId]);
      await db.query('update compartments set current_key_id = $2 where id = $1', [compartmentId, keyId]);
    },
    async addMemberKey(
      compartmentId: string,
      keyId: string,
      userId: string,
      wrappedKey: Uint8Array,
    ): Promise<void> {
      await db.query(
        `insert into compartment_members (key_id, user_id, compartment_id, wrapped_key) values ($1, $2, $3, $4)
         on conflict (key_id, user_id) do nothing`,
        [keyId, userId, compartmentId, wrappedKey],
      );
    },
    /** Every key of the compartment this user holds, newest first. */
    async wrappedKeysFor(compartmentId: string, userId: string): Promise<WrappedKeyRow[]> {
      const rows = await db.query<{ key_id: string; wrapped_key: Uint8Array }>(
        `select m.key_id, m.wrapped_key from compartment_members m join compartment_keys k on k.id = m.key_id
         where m.compartment_id = $1 and m.user_id = $2 order by k.created_at desc`,
        [compartmentId, userId],
      );
      return rows.map((row) => ({ keyId: row.key_id, wrappedKey: toBytes(row.wrapped_key) }));
    },
    async isMember(compartmentId: string, userId: string): Promise<boolean> {
      const rows = await db.query<{ n: number }>(
        `select count(*)::int as n from compartment_members m join compartments c on c.id = m.compartment_id
         where m.compartment_id = $1 and m.user_id = $2 and m.key_id = c.current_key_id`,
        [compartmentId, userId],
      );
      return (rows[0]?.n ?? 0) > 0;
    },
    /** Members holding the current key, with the public keys new keys are sealed to. */
    async currentMembers(compartmentId: string): Promise<Array<{ userId: string; publicKey: Uint8Array }>> {
      const rows = await db.query<{ user_id: string; public_key: Uint8Array }>(
        `select u.id as user_id, u.public_key from compartment_members m
         join compartments c on c.id = m.compartment_id and m.key_id = c.current_key_id
         join users u on u.id = m.user_id
         where m.compartment_id = $1 order by u.email`,
        [compartmentId],
      );
      return rows.map((row) => ({ userId: row.user_id, publicKey: toBytes(row.public_key) }));
    },
    /** Every compartment with the e-mails of its current members (for the administration screen). */
    async listWithMembers(): Promise<
      Array<CompartmentRow & { members: Array<{ id: string; email: string }> }>
    > {
      const compartments = (await db.query<RawCompartment>('select * from compartments order by code')).map(
        toCompartment,
      );
      const members = await db.query<{ compartment_id: string; id: string; email: string }>(
        `select distinct m.compartment_id, u.id, u.email from compartment_members m
         join compartments c on c.id = m.compartment_id and m.key_id = c.current_key_id
         join users u on u.id = m.user_id order by u.email`,
      );
      return compartments.map((compartment) => ({
        ...compartment,
        members: members
          .filter((member) => member.compartment_id === compartment.id)
          .map((member) => ({ id: member.id, email: member.email })),
      }));
    },
    async removeMember(compartmentId: string, userId: string): Promise<number> {
      const rows = await db.query<{ n: number }>(
        `with gone as (delete from compartment_members where compartment_id = $1 and user_id = $2 returning 1)
         select count(*)::int as n from gone`,
        [compartmentId, userId],
      );
      return rows[0]?.n ?? 0;
    },
    /** Every compartment this user holds any key of. */
    async compartmentsOf(userId: string): Promise<CompartmentRow[]> {
      const rows = await db.query<RawCompartment>(
        `select c.* from compartments c
         where exists (select 1 from compartment_members m where m.compartment_id = c.id and m.user_id = $1)
         order by c.code`,
        [userId],
      );
      return rows.map(toCompartment);
    },
    /**
     * After a password reset by recovery the old private key is gone, and so is every key sealed to it;
     * after a change to a role that holds no keys, the keys go too.
     */
    async removeAllMembershipsOf(userId: string): Promise<void> {
      await db.query('delete from compartment_members where user_id = $1', [userId]);
    },
    async addRecoveryKey(keyId: string, wrappedKey: Uint8Array): Promise<void> {
      await db.query('insert into compartment_recovery_keys (key_id, wrapped_key) values ($1, $2)', [
        keyId,
        wrappedKey,
      ]);
    },
    async recoveryKeysFor(compartmentId: string): Promise<WrappedKeyRow[]> {
      const rows = await db.query<{ key_id: string; wrapped_key: Uint8Array }>(
        `select r.key_id, r.wrapped_key from compartment_recovery_keys r join compartment_keys k on k.id = r.key_id
         where k.compartment_id = $1 order by k.created_at desc`,
        [compartmentId],
      );
      return rows.map((row) => ({ keyId: row.key_id, wrappedKey: toBytes(row.wrapped_key) }));
    },
    async keyIdsOf(compartmentId: string): Promise<string[]> {
      const rows = await db.query<{ id: string }>(
        'select id from compartment_keys where compartment_id = $1',
        [compartmentId],
      );
      return rows.map((row) => row.id);
    },
  };
}
