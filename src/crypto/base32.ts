/**
 * Base32 encoding without padding, over a caller-chosen 32-letter alphabet. Two alphabets are in
 * use: RFC 4648's, which authenticator apps expect in otpauth:// secrets, and Crockford's, which
 * drops I, L, O and U so that a recovery key written on paper cannot be misread.
 */

export const RFC4648_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
export const CROCKFORD_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** Five bits a character, most significant first; a final partial group is padded with zero bits. */
export function encodeBase32(bytes: Uint8Array, alphabet: string): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += alphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    value &= (1 << bits) - 1;
  }
  if (bits > 0) out += alphabet[(value << (5 - bits)) & 31];
  return out;
}
