/**
 * Argon2id for passwords: a verifier (crypto_pwhash_str) and a key-encryption key (crypto_pwhash
 * with a per-user salt) that wraps the user's private key.
 *
 * Parameters: opslimit 3, memlimit 64 MiB, Argon2id v1.3. Measured on the project's 2-core machine
 * (libsodium's WebAssembly build under Node 20): ~0.2–0.4 s per derivation; a login does two
 * (verify + derive), ~0.5 s. That is above libsodium's INTERACTIVE (2, 64 MiB) and far above OWASP's
 * floor (m = 19 MiB, t = 2); MODERATE (3, 256 MiB) took ~1.1 s per derivation and would let a handful
 * of concurrent logins starve a 2-core server. The parameters are stored beside every salt and inside
 * every verifier, so they can be raised later without locking anyone out (`needsRehash`).
 */
import { InvalidInput } from '../core/errors.ts';
import { randomBytes, sodium } from './sodium.ts';

export interface KdfParams {
  algorithm: 'argon2id13';
  opsLimit: number;
  memLimit: number;
}

export const KDF_PARAMS: KdfParams = { algorithm: 'argon2id13', opsLimit: 3, memLimit: 64 * 1024 * 1024 };
export const MIN_PASSWORD_LENGTH = 12;
const KEY_BYTES = 32;

/** Refuses passwords too short to survive an offline attack on a seized database. */
export function checkPasswordStrength(password: string): void {
  if ([...password].length < MIN_PASSWORD_LENGTH) {
    throw new InvalidInput('password', `must be at least ${MIN_PASSWORD_LENGTH} characters`);
  }
}

export function hashPassword(password: string, params: KdfParams = KDF_PARAMS): string {
  return sodium.crypto_pwhash_str(password, params.opsLimit, params.memLimit);
}

export function verifyPassword(hash: string, password: string): boolean {
  try {
    return sodium.crypto_pwhash_str_verify(hash, password);
  } catch {
    return false;
  }
}

export function passwordNeedsRehash(hash: string, params: KdfParams = KDF_PARAMS): boolean {
  return sodium.crypto_pwhash_str_needs_rehash(hash, params.opsLimit, params.memLimit);
}

export function newKdfSalt(): Uint8Array {
  return randomBytes(sodium.crypto_pwhash_SALTBYTES);
}

/** The key that wraps a user's private key. Caller wipes it. */
export function deriveKeyFromPassword(password: string, salt: Uint8Array, params: KdfParams): Uint8Array {
  if (params.algorithm !== 'argon2id13')
    throw new InvalidInput('kdf', `unsupported algorithm ${params.algorithm}`);
  return sodium.crypto_pwhash(
    KEY_BYTES,
    password,
    salt,
    params.opsLimit,
    params.memLimit,
    sodium.crypto_pwhash_ALG_ARGON2ID13,
  );
}
