/**
 * The organisation recovery key: 32 random bytes shown once at `attest init`, meant to be printed and
 * locked away. It deterministically yields an X25519 key pair (crypto_box_seed_keypair); every
 * organisation compartment key is also sealed to its public key, so losing every administrator's
 * password does not lose the organisation's records. Anyone holding it can read organisation-level
 * data: treat the paper like the data itself.
 *
 * Human encoding: Crockford base32 (no I, L, O, U; case-insensitive) of the 32 bytes plus a 2-byte
 * BLAKE2b checksum, in groups of five: typos are caught before any key is tried.
 */
import { InvalidInput } from '../core/errors.ts';
import { CROCKFORD_ALPHABET, encodeBase32 } from './base32.ts';
import { randomBytes, sodium, wipe } from './sodium.ts';
import type { KeyPair } from './userKeys.ts';

const SEED_BYTES = 32;
const CHECK_BYTES = 2;
const ALPHABET = CROCKFORD_ALPHABET;

export function newRecoverySeed(): Uint8Array {
  return randomBytes(SEED_BYTES);
}

export function recoveryKeyPair(seed: Uint8Array): KeyPair {
  const { publicKey, privateKey } = sodium.crypto_box_seed_keypair(seed);
  return { publicKey, privateKey };
}

function checksum(seed: Uint8Array): Uint8Array {
  return sodium.crypto_generichash(CHECK_BYTES, seed, null);
}

function fromBase32(text: string, byteLength: number): Uint8Array {
  const out = new Uint8Array(byteLength);
  let bits = 0;
  let value = 0;
  let index = 0;
  for (const char of text) {
    const digit = ALPHABET.indexOf(char);
    if (digit < 0)
      throw new InvalidInput('recoveryKey', 'contains a character that is not in the recovery alphabet');
    value = (value << 5) | digit;
    bits += 5;
    if (bits >= 8) {
      if (index < byteLength) out[index] = (value >>> (bits - 8)) & 255;
      index += 1;
      bits -= 8;
    }
    value &= (1 << bits) - 1;
  }
  if (index !== byteLength) throw new InvalidInput('recoveryKey', 'has the wrong length');
  return out;
}

export function formatRecoveryKey(seed: Uint8Array): string {
  const payload = new Uint8Array(SEED_BYTES + CHECK_BYTES);
  payload.set(seed, 0);
  payload.set(checksum(seed), SEED_BYTES);
  const text = encodeBase32(payload, ALPHABET);
  wipe(payload);
  return text.match(/.{1,5}/g)!.join('-');
}

/** Accepts lower case, spaces or dashes, and the usual misreadings (O for 0, I/L for 1). */
export function parseRecoveryKey(text: string): Uint8Array {
  const cleaned = text.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  const payload = fromBase32(cleaned, SEED_BYTES + CHECK_BYTES);
  const seed = payload.slice(0, SEED_BYTES);
  const expected = checksum(seed);
  const ok = sodium.memcmp(expected, payload.slice(SEED_BYTES));
  wipe(payload);
  if (!ok) {
    wipe(seed);
    throw new InvalidInput('recoveryKey', 'checksum does not match (a character is mistyped)');
  }
  return seed;
}
