/**
 * Rehash on sign-in: a password stored with weaker Argon2id parameters than the current ones (an
 * account from before they were raised) is hashed again, and the private key re-wrapped under a key
 * derived with them, while the password is at hand — the only moment it ever is. The key pair stays
 * the same, so every compartment key sealed to the user still opens.
 */
import { RateLimited } from '../../core/errors.ts';
import { type KdfParams, newKdfSalt, passwordNeedsRehash } from '../../crypto/passwords.ts';
import { wipe } from '../../crypto/sodium.ts';
import { wrapSecret } from '../../crypto/userKeys.ts';
import type { Db } from '../../store/db.ts';
import { usersRepository } from '../../store/users.ts';
import { appendAudit } from '../audit/audit.ts';
import { PRIVATE_KEY_PURPOSE, passwordSecrets } from './accounts.ts';
import type { Actor } from './actor.ts';

const sameParams = (a: KdfParams, b: KdfParams) =>
  a.algorithm === b.algorithm && a.opsLimit === b.opsLimit && a.memLimit === b.memLimit;

/**
 * Upgrades the credentials of a user who has just signed in with `password`, when they were made
 * with parameters other than `params`. Returns whether it did. Best effort: with the password pool
 * busy, or the password changed meanwhile, it leaves them for the next sign-in.
 */
export async function rehashPasswordIfWeak(
  db: Db,
  actor: Actor,
  password: string,
  params: KdfParams,
): Promise<boolean> {
  const user = await usersRepository(db).findById(actor.userId);
  if (!user) return false;
  if (sameParams(user.kdfParams, params) && !passwordNeedsRehash(user.passwordHash, params)) return false;
  const kdfSalt = newKdfSalt();
  let secrets: Awaited<ReturnType<typeof passwordSecrets>>;
  try {
    secrets = await passwordSecrets(password, kdfSalt, params);
  } catch (error) {
    if (error instanceof RateLimited) return false;
    throw error;
  }
  const { passwordHash, wrappingKey } = secrets;
  let wrappedPrivateKey: Uint8Array;
  try {
    wrappedPrivateKey = wrapSecret(wrappingKey, actor.keyPair.privateKey, PRIVATE_KEY_PURPOSE, actor.userId);
  } finally {
    wipe(wrappingKey);
  }
  return db.transaction(async (tx) => {
    const users = usersRepository(tx);
    const current = await users.findByIdForUpdate(actor.userId);
    // A password changed since this sign-in wins: never put the old one back.
    if (!current || current.passwordHash !== user.passwordHash) return false;
    await users.replaceCredentials(actor.userId, {
      passwordHash,
      publicKey: current.publicKey,
      wrappedPrivateKey,
      kdfSalt,
      kdfParams: params,
    });
    await appendAudit(tx, {
      actor: actor.userId,
      action: 'auth.rehash',
      recordType: 'user',
      recordId: actor.userId,
      details: { opsLimit: params.opsLimit, memLimit: params.memLimit },
    });
    return true;
  });
}
