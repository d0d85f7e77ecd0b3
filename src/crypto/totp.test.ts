import { describe, expect, it } from 'vitest';
import { base32Encode, hotp, matchTotp, totp, totpUri } from './totp.ts';

// RFC 6238 Appendix B (SHA-1 rows): secret "12345678901234567890", 8 digits.
const RFC_SECRET = new TextEncoder().encode('12345678901234567890');
const RFC_VECTORS: Array<[number, string]> = [
  [59, '94287082'],
  [1111111109, '07081804'],
  [1111111111, '14050471'],
  [1234567890, '89005924'],
  [2000000000, '69279037'],
  [20000000000, '65353130'],
];

describe('TOTP (RFC 6238)', () => {
  it.each(RFC_VECTORS)('matches the RFC test vector at T=%i', (time, expected) => {
    expect(totp(RFC_SECRET, time, 8)).toBe(expected);
  });

  it('matches RFC 4226 Appendix D HOTP values', () => {
    const expected = [
      '755224',
      '287082',
      '359152',
      '969429',
      '338314',
      '254676',
      '287922',
      '162583',
      '399871',
      '520489',
    ];
    for (const [counter, code] of expected.entries()) expect(hotp(RFC_SECRET, counter)).toBe(code);
  });

  it('accepts the current step and one either side, nothing further', () => {
    const now = 1_700_000_000;
    const step = Math.floor(now / 30);
    expect(matchTotp(RFC_SECRET, totp(RFC_SECRET, now), now)).toBe(step);
    expect(matchTotp(RFC_SECRET, totp(RFC_SECRET, now - 30), now)).toBe(step - 1);
    expect(matchTotp(RFC_SECRET, totp(RFC_SECRET, now + 30), now)).toBe(step + 1);
    expect(matchTotp(RFC_SECRET, totp(RFC_SECRET, now - 60), now)).toBeNull();
    expect(matchTotp(RFC_SECRET, totp(RFC_SECRET, now + 60), now)).toBeNull();
    expect(matchTotp(RFC_SECRET, 'abcdef', now)).toBeNull();
  });

  it('encodes the secret in RFC 4648 base32 for authenticator apps', () => {
    expect(base32Encode(RFC_SECRET)).toBe('GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
    expect(totpUri(RFC_SECRET, 'Attest', 'a@b.org')).toContain('secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ');
  });
});
