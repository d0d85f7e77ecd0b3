import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { knownValueFinder, redactionMarker, redactText } from './redactText.ts';

describe('redactText', () => {
  it('replaces each span with a marker and leaves every other character as it was', () => {
    const text = 'Contact Ana at ana@example.org or 202-370-3310.';
    const result = redactText(text, [
      { start: 15, end: 30, kind: 'email' },
      { start: 34, end: 46, kind: 'phone' },
    ]);
    expect(result.text).toBe('Contact Ana at [redacted: email] or [redacted: phone].');
    expect(result.counts).toEqual({ email: 1, phone: 1 });
  });

  it('merges overlapping and touching spans into one marker', () => {
    const result = redactText('abcdefghij', [
      { start: 2, end: 5, kind: 'person' },
      { start: 4, end: 7, kind: 'phone' },
      { start: 7, end: 8, kind: 'url' },
    ]);
    expect(result.text).toBe('ab[redacted: person]ij');
    expect(result.counts).toEqual({ person: 1 });
  });

  it('clips spans outside the text and never splits a surrogate pair', () => {
    const text = 'x😀y';
    expect(redactText(text, [{ start: 2, end: 99, kind: 'person' }]).text).toBe('x[redacted: person]');
    expect(redactText(text, [{ start: -3, end: 0, kind: 'person' }]).text).toBe(text);
  });

  it('keeps the text outside the spans byte-identical (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), fc.nat(200), fc.nat(50), (text, at, length) => {
        const start = Math.min(at, text.length);
        const end = Math.min(start + length, text.length);
        const result = redactText(text, [{ start, end, kind: 'email' }]);
        if (end <= start) return result.text === text;
        // Pair-widening may move each edge by one code unit; beyond that the text is untouched.
        return (
          result.text.includes(redactionMarker('email')) &&
          result.text.startsWith(text.slice(0, Math.max(0, start - 1))) &&
          result.text.endsWith(text.slice(end + 1))
        );
      }),
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 100 }), fc.string({ maxLength: 100 }), (before, after) => {
        const text = `${before}SECRET${after}`;
        const start = before.length;
        const result = redactText(text, [{ start, end: start + 6, kind: 'person' }]);
        return result.text === `${before}[redacted: person]${after}` || /[\ud800-\udfff]/.test(text);
      }),
    );
  });
});

describe('knownValueFinder', () => {
  it('matches a value whose lower case is longer than it (Turkish İ)', () => {
    const text = 'Tanık: İlker Yılmaz.';
    const spans = knownValueFinder([{ text: 'İlker Yılmaz', kind: 'person' }])(text);
    expect(redactText(text, spans).text).toBe('Tanık: [redacted: person].');
  });

  it('finds whole-word occurrences whatever the case and spacing', () => {
    const text = 'Ana Silva met ANA  SILVA near Banana Street; call +7 928 555 0147.';
    const spans = knownValueFinder([
      { text: 'Ana', kind: 'person' },
      { text: 'Ana Silva', kind: 'person' },
      { text: '+7 928 555 0147', kind: 'contact' },
      { text: 'A', kind: 'person' },
    ])(text);
    expect(redactText(text, spans).text).toBe(
      '[redacted: person] met [redacted: person] near Banana Street; call [redacted: contact].',
    );
  });
});
