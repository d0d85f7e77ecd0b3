import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LETTERS_MARKS, LETTERS_MARKS_NUMBERS, lowerSlicer, type WordClass, wordSpans } from './wordSpans.ts';

function byExpression(text: string, re: RegExp): Array<[number, number]> {
  return Array.from(text.matchAll(re), (m) => [m.index, m.index + m[0].length]);
}

function spans(text: string, wanted: WordClass): Array<[number, number]> {
  const { count, starts, ends } = wordSpans(text, wanted);
  return Array.from({ length: count }, (_, i) => [starts[i] ?? -1, ends[i] ?? -1]);
}

/** Letters, marks, digits of several scripts, punctuation, astral letters and lone surrogates. */
const pieces = fc.constantFrom(
  'a',
  'É',
  'ж',
  'Ё',
  ' ',
  '\u00a0',
  '-',
  "'",
  '’',
  '.',
  '5',
  '٣',
  '½',
  'ǅ',
  '\u0301',
  '\u0345',
  '_',
  '𝐀',
  '😀',
  '\ud800',
  '\udc00',
  'ß',
  'İ',
  '中',
  '\n',
  '№',
);
const texts = fc.array(pieces, { maxLength: 40 }).map((parts) => parts.join(''));

describe('wordSpans', () => {
  it('finds what /[\\p{L}\\p{M}\\p{N}]+/gu finds', () => {
    fc.assert(
      fc.property(texts, (text) => {
        expect(spans(text, LETTERS_MARKS_NUMBERS)).toEqual(byExpression(text, /[\p{L}\p{M}\p{N}]+/gu));
      }),
      { numRuns: 2000 },
    );
  });

  it('finds what /[\\p{L}\\p{M}]+/gu finds', () => {
    fc.assert(
      fc.property(texts, (text) => {
        expect(spans(text, LETTERS_MARKS)).toEqual(byExpression(text, /[\p{L}\p{M}]+/gu));
      }),
      { numRuns: 2000 },
    );
  });

  it('agrees on every code unit of the Basic Multilingual Plane', () => {
    const units = Array.from({ length: 0x10000 }, (_, u) => u).filter((u) => u < 0xd800 || u > 0xdfff);
    const text = units.map((u) => `${String.fromCharCode(u)} `).join('');
    expect(spans(text, LETTERS_MARKS_NUMBERS)).toEqual(byExpression(text, /[\p{L}\p{M}\p{N}]+/gu));
    expect(spans(text, LETTERS_MARKS)).toEqual(byExpression(text, /[\p{L}\p{M}]+/gu));
  });
});

describe('lowerSlicer', () => {
  it('gives every word in lower case as slicing then lower-casing does', () => {
    const withCapitals = fc
      .array(fc.constantFrom('A', 'Ж', 'Σ', 'İ', 'É', ' ', "'", 'ß', '𐐀', 'x', '\ud800'), { maxLength: 30 })
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(withCapitals, (text) => {
        const lowerSlice = lowerSlicer(text);
        const { count, starts, ends } = wordSpans(text, LETTERS_MARKS_NUMBERS);
        for (let i = 0; i < count; i++) {
          const [start, end] = [starts[i] ?? 0, ends[i] ?? 0];
          expect(lowerSlice(start, end)).toBe(text.slice(start, end).toLowerCase());
        }
      }),
      { numRuns: 3000 },
    );
  });
});
