import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findUnstorableText, toStorableText, unstorableReason } from './storableText.ts';

// Code units a JavaScript string allows but PostgreSQL does not, among ordinary characters.
const withLoneHalves = fc.oneof(
  fc.constantFrom('\u0000', '\ud800', '\udfff'),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
);

describe('storable text', () => {
  it('names NUL and unpaired surrogates, and accepts paired ones', () => {
    expect(unstorableReason('a\u0000b')).toBe('contains a NUL character (U+0000), which cannot be stored');
    expect(unstorableReason('a\ud800b')).toMatch(/^contains an unpaired UTF-16 surrogate/);
    expect(unstorableReason('a\udc00')).toMatch(/^contains an unpaired UTF-16 surrogate/);
    expect(unstorableReason('emoji 😀 and Чечня')).toBeNull();
  });

  it('finds the first bad string inside nested input, by path', () => {
    expect(
      findUnstorableText({ title: 'ok', acts: [{ note: 'fine' }, { note: 'x\u0000' }] }, 'body'),
    ).toEqual({
      path: 'body.acts.1.note',
      reason: 'contains a NUL character (U+0000), which cannot be stored',
    });
    expect(findUnstorableText({ n: 1, list: ['a', null] }, 'body')).toBeNull();
  });

  it('cleans any string into one with nothing left to refuse, changing nothing else', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: withLoneHalves, maxLength: 200 }),
        fc.string({ unit: 'grapheme', maxLength: 50 }),
        (noise, clean) => {
          const cleaned = toStorableText(noise).text;
          expect(unstorableReason(cleaned)).toBeNull();
          expect(toStorableText(clean)).toEqual({ text: clean, nul: 0, surrogates: 0 });
        },
      ),
    );
    expect(toStorableText('a\u0000b\ud800c')).toEqual({ text: 'ab\ufffdc', nul: 1, surrogates: 1 });
  });
});
