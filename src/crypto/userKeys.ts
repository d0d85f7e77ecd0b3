/**
 * A user's X25519 key pair. Compartment keys are sealed to the public key; the private key exists at
 * rest only wrapped (XChaCha20-Poly1305) by a key derived from the user's password, or by a key derived
 * from a session token while a session lives. The associated data names the user and the purpose, so a
 * wrapped key cannot be moved to another account.
 */
import { NONCE_BYTES } from './envelope.ts';
import { randomBytes, sodium, wipe } from './sodium.ts';

export interface KeyPair {
  publicKey: Uint8Array;
  privateKey: Uint8Array;
}

export class UnwrapFailed extends Error {
  override readonly name = 'UnwrapFailed';
  constructor() {
    super('the key could not be unwrapped');
  }
}

const WRAP_VERSION = 1;

export function newKeyPair(): KeyPair {
  const { publicKey, privateKey } = sodium.crypto_box_keypair();
  return { publicKey, privateKey };
}

function wrapAd(purpose: string, ownerId: string): Uint8Array {
  return new TextEncoder().encode(`attest/wrap/v${WRAP_VERSION}/${purpose}/${ownerId}`);
}

/** version (1) | nonce (24) | ciphertext + tag */
export function wrapSecret(
  wrappingKey: Uint8Array,
  secret: Uint8Array,
  purpose: string,
  ownerId: string,
): Uint8Array {
  const nonce = randomBytes(NONCE_BYTES);
  const ciphertext = sodium.crypto_aead_xchacha20poly1305_ietf_encrypt(
    secret,
    wrapAd(purpose, ownerId),
    null,
    nonce,
    wrappingKey,
  );
  const out = new Uint8Array(1 + NONCE_BYTES + ciphertext.byteLength);
  out[0] = WRAP_VERSION;
  out.set(nonce, 1);
  out.set(ciphertext, 1 + NONCE_BYTES);
  return out;
}

export function unwrapSecret(
  wrappingKey: Uint8Array,
  wrapped: Uint8Array,
  purpose: string,
  ownerId: string,
): Uint8Array {
  if (wrapped.byteLength < 1 + NONCE_BYTES + 16 || wrapped[0] !== WRAP_VERSION) throw new UnwrapFailed();
  try {
    return sodium.crypto_aead_xchacha20poly1305_ietf_decrypt(
      null,
      wrapped.slice(1 + NONCE_BYTES),
      wrapAd(purpose, ownerId),
      wrapped.slice(1, 1 + NONCE_BYTES),
      wrappingKey,
    );
  } catch {
    throw new UnwrapFailed();
  }
}

/** Seals a symmetric key (or any short secret) to a public key: only its private key opens it. */
export function sealToPublicKey(secret: Uint8Array, publicKey: Uint8Array): Uint8Array {
  return sodium.crypto_box_seal(secret, publicKey);
}

export function openSealedWithKeyPair(sealed: Uint8Array, keyPair: KeyPair): Uint8Array {
  try {
    return sodium.crypto_box_seal_open(sealed, keyPair.publicKey, keyPair.privateKey);
  } catch {
    throw new UnwrapFailed();
  }
}

export function publicKeyOf(privateKey: Uint8Array): Uint8Array {
  return sodium.crypto_scalarmult_base(privateKey);
}

export function wipeKeyPair(keyPair: KeyPair): void {
  wipe(keyPair.privateKey);
}
