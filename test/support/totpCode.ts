/** What an authenticator app shows for a base32 TOTP secret (the one enrolment displays), at a time. */
import { totp } from '../../src/crypto/totp.ts';

export function base32Decode(text: string): Uint8Array {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  let bits = '';
  for (const char of text) bits += alphabet.indexOf(char).toString(2).padStart(5, '0');
  return new Uint8Array(bits.match(/.{8}/g)!.map((byte) => Number.parseInt(byte, 2)));
}

/** The code for `secret` at `unixSeconds` (default: now). */
export function totpCodeFor(secret: string, unixSeconds = Date.now() / 1000): string {
  return totp(base32Decode(secret), unixSeconds);
}
