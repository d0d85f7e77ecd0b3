/**
 * The organisation and its accounts: `initOrganisation` creates every key of a new installation;
 * `addUser` creates an account and, when its role holds keys (policies.ts), gives it the organisation
 * compartment key. Role changes live in roles.ts; sign-in, sessions and TOTP in
 * login.ts.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { Conflict, InvalidInput } from '../../core/errors.ts';
import { ROLES, type Role } from '../../core/roles.ts';
import { newCompartmentKey } from '../../crypto/compartmentKeys.ts';
import { passwordPool, type Reservation } from '../../crypto/passwordPool.ts';
import { checkPasswordStrength, KDF_PARAMS, type KdfParams, newKdfSalt } from '../../crypto/passwords.ts';
import { formatRecoveryKey, newRecoverySeed, recoveryKeyPair } from '../../crypto/recoveryKey.ts';
import { sealBytes } from '../../crypto/seal.ts';
import { wipe } from '../../crypto/sodium.ts';
import { type KeyPair, newKeyPair, sealToPublicKey, wipeKeyPair, wrapSecret } from '../../crypto/userKeys.ts';
import { compartmentsRepository } from '../../store/compartments.ts';
import type { Db } from '../../store/db.ts';
import { organisationsRepository } from '../../store/organisations.ts';
import { type NewUser, normaliseEmail, usersRepository } from '../../store/users.ts';
import { appendAudit } from '../audit/audit.ts';
import {
  keysForAction,
  resolveCompartment,
  sealKeysToMember,
  wipeKeys,
} from '../compartments/compartments.ts';
import { ORGANISATION_KEY_CONTEXT } from '../compartments/reseal.ts';
import { holdsCompartmentKeys } from '../policies/index.ts';
import type { Actor } from './actor.ts';

export { KDF_PARAMS, type KdfParams };

/** Whether the installation still needs its organisation and first administrator (`attest init`). */
export async function setupNeeded(db: Db): Promise<boolean> {
  return (await organisationsRepository(db).find()) === null;
}

/** Whether any account exists yet (before `attest init` there is no one to sign in as). */
export async function accountsExist(db: Db): Promise<boolean> {
  return (await usersRepository(db).count()) > 0;
}

/** The organisation's name, or null before setup. */
export async function organisationName(db: Db): Promise<string | null> {
  return (await organisationsRepository(db).find())?.name ?? null;
}

export const PRIVATE_KEY_PURPOSE = 'user-private-key';

const emailSchema = z.string().trim().toLowerCase().pipe(z.email());
const roleSchema = z.enum(ROLES);

export function parseEmail(value: string): string {
  const result = emailSchema.safeParse(value);
  if (!result.success) throw new InvalidInput('email', 'not a valid e-mail address');
  return result.data;
}

export function parseRole(value: string): Role {
  const result = roleSchema.safeParse(value);
  if (!result.success) throw new InvalidInput('role', `must be one of ${ROLES.join(', ')}`);
  return result.data;
}

/**
 * Everything stored for a password: verifier, key pair, private key wrapped under the password. The
 * two Argon2id computations run in the bounded pool (RateLimited when it is full). `existing` keeps a
 * key pair the account already has (an accepted invitation), so keys sealed to it stay readable.
 */
export async function newCredentials(
  userId: string,
  password: string,
  params: KdfParams = KDF_PARAMS,
  existing?: KeyPair,
) {
  checkPasswordStrength(password);
  const kdfSalt = newKdfSalt();
  const { passwordHash, wrappingKey } = await passwordSecrets(password, kdfSalt, params);
  const keyPair = existing ?? newKeyPair();
  try {
    return {
      keyPair,
      row: {
        passwordHash,
        publicKey: keyPair.publicKey,
        wrappedPrivateKey: wrapSecret(wrappingKey, keyPair.privateKey, PRIVATE_KEY_PURPOSE, userId),
        kdfSalt,
        kdfParams: params,
      },
    };
  } finally {
    wipe(wrappingKey);
  }
}

/**
 * The verifier and the key-encryption key of a password: two Argon2id jobs in the bounded pool
 * (RateLimited when it is full). The caller wipes the key.
 */
export async function passwordSecrets(
  password: string,
  kdfSalt: Uint8Array,
  params: KdfParams,
): Promise<{ passwordHash: string; wrappingKey: Uint8Array }> {
  const pool = passwordPool();
  const hashing = pool.reserve();
  let deriving: Reservation;
  try {
    deriving = pool.reserve();
  } catch (error) {
    hashing.release();
    throw error;
  }
  const [verifier, derived] = await Promise.allSettled([
    hashing.run({ kind: 'hash', password, params }),
    deriving.run({ kind: 'derive', password, salt: kdfSalt, params }),
  ]);
  if (derived.status === 'rejected') throw derived.reason;
  const wrappingKey = derived.value;
  if (verifier.status === 'rejected') {
    wipe(wrappingKey);
    throw verifier.reason;
  }
  return { passwordHash: verifier.value, wrappingKey };
}

export interface InitResult {
  organisationId: string;
  adminId: string;
  compartment: string;
  /** Shown once; never stored. */
  recoveryKey: string;
}

export async function initOrganisation(
  db: Db,
  input: { name: string; adminEmail: string; password: string },
  params: KdfParams = KDF_PARAMS,
): Promise<InitResult> {
  const name = input.name.trim();
  if (name.length === 0 || name.length > 200) throw new InvalidInput('org', 'must be 1–200 characters');
  const email = parseEmail(input.adminEmail);
  const organisations = organisationsRepository(db);
  if (await organisations.find()) throw new Conflict('this installation already has an organisation');

  const adminId = randomUUID();
  const { keyPair: adminKeys, row } = await newCredentials(adminId, input.password, params);
  const organisationId = randomUUID();
  const compartmentId = randomUUID();
  const compartmentKey = newCompartmentKey(randomUUID());
  const intakeKeys: KeyPair = newKeyPair();
  const seed = newRecoverySeed();
  const recovery = recoveryKeyPair(seed);
  try {
    const compartmentCode = await db.transaction(async (tx) => {
      await organisationsRepository(tx).lockForSetup();
      if (await organisationsRepository(tx).find())
        throw new Conflict('this installation already has an organisation');
      const users = usersRepository(tx);
      const compartments = compartmentsRepository(tx);
      const user: NewUser = { id: adminId, email, role: 'administrator', ...row };
      await users.insert(user);
      const code = await compartments.nextCode();
      await compartments.insert(
        { id: compartmentId, kind: 'organisation', code, currentKeyId: compartmentKey.id },
        adminId,
      );
      await compartments.insertKey(compartmentKey.id, compartmentId);
      await compartments.addMemberKey(
        compartmentId,
        compartmentKey.id,
        adminId,
        sealToPublicKey(compartmentKey.bytes, adminKeys.publicKey),
      );
      await compartments.addRecoveryKey(
        compartmentKey.id,
        sealToPublicKey(compartmentKey.bytes, recovery.publicKey),
      );
      await organisationsRepository(tx).insert({
        id: organisationId,
        name,
        publicKey: intakeKeys.publicKey,
        sealedPrivateKey: sealBytes(
          compartmentKey,
          intakeKeys.privateKey,
          ORGANISATION_KEY_CONTEXT(organisationId),
        ),
        recoveryPublicKey: recovery.publicKey,
        compartmentId,
      });
      await appendAudit(tx, {
        actor: adminId,
        action: 'organisation.init',
        recordType: 'organisation',
        recordId: organisationId,
      });
      await appendAudit(tx, {
        actor: adminId,
        action: 'user.add',
        recordType: 'user',
        recordId: adminId,
        details: { role: 'administrator' },
      });
      return code;
    });
    return { organisationId, adminId, compartment: compartmentCode, recoveryKey: formatRecoveryKey(seed) };
  } finally {
    wipe(seed, compartmentKey.bytes);
    wipeKeyPair(adminKeys);
    wipeKeyPair(intakeKeys);
    wipeKeyPair(recovery);
  }
}

/**
 * Creates an account; when its role holds keys, seals the organisation compartment keys to it (so
 * the actor must hold them). A viewer or analyst gets none: their password opens no protected value.
 */
export async function addUser(
  db: Db,
  actor: Actor,
  input: { email: string; role: string; password: string },
  params: KdfParams = KDF_PARAMS,
): Promise<{ id: string; email: string; role: Role }> {
  const email = parseEmail(input.email);
  const role = parseRole(input.role);
  const compartment = await resolveCompartment(db, undefined);
  const keys = await keysForAction(db, actor, 'user.add', compartment, {
    recordType: 'user',
    recordId: null,
  });
  const id = randomUUID();
  let keyPair: KeyPair | null = null;
  try {
    if (await usersRepository(db).findByEmail(email))
      throw new Conflict(`a user with e-mail ${email} already exists`);
    const credentials = await newCredentials(id, input.password, params);
    keyPair = credentials.keyPair;
    await db.transaction(async (tx) => {
      if (await usersRepository(tx).findByEmail(email))
        throw new Conflict(`a user with e-mail ${email} already exists`);
      await usersRepository(tx).insert({ id, email, role, ...credentials.row });
      const granted = holdsCompartmentKeys(role) ? keys : [];
      await sealKeysToMember(tx, compartment.id, granted, { id, publicKey: credentials.row.publicKey });
      await appendAudit(tx, {
        actor: actor.userId,
        action: 'user.add',
        recordType: 'user',
        recordId: id,
        details: { role, keys: granted.length },
      });
    });
    return { id, email: normaliseEmail(email), role };
  } finally {
    wipeKeys(keys);
    if (keyPair) wipeKeyPair(keyPair);
  }
}
