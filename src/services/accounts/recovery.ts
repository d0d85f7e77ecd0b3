/**
 * Using the organisation recovery key: when an administrator has lost their password (and with it
 * their private key), the recovery key opens the organisation compartment keys, and this gives the
 * account a new password and key pair holding them again (if its role holds keys at all). Case
 * compartments the account belonged to are NOT recovered — their keys were sealed only to members —
 * so another member must add them back.
 */
import { NotFound, Unauthenticated } from '../../core/errors.ts';
import type { KdfParams } from '../../crypto/passwords.ts';
import { KDF_PARAMS } from '../../crypto/passwords.ts';
import { parseRecoveryKey, recoveryKeyPair } from '../../crypto/recoveryKey.ts';
import type { SymmetricKey } from '../../crypto/seal.ts';
import { wipe } from '../../crypto/sodium.ts';
import { type KeyPair, openSealedWithKeyPair, UnwrapFailed, wipeKeyPair } from '../../crypto/userKeys.ts';
import { compartmentsRepository } from '../../store/compartments.ts';
import type { Db, Queryable } from '../../store/db.ts';
import { organisationsRepository } from '../../store/organisations.ts';
import { sessionsRepository } from '../../store/sessions.ts';
import { usersRepository } from '../../store/users.ts';
import { appendAudit, recordAudit } from '../audit/audit.ts';
import { sealKeysToMember, wipeKeys } from '../compartments/compartments.ts';
import { holdsCompartmentKeys } from '../policies/index.ts';
import { newCredentials } from './accounts.ts';

/** Every organisation compartment key, opened with the recovery key. Caller wipes them. */
export async function openOrganisationKeysWithRecovery(
  db: Queryable,
  recoveryKey: string,
): Promise<SymmetricKey[]> {
  const seed = parseRecoveryKey(recoveryKey);
  const pair = recoveryKeyPair(seed);
  wipe(seed);
  try {
    const organisation = await organisationsRepository(db).find();
    if (!organisation) throw new NotFound('organisation', '(run attest init first)');
    const wrapped = await compartmentsRepository(db).recoveryKeysFor(organisation.compartmentId);
    const keys: SymmetricKey[] = [];
    try {
      for (const row of wrapped)
        keys.push({ id: row.keyId, bytes: openSealedWithKeyPair(row.wrappedKey, pair) });
    } catch (error) {
      wipeKeys(keys);
      if (error instanceof UnwrapFailed)
        throw new Unauthenticated('this is not the organisation’s recovery key');
      throw error;
    }
    return keys;
  } finally {
    wipeKeyPair(pair);
  }
}

export async function resetPasswordWithRecoveryKey(
  db: Db,
  input: { recoveryKey: string; email: string; newPassword: string },
  params: KdfParams = KDF_PARAMS,
): Promise<void> {
  const user = await usersRepository(db).findByEmail(input.email);
  if (!user) throw new NotFound('user', input.email);
  let keys: SymmetricKey[];
  try {
    keys = await openOrganisationKeysWithRecovery(db, input.recoveryKey);
  } catch (error) {
    await recordAudit(db, {
      actor: 'recovery',
      action: 'user.recover',
      outcome: 'denied',
      recordType: 'user',
      recordId: user.id,
    });
    throw error;
  }
  // Declared outside the try so `finally` can wipe it; created inside so that a rejected new password
  // (InvalidInput) still wipes the organisation keys opened above.
  let keyPair: KeyPair | null = null;
  try {
    const credentials = await newCredentials(user.id, input.newPassword, params);
    keyPair = credentials.keyPair;
    const publicKey = keyPair.publicKey;
    // The TOTP secret is sealed to the old public key; the new key pair cannot open it, and keeping it
    // would make every later sign-in fail. Clear it; the user enrols again after signing in. Cleared
    // unconditionally (the row read above may predate a concurrent enrolment); audited when it existed.
    const totpCleared = user.totpSecretSealed !== null;
    // replaceCredentials also clears a sign-in lock: the recovery key is the owner's way back in.
    const unlocked = user.lockedUntil !== null && user.lockedUntil > new Date();
    await db.transaction(async (tx) => {
      const organisation = (await organisationsRepository(tx).find())!;
      const compartments = compartmentsRepository(tx);
      const users = usersRepository(tx);
      await users.replaceCredentials(user.id, credentials.row);
      await users.setTotpSecret(user.id, null);
      // The old private key is gone: every key sealed to the old public key is now useless to them.
      await compartments.removeAllMembershipsOf(user.id);
      await sessionsRepository(tx).deleteForUser(user.id);
      // The role is read again under this transaction: a role changed meanwhile decides.
      const role = (await users.findByIdForUpdate(user.id))!.role;
      const granted = holdsCompartmentKeys(role) ? keys : [];
      await sealKeysToMember(tx, organisation.compartmentId, granted, { id: user.id, publicKey });
      await appendAudit(tx, {
        actor: 'recovery',
        action: 'user.recover',
        recordType: 'user',
        recordId: user.id,
        details: { totpCleared, unlocked },
      });
    });
  } finally {
    wipeKeys(keys);
    if (keyPair) wipeKeyPair(keyPair);
  }
}
