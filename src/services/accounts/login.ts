/**
 * Signing in. A password unlocks the user's private key (Argon2id → XChaCha20-Poly1305 unwrap); a
 * session re-wraps that key under a key derived from a random token only the client holds.
 *
 * Lockout: after 3 consecutive failures each further failure locks the account for an exponentially
 * growing time (5 s, 10 s); from 5 failures on it is locked for 15 min, doubling per failure (max 24 h).
 * Each attempt is counted as a failure before its password is checked (see claimAttempt), so
 * concurrent guesses cannot outrun the lock. While locked, attempts are refused without checking the
 * password (a dummy Argon2id keeps the timing of a real check) and audited; every lock is audited too.
 * The price is that anyone can lock a known account: an administrator lifts it (unlock.ts),
 * and the recovery key lifts it with a new password (recovery.ts).
 *
 * Argon2id runs in the bounded worker pool (crypto/passwordPool.ts). A sign-in reserves its place
 * there before it touches the database, so a flood is refused (429) without claiming attempts,
 * and no transaction is open while the password is hashed: each sign-in holds a connection only
 * for the two short transactions that claim the attempt and record its success.
 */
import { Conflict, InvalidInput, Unauthenticated } from '../../core/errors.ts';
import { type PasswordPool, passwordPool, type Reservation } from '../../crypto/passwordPool.ts';
import type { KdfParams } from '../../crypto/passwords.ts';
import {
  newSessionToken,
  sessionLookupHash,
  sessionTokenFromText,
  sessionTokenToText,
  sessionWrappingKey,
} from '../../crypto/sessionTokens.ts';
import { wipe } from '../../crypto/sodium.ts';
import { base32Encode, matchTotp, newTotpSecret, totpUri } from '../../crypto/totp.ts';
import {
  openSealedWithKeyPair,
  publicKeyOf,
  sealToPublicKey,
  UnwrapFailed,
  unwrapSecret,
  wrapSecret,
} from '../../crypto/userKeys.ts';
import type { Db } from '../../store/db.ts';
import { sessionsRepository } from '../../store/sessions.ts';
import { type UserRow, usersRepository } from '../../store/users.ts';
import { appendAudit, recordAudit } from '../audit/audit.ts';
import { authorize } from '../policies/index.ts';
import { PRIVATE_KEY_PURPOSE } from './accounts.ts';
import type { Actor } from './actor.ts';
import { rehashPasswordIfWeak } from './rehash.ts';

export const LOCKOUT_THRESHOLD = 5;
const BACKOFF_FROM = 3;
const SECOND = 1_000;
const MINUTE = 60 * SECOND;
export const SESSION_TTL_MS = 8 * 60 * MINUTE;
const SESSION_PURPOSE = 'session-private-key';

/** How long the account stays locked after `failures` consecutive failures (0: not locked). */
export function lockDuration(failures: number): number {
  if (failures < BACKOFF_FROM) return 0;
  if (failures < LOCKOUT_THRESHOLD) return 5 * SECOND * 2 ** (failures - BACKOFF_FROM);
  return Math.min(15 * MINUTE * 2 ** (failures - LOCKOUT_THRESHOLD), 24 * 60 * MINUTE);
}

export interface Credentials {
  email: string;
  password: string;
  totpCode?: string | undefined;
}

/** The private key, if the password matches; null otherwise. One Argon2id job in the pool. */
async function unwrapWithPassword(
  reservation: Reservation,
  user: UserRow,
  password: string,
): Promise<Uint8Array | null> {
  const wrappingKey = await reservation.run({
    kind: 'verify',
    hash: user.passwordHash,
    password,
    salt: user.kdfSalt,
    params: user.kdfParams,
  });
  if (!wrappingKey) return null;
  try {
    return unwrapSecret(wrappingKey, user.wrappedPrivateKey, PRIVATE_KEY_PURPOSE, user.id);
  } finally {
    wipe(wrappingKey);
  }
}

const WRONG = 'wrong e-mail, password or TOTP code';

type Claim = { user: UserRow; failures: number } | null;

/**
 * Claims one sign-in attempt before any password is checked: under the row lock it refuses a
 * disabled or locked account and otherwise records the attempt as a failure in advance (with the
 * lock that failure implies). Concurrent guesses therefore queue on the row and each sees the
 * failures of those before it, so a burst cannot get more guesses checked than the lock allows;
 * only a verified success clears the counter again. Null means refused (already audited).
 */
async function claimAttempt(db: Db, email: string, now: Date): Promise<Claim> {
  return db.transaction(async (tx) => {
    const users = usersRepository(tx);
    const user = await users.findByEmailForUpdate(email);
    if (!user) {
      await appendAudit(
        tx,
        { actor: 'unknown', action: 'auth.login', outcome: 'denied', details: { reason: 'no such account' } },
        now,
      );
      return null;
    }
    const refuse = async (reason: string): Promise<null> => {
      await appendAudit(
        tx,
        {
          actor: user.id,
          action: 'auth.login',
          outcome: 'denied',
          recordType: 'user',
          recordId: user.id,
          details: { reason },
        },
        now,
      );
      return null;
    };
    if (user.disabledAt) return refuse('disabled');
    if (user.invitationExpiresAt) return refuse('invitation not accepted');
    if (user.lockedUntil && user.lockedUntil > now) return refuse('locked');
    const failures = user.failedLogins + 1;
    const lock = lockDuration(failures);
    const lockedUntil = lock > 0 ? new Date(now.getTime() + lock) : null;
    await users.recordFailedLogin(user.id, failures, lockedUntil);
    if (lockedUntil) {
      // Counted before the check, so a success clears it again; an owner locked out by someone
      // else's guesses finds here when and how often (and asks an administrator to unlock).
      await appendAudit(
        tx,
        {
          actor: 'system',
          action: 'auth.lock',
          recordType: 'user',
          recordId: user.id,
          details: { failures, until: lockedUntil.toISOString() },
        },
        now,
      );
    }
    return { user, failures };
  });
}

/**
 * Checks the credentials and returns the actor with their private key unlocked.
 *
 * Every refusal — unknown e-mail, disabled or locked account, wrong password, missing or wrong TOTP
 * code — is the same Unauthenticated(WRONG) after one Argon2id computation, so neither the message,
 * the status nor the timing tells an outsider whether an account exists or is locked; the reason
 * goes to the audit log only. The price: a locked-out user is not told to wait, and retrying
 * while locked gets the same answer as a typo (the route's per-client limiter still answers 429).
 */
export async function authenticate(
  db: Db,
  credentials: Credentials,
  now: Date = new Date(),
  pool: PasswordPool = passwordPool(),
): Promise<Actor> {
  // RateLimited here, before any database work: a flood claims no attempt and holds no connection.
  const reservation = pool.reserve();
  let claim: Claim;
  try {
    claim = await claimAttempt(db, credentials.email, now);
  } catch (error) {
    reservation.release();
    throw error;
  }
  if (!claim) {
    await reservation.run({ kind: 'burn', password: credentials.password });
    throw new Unauthenticated(WRONG);
  }
  const { user, failures } = claim;
  // The failure was already counted by the claim; this only records why.
  const fail = async (reason: string) => {
    await recordAudit(
      db,
      {
        actor: user.id,
        action: 'auth.login',
        outcome: 'denied',
        recordType: 'user',
        recordId: user.id,
        details: { reason, failures },
      },
      now,
    );
    return new Unauthenticated(WRONG);
  };
  let privateKey: Uint8Array | null;
  try {
    privateKey = await unwrapWithPassword(reservation, user, credentials.password);
  } catch (error) {
    if (error instanceof UnwrapFailed) throw await fail('key unwrap');
    throw error;
  }
  if (!privateKey) throw await fail('password');
  const keyPair = { publicKey: publicKeyOf(privateKey), privateKey };
  let totpStep: number | null = null;
  if (user.totpSecretSealed) {
    // Same answer as a wrong code: "a code is required" would confirm the password to a guesser.
    if (!credentials.totpCode) {
      wipe(privateKey);
      throw await fail('totp missing');
    }
    let secret: Uint8Array;
    try {
      secret = openSealedWithKeyPair(user.totpSecretSealed, keyPair);
    } catch (error) {
      wipe(privateKey);
      // Sealed to a key this account no longer has (e.g. from before a recovery): refuse, don't 500.
      if (error instanceof UnwrapFailed) throw await fail('totp secret unreadable');
      throw error;
    }
    try {
      totpStep = matchTotp(secret, credentials.totpCode, Math.floor(now.getTime() / SECOND));
    } finally {
      wipe(secret);
    }
    if (totpStep === null) {
      wipe(privateKey);
      throw await fail('totp');
    }
  }
  const step = totpStep;
  const accepted = await db.transaction(async (tx) => {
    const users = usersRepository(tx);
    // Lock the row again so the reset is ordered against concurrent claims.
    await users.findByEmailForUpdate(user.email);
    // A code may be used once: the step is claimed atomically, so of two concurrent sign-ins with
    // the same code only one gets it.
    if (step !== null && !(await users.claimTotpStep(user.id, step))) return false;
    await users.clearLoginFailures(user.id);
    await appendAudit(
      tx,
      { actor: user.id, action: 'auth.login', recordType: 'user', recordId: user.id },
      now,
    );
    return true;
  });
  if (!accepted) {
    wipe(privateKey);
    throw await fail('totp replay');
  }
  return { userId: user.id, email: user.email, role: user.role, keyPair };
}

/** Signs in and opens a session; the returned token is the only way back in without the password. */
export async function login(
  db: Db,
  credentials: Credentials,
  options: { now?: Date; ttlMs?: number; rehashTo?: KdfParams } = {},
): Promise<{ actor: Actor; token: string; expiresAt: Date }> {
  const now = options.now ?? new Date();
  const actor = await authenticate(db, credentials, now);
  // The password is at hand only now: upgrade a verifier made with weaker parameters.
  if (options.rehashTo) await rehashPasswordIfWeak(db, actor, credentials.password, options.rehashTo);
  const token = newSessionToken();
  const wrappingKey = sessionWrappingKey(token);
  const expiresAt = new Date(now.getTime() + (options.ttlMs ?? SESSION_TTL_MS));
  try {
    const wrapped = wrapSecret(wrappingKey, actor.keyPair.privateKey, SESSION_PURPOSE, actor.userId);
    // Expired sessions still hold wrapped keys; drop them rather than keep them for a thief.
    await sessionsRepository(db).deleteExpired(now);
    await sessionsRepository(db).insert(sessionLookupHash(token), actor.userId, wrapped, expiresAt);
    return { actor, token: sessionTokenToText(token), expiresAt };
  } finally {
    wipe(wrappingKey, token);
  }
}

/** The actor behind a session token, if the session exists, is not revoked and has not expired. */
export async function resumeSession(db: Db, tokenText: string, now: Date = new Date()): Promise<Actor> {
  const token = sessionTokenFromText(tokenText);
  const wrappingKey = sessionWrappingKey(token);
  try {
    const session = await sessionsRepository(db).findByTokenHash(sessionLookupHash(token));
    if (!session || session.revokedAt) throw new Unauthenticated('no such session; sign in again');
    if (session.expiresAt <= now) throw new Unauthenticated('the session has expired; sign in again');
    const user = await usersRepository(db).findById(session.userId);
    if (!user || user.disabledAt) throw new Unauthenticated('no such session; sign in again');
    let privateKey: Uint8Array;
    try {
      privateKey = unwrapSecret(wrappingKey, session.wrappedPrivateKey, SESSION_PURPOSE, user.id);
    } catch {
      throw new Unauthenticated('no such session; sign in again');
    }
    return {
      userId: user.id,
      email: user.email,
      role: user.role,
      keyPair: { publicKey: user.publicKey, privateKey },
    };
  } finally {
    wipe(wrappingKey, token);
  }
}

export async function logout(db: Db, tokenText: string, now: Date = new Date()): Promise<void> {
  const token = sessionTokenFromText(tokenText);
  try {
    await sessionsRepository(db).revoke(sessionLookupHash(token), now);
  } finally {
    wipe(token);
  }
}

/**
 * Starts TOTP enrolment for the actor's own account: a new secret is kept pending, sealed to the
 * user's public key (so only a sign-in with the password can check codes; a seized database cannot
 * mint them). It protects sign-in only once `confirmTotp` has seen a valid code from it, so a secret
 * mistyped into an authenticator cannot lock the owner out.
 */
export async function startTotpEnrolment(
  db: Db,
  actor: Actor,
  issuer = 'Attest',
): Promise<{ secret: string; uri: string }> {
  authorize(actor.role, 'user.enableTotp');
  const secret = newTotpSecret();
  try {
    const sealed = sealToPublicKey(secret, actor.keyPair.publicKey);
    await usersRepository(db).setPendingTotpSecret(actor.userId, sealed);
    return { secret: base32Encode(secret), uri: totpUri(secret, issuer, actor.email) };
  } finally {
    wipe(secret);
  }
}

/** Turns the pending secret on if `code` is valid now; the code's step is used up like a sign-in's. */
export async function confirmTotp(db: Db, actor: Actor, code: string, now: Date = new Date()): Promise<void> {
  authorize(actor.role, 'user.enableTotp');
  if (!/^\d{6}$/.test(code.trim())) throw new InvalidInput('code', 'expected the 6 digits your app shows');
  await db.transaction(async (tx) => {
    const users = usersRepository(tx);
    const user = await users.findByIdForUpdate(actor.userId);
    if (!user?.totpPendingSealed)
      throw new Conflict('no TOTP enrolment is waiting for a code; start one first');
    const secret = openSealedWithKeyPair(user.totpPendingSealed, actor.keyPair);
    let step: number | null;
    try {
      step = matchTotp(secret, code.trim(), Math.floor(now.getTime() / SECOND));
    } finally {
      wipe(secret);
    }
    if (step === null)
      throw new InvalidInput('code', 'this code does not match; check the clock and try again');
    await users.setTotpSecret(actor.userId, user.totpPendingSealed);
    await users.setPendingTotpSecret(actor.userId, null);
    await users.claimTotpStep(actor.userId, step);
    await appendAudit(
      tx,
      { actor: actor.userId, action: 'user.enableTotp', recordType: 'user', recordId: actor.userId },
      now,
    );
  });
}
