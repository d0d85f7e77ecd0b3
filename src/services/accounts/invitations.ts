/**
 * Invitations: how an account gets its first password without anyone but its owner knowing it, and
 * without an environment variable. The administrator creates the account with a fresh key pair, seals
 * the organisation keys to it at once (as `addUser` does), and wraps its private key under a key
 * derived from a random invitation code (32 bytes, shown once; only its lookup hash is stored). The
 * invitee opens the link, chooses a password, and the same private key is re-wrapped under it.
 *
 * An administrator's password reset is a new invitation for an existing account: the old private
 * key is unknown to the administrator, so the account gets a new key pair holding the organisation
 * keys the administrator holds; case compartments must be given back by their members (as with the
 * recovery key, recovery.ts). Sessions end and the TOTP secret (sealed to the old key) goes.
 */
import { randomUUID } from 'node:crypto';
import { Conflict, InvalidInput, Unauthenticated } from '../../core/errors.ts';
import type { Role } from '../../core/roles.ts';
import { KDF_PARAMS, type KdfParams, newKdfSalt } from '../../crypto/passwords.ts';
import {
  newSessionToken,
  sessionLookupHash,
  sessionTokenFromText,
  sessionTokenToText,
  sessionWrappingKey,
} from '../../crypto/sessionTokens.ts';
import { wipe } from '../../crypto/sodium.ts';
import {
  type KeyPair,
  newKeyPair,
  publicKeyOf,
  UnwrapFailed,
  unwrapSecret,
  wipeKeyPair,
  wrapSecret,
} from '../../crypto/userKeys.ts';
import { compartmentsRepository } from '../../store/compartments.ts';
import type { Db } from '../../store/db.ts';
import { sessionsRepository } from '../../store/sessions.ts';
import { normaliseEmail, usersRepository } from '../../store/users.ts';
import { appendAudit } from '../audit/audit.ts';
import {
  keysForAction,
  resolveCompartment,
  sealKeysToMember,
  wipeKeys,
} from '../compartments/compartments.ts';
import { holdsCompartmentKeys } from '../policies/index.ts';
import { newCredentials, parseEmail, parseRole } from './accounts.ts';
import type { Actor } from './actor.ts';
import { lockUserTarget, type UserTarget } from './userTarget.ts';

export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1_000;
const INVITATION_PURPOSE = 'invitation-private-key';
/** Stored instead of a password hash while an invitation is pending; never matches (claimAttempt refuses first). */
const NO_PASSWORD_YET = '!invited';

export interface Invitation {
  id: string;
  email: string;
  role: Role;
  /** The code the invitee needs: shown once, never stored. */
  code: string;
  expiresAt: Date;
}

interface InvitationSecret {
  code: string;
  hash: Uint8Array;
  wrappedPrivateKey: Uint8Array;
}

function wrapForInvitation(userId: string, keyPair: KeyPair): InvitationSecret {
  const token = newSessionToken();
  const wrappingKey = sessionWrappingKey(token);
  try {
    return {
      code: sessionTokenToText(token),
      hash: sessionLookupHash(token),
      wrappedPrivateKey: wrapSecret(wrappingKey, keyPair.privateKey, INVITATION_PURPOSE, userId),
    };
  } finally {
    wipe(wrappingKey, token);
  }
}

function invitedCredentials(keyPair: KeyPair, wrappedPrivateKey: Uint8Array) {
  return {
    passwordHash: NO_PASSWORD_YET,
    publicKey: keyPair.publicKey,
    wrappedPrivateKey,
    kdfSalt: newKdfSalt(),
    kdfParams: KDF_PARAMS,
  };
}

export async function inviteUser(
  db: Db,
  actor: Actor,
  input: { email: string; role: string },
  now: Date = new Date(),
): Promise<Invitation> {
  const email = parseEmail(input.email);
  const role = parseRole(input.role);
  const compartment = await resolveCompartment(db, undefined);
  const keys = await keysForAction(db, actor, 'user.add', compartment, {
    recordType: 'user',
    recordId: null,
  });
  const id = randomUUID();
  const keyPair = newKeyPair();
  try {
    const secret = wrapForInvitation(id, keyPair);
    const expiresAt = new Date(now.getTime() + INVITATION_TTL_MS);
    await db.transaction(async (tx) => {
      const users = usersRepository(tx);
      if (await users.findByEmail(email)) throw new Conflict(`a user with e-mail ${email} already exists`);
      await users.insert({ id, email, role, ...invitedCredentials(keyPair, secret.wrappedPrivateKey) });
      await users.setInvitation(id, secret.hash, expiresAt);
      const granted = holdsCompartmentKeys(role) ? keys : [];
      await sealKeysToMember(tx, compartment.id, granted, { id, publicKey: keyPair.publicKey });
      await appendAudit(
        tx,
        {
          actor: actor.userId,
          action: 'user.add',
          recordType: 'user',
          recordId: id,
          details: { role, keys: granted.length, invitation: true },
        },
        now,
      );
    });
    return { id, email: normaliseEmail(email), role, code: secret.code, expiresAt };
  } finally {
    wipeKeys(keys);
    wipeKeyPair(keyPair);
  }
}

/**
 * The invitee sets their first password: the private key the invitation code unwraps is re-wrapped
 * under it. A wrong, used or expired code gets one answer, so codes cannot be probed.
 */
export async function acceptInvitation(
  db: Db,
  input: { code: string; password: string },
  now: Date = new Date(),
  params: KdfParams = KDF_PARAMS,
): Promise<{ id: string; email: string }> {
  const refused = new Unauthenticated(
    'this invitation is not valid (wrong, used or expired); ask for a new one',
  );
  let token: Uint8Array;
  try {
    token = sessionTokenFromText(input.code.trim());
  } catch {
    throw refused;
  }
  const hash = sessionLookupHash(token);
  const wrappingKey = sessionWrappingKey(token);
  wipe(token);
  let keyPair: KeyPair | null = null;
  try {
    // Read without a lock: the password is hashed before the transaction, which claims the code.
    const user = await usersRepository(db).findByInvitationHash(hash);
    if (!user?.invitationExpiresAt || user.invitationExpiresAt <= now || user.disabledAt) throw refused;
    let privateKey: Uint8Array;
    try {
      privateKey = unwrapSecret(wrappingKey, user.wrappedPrivateKey, INVITATION_PURPOSE, user.id);
    } catch (error) {
      if (error instanceof UnwrapFailed) throw refused;
      throw error;
    }
    keyPair = { publicKey: publicKeyOf(privateKey), privateKey };
    const credentials = await newCredentials(user.id, input.password, params, keyPair);
    await db.transaction(async (tx) => {
      const users = usersRepository(tx);
      // Claimed under the row lock: of two concurrent acceptances only one finds the invitation.
      const current = await users.findByInvitationHashForUpdate(hash);
      if (!current) throw refused;
      await users.replaceCredentials(user.id, credentials.row);
      await users.setInvitation(user.id, null, null);
      await appendAudit(
        tx,
        { actor: user.id, action: 'user.acceptInvitation', recordType: 'user', recordId: user.id },
        now,
      );
    });
    return { id: user.id, email: user.email };
  } finally {
    wipe(wrappingKey);
    if (keyPair) wipeKeyPair(keyPair);
  }
}

/** An administrator resets someone else's password by issuing a new invitation (see the file comment). */
export async function resetPasswordByAdministrator(
  db: Db,
  actor: Actor,
  target: UserTarget,
  now: Date = new Date(),
): Promise<Invitation> {
  const compartment = await resolveCompartment(db, undefined);
  const keys = await keysForAction(db, actor, 'user.resetPassword', compartment, {
    recordType: 'user',
    recordId: 'userId' in target ? target.userId : null,
  });
  const keyPair = newKeyPair();
  try {
    return await db.transaction(async (tx) => {
      const users = usersRepository(tx);
      const user = await lockUserTarget(tx, target);
      if (user.id === actor.userId)
        throw new InvalidInput('user', 'you cannot reset your own password this way; use the recovery key');
      const secret = wrapForInvitation(user.id, keyPair);
      const expiresAt = new Date(now.getTime() + INVITATION_TTL_MS);
      await users.replaceCredentials(user.id, invitedCredentials(keyPair, secret.wrappedPrivateKey));
      await users.setInvitation(user.id, secret.hash, expiresAt);
      await users.setTotpSecret(user.id, null);
      await users.setPendingTotpSecret(user.id, null);
      // Every key sealed to the old public key is useless now; the organisation's are sealed again.
      const compartments = compartmentsRepository(tx);
      const held = await compartments.compartmentsOf(user.id);
      for (const other of held) {
        const members = await compartments.currentMembers(other.id);
        // A case key exists only sealed to its members: resetting its last one would lose the case.
        if (other.id !== compartment.id && members.every((m) => m.userId === user.id))
          throw new Conflict(
            `${user.email} is the only member of ${other.code}; add another member before resetting the password`,
          );
      }
      await compartments.removeAllMembershipsOf(user.id);
      await sessionsRepository(tx).deleteForUser(user.id);
      const granted = holdsCompartmentKeys(user.role) ? keys : [];
      await sealKeysToMember(tx, compartment.id, granted, { id: user.id, publicKey: keyPair.publicKey });
      const lost = held.filter((c) => c.id !== compartment.id).map((c) => c.code);
      await appendAudit(
        tx,
        {
          actor: actor.userId,
          action: 'user.resetPassword',
          recordType: 'user',
          recordId: user.id,
          details: { keys: granted.length, compartmentsToReAdd: lost.join(', ') },
        },
        now,
      );
      return { id: user.id, email: user.email, role: user.role, code: secret.code, expiresAt };
    });
  } finally {
    wipeKeys(keys);
    wipeKeyPair(keyPair);
  }
}
