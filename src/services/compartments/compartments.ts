/**
 * Compartments: the organisation's, and one per case. A member holds each compartment key sealed to
 * their public key; removing a member rotates the key and re-seals every value in the same
 * transaction, so nothing written afterwards (and nothing re-sealed) opens with what they held.
 */
import { randomUUID } from 'node:crypto';
import { COMPARTMENT_CODE } from '../../core/codes.ts';
import { Forbidden, InvalidInput, NotFound } from '../../core/errors.ts';
import type { Role } from '../../core/roles.ts';
import { newCompartmentKey } from '../../crypto/compartmentKeys.ts';
import type { SymmetricKey } from '../../crypto/seal.ts';
import { wipe } from '../../crypto/sodium.ts';
import { openSealedWithKeyPair, sealToPublicKey, UnwrapFailed } from '../../crypto/userKeys.ts';
import { type CompartmentRow, compartmentsRepository } from '../../store/compartments.ts';
import type { Db, Queryable } from '../../store/db.ts';
import { organisationsRepository } from '../../store/organisations.ts';
import { usersRepository } from '../../store/users.ts';
import type { Actor } from '../accounts/actor.ts';
import { appendAudit, recordAudit } from '../audit/audit.ts';
import { type Action, authorize, holdsCompartmentKeys } from '../policies/index.ts';
import { resealCompartmentValues } from './reseal.ts';

export function wipeKeys(keys: Iterable<SymmetricKey>): void {
  for (const key of keys) wipe(key.bytes);
}

/** Seals each key to the member's public key: no password of theirs is needed to give them keys. */
export async function sealKeysToMember(
  tx: Queryable,
  compartmentId: string,
  keys: SymmetricKey[],
  member: { id: string; publicKey: Uint8Array },
): Promise<void> {
  const compartments = compartmentsRepository(tx);
  for (const key of keys)
    await compartments.addMemberKey(
      compartmentId,
      key.id,
      member.id,
      sealToPublicKey(key.bytes, member.publicKey),
    );
}

/** Every key of the compartment the actor holds (current first), unwrapped. Empty if not a member. */
export async function unlockCompartmentKeys(
  db: Queryable,
  actor: Actor,
  compartmentId: string,
): Promise<SymmetricKey[]> {
  const wrapped = await compartmentsRepository(db).wrappedKeysFor(compartmentId, actor.userId);
  const keys: SymmetricKey[] = [];
  try {
    for (const row of wrapped)
      keys.push({ id: row.keyId, bytes: openSealedWithKeyPair(row.wrappedKey, actor.keyPair) });
  } catch (error) {
    wipeKeys(keys);
    if (error instanceof UnwrapFailed)
      throw new Forbidden('your copy of the compartment key cannot be opened');
    throw error;
  }
  return keys;
}

/** Resolves a compartment code (C-0001), or the organisation's when none is given. */
export async function resolveCompartment(db: Queryable, code: string | undefined): Promise<CompartmentRow> {
  const compartments = compartmentsRepository(db);
  if (code === undefined) {
    const organisation = await organisationsRepository(db).find();
    if (!organisation) throw new NotFound('organisation', '(run attest init first)');
    return (await compartments.findById(organisation.compartmentId))!;
  }
  if (!COMPARTMENT_CODE.test(code)) throw new InvalidInput('compartment', 'expected a code like C-0001');
  const compartment = await compartments.findByCode(code);
  if (!compartment) throw new NotFound('compartment', code);
  return compartment;
}

/**
 * Checks role and membership for an action on a compartment and returns the actor's keys. A refusal
 * is audited (in its own transaction) before Forbidden is thrown.
 */
export async function keysForAction(
  db: Db,
  actor: Actor,
  action: Action,
  compartment: CompartmentRow,
  record: { recordType: string; recordId: string | null },
): Promise<SymmetricKey[]> {
  const deny = async (reason: string, error: Forbidden) => {
    await recordAudit(db, {
      actor: actor.userId,
      action,
      outcome: 'denied',
      ...record,
      details: { reason, compartment: compartment.code },
    });
    return error;
  };
  try {
    authorize(actor.role, action);
  } catch (error) {
    if (error instanceof Forbidden) throw await deny('role', error);
    throw error;
  }
  const keys = await unlockCompartmentKeys(db, actor, compartment.id);
  const current = keys.find((key) => key.id === compartment.currentKeyId);
  if (!current) {
    wipeKeys(keys);
    throw await deny(
      'not a member',
      new Forbidden(`you are not a member of compartment ${compartment.code}`),
    );
  }
  return keys;
}

export async function createCaseCompartment(db: Db, actor: Actor): Promise<{ id: string; code: string }> {
  authorize(actor.role, 'compartment.create');
  const key = newCompartmentKey(randomUUID());
  try {
    return await db.transaction((tx) => insertCaseCompartment(tx, actor, key));
  } finally {
    wipe(key.bytes);
  }
}

/**
 * A case compartment under `key`, with the actor as its first member, inside the caller's
 * transaction (opening a case creates its compartment in the same one). The caller wipes the key.
 */
export async function insertCaseCompartment(
  tx: Queryable,
  actor: Actor,
  key: SymmetricKey,
): Promise<{ id: string; code: string }> {
  const compartments = compartmentsRepository(tx);
  const id = randomUUID();
  const code = await compartments.nextCode();
  await compartments.insert({ id, kind: 'case', code, currentKeyId: key.id }, actor.userId);
  await compartments.insertKey(key.id, id);
  await compartments.addMemberKey(
    id,
    key.id,
    actor.userId,
    sealToPublicKey(key.bytes, actor.keyPair.publicKey),
  );
  await appendAudit(tx, {
    actor: actor.userId,
    action: 'compartment.create',
    recordType: 'compartment',
    recordId: code,
  });
  return { id, code };
}

/** By e-mail (the CLI) or by id (the web app, which keeps e-mails out of URLs). */
async function findUser(db: Queryable, emailOrId: string) {
  const users = usersRepository(db);
  const isId = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(emailOrId);
  const user = isId ? await users.findById(emailOrId) : await users.findByEmail(emailOrId);
  if (!user) throw new NotFound('user', emailOrId);
  return user;
}

function refuseKeylessRole(role: Role): void {
  if (!holdsCompartmentKeys(role))
    throw new InvalidInput('member', `the role ${role} holds no compartment keys; change the role first`);
}

/** Gives `email` every key of the compartment the actor holds, so they can read old values too. */
export async function addCompartmentMember(
  db: Db,
  actor: Actor,
  compartmentCode: string | undefined,
  email: string,
): Promise<void> {
  const compartment = await resolveCompartment(db, compartmentCode);
  const member = await findUser(db, email);
  refuseKeylessRole(member.role);
  const keys = await keysForAction(db, actor, 'compartment.addMember', compartment, {
    recordType: 'compartment',
    recordId: compartment.code,
  });
  try {
    await db.transaction(async (tx) => {
      // Locked so a concurrent role change cannot take keys away before these land.
      refuseKeylessRole((await usersRepository(tx).findByIdForUpdate(member.id))!.role);
      await sealKeysToMember(tx, compartment.id, keys, member);
      await appendAudit(tx, {
        actor: actor.userId,
        action: 'compartment.addMember',
        recordType: 'compartment',
        recordId: compartment.code,
        details: { member: member.id, keys: keys.length },
      });
    });
  } finally {
    wipeKeys(keys);
  }
}

/** Removes the member's keys and rotates, in one transaction. */
export async function removeCompartmentMember(
  db: Db,
  actor: Actor,
  compartmentCode: string | undefined,
  email: string,
): Promise<{ keyId: string; resealed: number }> {
  const compartment = await resolveCompartment(db, compartmentCode);
  const member = await findUser(db, email);
  if (member.id === actor.userId)
    throw new InvalidInput('member', 'you cannot remove yourself; ask another member');
  const keys = await keysForAction(db, actor, 'compartment.removeMember', compartment, {
    recordType: 'compartment',
    recordId: compartment.code,
  });
  try {
    return await db.transaction(async (tx) => {
      const removed = await compartmentsRepository(tx).removeMember(compartment.id, member.id);
      if (removed === 0) throw new NotFound('compartment member', email);
      await appendAudit(tx, {
        actor: actor.userId,
        action: 'compartment.removeMember',
        recordType: 'compartment',
        recordId: compartment.code,
        details: { member: member.id },
      });
      return rotateWithin(tx, actor, compartment, keys);
    });
  } finally {
    wipeKeys(keys);
  }
}

export async function rotateCompartmentKey(
  db: Db,
  actor: Actor,
  compartmentCode: string | undefined,
): Promise<{ keyId: string; resealed: number }> {
  const compartment = await resolveCompartment(db, compartmentCode);
  const keys = await keysForAction(db, actor, 'compartment.rotate', compartment, {
    recordType: 'compartment',
    recordId: compartment.code,
  });
  try {
    return await db.transaction((tx) => rotateWithin(tx, actor, compartment, keys));
  } finally {
    wipeKeys(keys);
  }
}

/**
 * New key id; the new key sealed to every remaining member (and to the recovery key for the
 * organisation compartment); every value re-sealed under it. Old key ids stay wrapped for remaining
 * members, so anything sealed elsewhere under them (exports, backups) remains readable to them.
 */
export async function rotateWithin(
  tx: Queryable,
  actor: Actor,
  compartment: CompartmentRow,
  oldKeys: SymmetricKey[],
): Promise<{ keyId: string; resealed: number }> {
  const compartments = compartmentsRepository(tx);
  const locked = await compartments.findByIdForUpdate(compartment.id);
  if (!locked || locked.currentKeyId !== compartment.currentKeyId) {
    throw new InvalidInput('compartment', 'its key changed meanwhile; try again');
  }
  const key = newCompartmentKey(randomUUID());
  try {
    await compartments.insertKey(key.id, compartment.id);
    for (const member of await compartments.currentMembers(compartment.id)) {
      await compartments.addMemberKey(
        compartment.id,
        key.id,
        member.userId,
        sealToPublicKey(key.bytes, member.publicKey),
      );
    }
    if (compartment.kind === 'organisation') {
      const organisation = (await organisationsRepository(tx).find())!;
      await compartments.addRecoveryKey(key.id, sealToPublicKey(key.bytes, organisation.recoveryPublicKey));
    }
    const resealed = await resealCompartmentValues(tx, compartment, oldKeys, key);
    await compartments.setCurrentKey(compartment.id, key.id, compartment.currentKeyId);
    await appendAudit(tx, {
      actor: actor.userId,
      action: 'compartment.rotate',
      recordType: 'compartment',
      recordId: compartment.code,
      details: { keyId: key.id, previousKeyId: compartment.currentKeyId, resealed },
    });
    return { keyId: key.id, resealed };
  } finally {
    wipe(key.bytes);
  }
}
