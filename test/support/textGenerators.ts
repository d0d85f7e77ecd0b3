/**
 * Generators for the property tests of the extraction primitives: arbitrary text and large inputs.
 */
import fc from 'fast-check';

/** Text from every corner of UTF-16: scripts, RTL, punctuation, digits, lone surrogates. */
export const anyText = (maxLength = 400): fc.Arbitrary<string> =>
  fc
    .array(
      fc.oneof(
        fc.string({ unit: 'binary', maxLength: 20 }),
        fc.string({ unit: 'grapheme', maxLength: 20 }),
        fc.constantFrom(
          '. ',
          '! ',
          '? ',
          '…',
          '\n',
          '\n\n',
          ' ',
          ', ',
          '; ',
          ': ',
          ' — ',
          '"',
          '«',
          '»',
          'Sr.',
          'г.',
          'mais de cem ',
          'более ста ',
          'twenty-five ',
          '11 de maio ',
          'в марте ',
          'on Thursday ',
          'Moscou ',
          'Чечне ',
          'Grozny ',
          '202-370-3310 ',
          '[email protected] ',
          '1.200 ',
          '2017 ',
          'مرحبا بالعالم. ',
          'שלום עולם. ',
          '\uD800',
          '\uDC00',
          '\u200F',
          '\u202E',
        ),
      ),
      { maxLength: maxLength / 10 },
    )
    .map((parts) => parts.join(''));

/** Every result of a finder must point at its own text. */
export function spansAreExact(
  text: string,
  results: readonly { start: number; end: number; text: string }[],
): boolean {
  return results.every(
    (r) => r.start >= 0 && r.end <= text.length && r.start <= r.end && text.slice(r.start, r.end) === r.text,
  );
}

/**
 * Large inputs for the "never hang" tests: a megabyte each of realistic or adversarial text (the
 * machine running the tests is shared; 1 MB already shows any quadratic behaviour).
 */
export function bigTexts(): Record<string, string> {
  const sentence =
    'Cinco ativistas foram presos em Moscou na quinta-feira, 11 de maio de 2017, e mais de cem homens foram detidos na Chechênia; contate [email protected] ou 202-370-3310. ';
  return {
    prose: sentence.repeat(Math.ceil(1_000_000 / sentence.length)),
    noBreaks: 'palavra '.repeat(125_000),
    oneWord: 'a'.repeat(1_000_000),
    dots: '. '.repeat(500_000),
    digits: '1 2 3,4.5 '.repeat(100_000),
    mixed: 'Москва Moscow موسكو מוסקבה 莫斯科 \uD800 '.repeat(30_000),
    capitals: 'Aa Bb Cc Dd '.repeat(100_000),
    at: 'a at b dot '.repeat(100_000),
    urls: 'http://x.org/aaaa '.repeat(60_000),
    emails: 'a.b.c.d.e.f@g '.repeat(80_000),
  };
}

/** Ten megabytes of news-like prose in the five languages, for the "finishes in seconds" tests. */
export function tenMegabytesOfNews(): string {
  const paragraph = [
    'Em março, mais de cem homens foram detidos na Chechênia; contate [email protected] ou 202-370-3310.',
    'On Thursday, at least 25 people were detained in Moscow, police said on May 11, 2017.',
    'El jueves, unos 40 activistas fueron detenidos en Moscú, según el Sr. García.',
    '11 мая 2017 г. в Грозном задержали не менее двадцати пяти человек, сообщил «Мемориал».',
    "Jeudi, plus d'une centaine de personnes ont été arrêtées à Moscou, selon M. Dupont.",
  ].join(' ');
  return `${paragraph}\n\n`.repeat(Math.ceil(10_000_000 / (paragraph.length + 2)));
}
