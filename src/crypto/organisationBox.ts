/**
 * Messages between two organisations (referral packages and their status replies): crypto_box
 * (X25519 + XSalsa20-Poly1305) from the sender's secret key to the recipient's public key. Unlike the
 * anonymous sealed boxes of public intake, a box opens only with the sender's public key, so the
 * recipient knows which organisation sent it — people compare that key by its fingerprint.
 */
import { createHash } from 'node:crypto';
import { randomBytes, sodium } from './sodium.ts';

export const PUBLIC_KEY_BYTES = 32;

export class BoxOpenFailed extends Error {
  override readonly name = 'BoxOpenFailed';
  constructor() {
    super(
      'the package could not be opened (not sealed to this organisation, from another sender, or altered)',
    );
  }
}

/** SHA-256 of the public key, the first 16 bytes in groups of four hex digits, for people to compare. */
export function keyFingerprint(publicKey: Uint8Array): string {
  const hex = createHash('sha256').update(publicKey).digest('hex').slice(0, 32);
  return hex.match(/.{4}/g)!.join(' ');
}

export function boxToOrganisation(
  plaintext: Uint8Array,
  recipientPublicKey: Uint8Array,
  senderSecretKey: Uint8Array,
): { nonce: Uint8Array; box: Uint8Array } {
  const nonce = randomBytes(sodium.crypto_box_NONCEBYTES);
  return { nonce, box: sodium.crypto_box_easy(plaintext, nonce, recipientPublicKey, senderSecretKey) };
}

export function openFromOrganisation(
  box: Uint8Array,
  nonce: Uint8Array,
  senderPublicKey: Uint8Array,
  recipientSecretKey: Uint8Array,
): Uint8Array {
  try {
    return sodium.crypto_box_open_easy(box, nonce, senderPublicKey, recipientSecretKey);
  } catch {
    throw new BoxOpenFailed();
  }
}
