/**
 * TOTP (RFC 6238) over HOTP (RFC 4226) with HMAC-SHA1, 30-second steps and 6 digits: what every
 * authenticator app speaks. Written here (a few lines over node:crypto) rather than pulled in, so the
 * whole second factor can be read in one sitting and checked against the RFC's test vectors.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { encodeBase32, RFC4648_ALPHABET } from './base32.ts';

export const TOTP_STEP_SECONDS = 30;
export const TOTP_DIGITS = 6;

export function hotp(secret: Uint8Array, counter: number, digits = TOTP_DIGITS): string {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac('sha1', secret).update(message).digest();
  // Dynamic truncation, RFC 4226 §5.3.
  const offset = mac[mac.length - 1]! & 0x0f;
  const binary = (mac.readUInt32BE(offset) & 0x7fffffff) % 10 ** digits;
  return binary.toString().padStart(digits, '0');
}

export function totpStep(unixSeconds: number): number {
  return Math.floor(unixSeconds / TOTP_STEP_SECONDS);
}

export function totp(secret: Uint8Array, unixSeconds: number, digits = TOTP_DIGITS): string {
  return hotp(secret, totpStep(unixSeconds), digits);
}

/**
 * Checks a code against the current step and one step either side (clock drift), and returns the
 * step it matched so the caller can refuse to accept the same step twice (replay).
 */
export function matchTotp(secret: Uint8Array, code: string, unixSeconds: number, window = 1): number | null {
  if (!/^\d{6}$/.test(code)) return null;
  const now = totpStep(unixSeconds);
  let matched: number | null = null;
  for (let step = now - window; step <= now + window; step += 1) {
    const expected = Buffer.from(hotp(secret, step));
    // Every candidate is compared (no early exit) so timing does not reveal which step matched.
    if (timingSafeEqual(expected, Buffer.from(code)) && matched === null) matched = step;
  }
  return matched;
}

export function newTotpSecret(): Uint8Array {
  return new Uint8Array(randomBytes(20));
}

/** The secret as authenticator apps expect it typed or scanned: RFC 4648 base32, unpadded. */
export function base32Encode(bytes: Uint8Array): string {
  return encodeBase32(bytes, RFC4648_ALPHABET);
}

/** The otpauth:// URI authenticator apps scan. The label names the account, never a protected value. */
export function totpUri(secret: Uint8Array, issuer: string, account: string): string {
  const label = encodeURIComponent(`${issuer}:${account}`);
  const params = new URLSearchParams({
    secret: base32Encode(secret),
    issuer,
    algorithm: 'SHA1',
    digits: '6',
    period: '30',
  });
  return `otpauth://totp/${label}?${params.toString()}`;
}
