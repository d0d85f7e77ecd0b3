/**
 * Session tokens: 32 random bytes given to the client once. The database keeps only a lookup hash
 * and the user's private key wrapped by a key derived from the token, so a seized sessions table
 * neither logs anyone in nor unlocks any key; the token itself is the capability.
 */
import { InvalidInput } from '../core/errors.ts';
import { randomBytes, sodium } from './sodium.ts';

const CONTEXT = 'attestss'; // crypto_kdf contexts are exactly 8 bytes
const LOOKUP_SUBKEY = 1;
const WRAP_SUBKEY = 2;

export function newSessionToken(): Uint8Array {
  return randomBytes(32);
}

export function sessionTokenToText(token: Uint8Array): string {
  return sodium.to_base64(token, sodium.base64_variants.URLSAFE_NO_PADDING);
}

export function sessionTokenFromText(text: string): Uint8Array {
  let token: Uint8Array;
  try {
    token = sodium.from_base64(text, sodium.base64_variants.URLSAFE_NO_PADDING);
  } catch {
    throw new InvalidInput('session', 'malformed token');
  }
  if (token.byteLength !== 32) throw new InvalidInput('session', 'malformed token');
  return token;
}

/** What the sessions table is keyed by. */
export function sessionLookupHash(token: Uint8Array): Uint8Array {
  return sodium.crypto_kdf_derive_from_key(32, LOOKUP_SUBKEY, CONTEXT, token);
}

/** The key that wraps the user's private key for the session's lifetime. Caller wipes it. */
export function sessionWrappingKey(token: Uint8Array): Uint8Array {
  return sodium.crypto_kdf_derive_from_key(32, WRAP_SUBKEY, CONTEXT, token);
}
