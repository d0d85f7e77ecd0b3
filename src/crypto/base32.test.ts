import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CROCKFORD_ALPHABET, encodeBase32, RFC4648_ALPHABET } from './base32.ts';

const bytesOf = (text: string) => new TextEncoder().encode(text);

// RFC 4648 §10 test vectors, with the trailing '=' padding removed (we never pad).
const RFC_VECTORS: Array<[string, string]> = [
  ['', ''],
  ['f', 'MY'],
  ['fo', 'MZXQ'],
  ['foo', 'MZXW6'],
  ['foob', 'MZXW6YQ'],
  ['fooba', 'MZXW6YTB'],
  ['foobar', 'MZXW6YTBOI'],
];

describe('encodeBase32', () => {
  it.each(RFC_VECTORS)('RFC 4648 alphabet: %j → %s', (input, expected) => {
    expect(encodeBase32(bytesOf(input), RFC4648_ALPHABET)).toBe(expected);
  });

  it('Crockford alphabet: digits first, no I, L, O or U', () => {
    expect(encodeBase32(bytesOf('foobar'), CROCKFORD_ALPHABET)).toBe('CSQPYRK1E8');
    expect(encodeBase32(new Uint8Array([0, 0xff]), CROCKFORD_ALPHABET)).toBe('03ZG');
  });

  it('writes the same five-bit groups whatever the alphabet', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 40 }), (bytes) => {
        const rfc = encodeBase32(bytes, RFC4648_ALPHABET);
        const crockford = encodeBase32(bytes, CROCKFORD_ALPHABET);
        expect(crockford.length).toBe(Math.ceil((bytes.length * 8) / 5));
        const translated = [...rfc]
          .map((char) => CROCKFORD_ALPHABET[RFC4648_ALPHABET.indexOf(char)])
          .join('');
        expect(crockford).toBe(translated);
      }),
    );
  });
});
