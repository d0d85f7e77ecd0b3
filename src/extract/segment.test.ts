import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { itWithShared, SEED_ARTICLE, sharedText } from '../../test/support/shared.ts';
import { anyText, bigTexts, spansAreExact, tenMegabytesOfNews } from '../../test/support/textGenerators.ts';
import { MAX_SENTENCE, splitClauses, splitSentences } from './segment.ts';

const texts = (text: string, lang: string) => splitSentences(text, lang).map((s) => s.text);

describe('splitSentences', () => {
  it.each([
    [
      'pt',
      'O Sr. Silva chegou às 10h. Ele disse: "Vamos." Depois saiu.',
      ['O Sr. Silva chegou às 10h.', 'Ele disse: "Vamos."', 'Depois saiu.'],
    ],
    [
      'pt',
      'A Dra. Souza contou 1.200 detidos. Na quarta-feira, o senador falou.',
      ['A Dra. Souza contou 1.200 detidos.', 'Na quarta-feira, o senador falou.'],
    ],
    [
      'en',
      'Mr. J. Smith went to the U.S. Senate. He said "no." Then he left... and came back.',
      ['Mr. J. Smith went to the U.S. Senate.', 'He said "no."', 'Then he left... and came back.'],
    ],
    [
      'en',
      'Sen. Ben Cardin (D-MD) spoke on Wednesday. See art. 5 of the convention!',
      ['Sen. Ben Cardin (D-MD) spoke on Wednesday.', 'See art. 5 of the convention!'],
    ],
    [
      'es',
      'El Sr. García y la Dra. López llegaron. ¿Qué pasó? Nadie lo sabe.',
      ['El Sr. García y la Dra. López llegaron.', '¿Qué pasó?', 'Nadie lo sabe.'],
    ],
    [
      'ru',
      '11 мая 2017 г. В Москве задержали пятерых. В г. Грозном тоже задерживали.',
      ['11 мая 2017 г.', 'В Москве задержали пятерых.', 'В г. Грозном тоже задерживали.'],
    ],
    [
      'ru',
      '«Нас били», — сказал он. Т. е. пытали. Ул. Ленина перекрыта.',
      ['«Нас били», — сказал он.', 'Т. е. пытали.', 'Ул. Ленина перекрыта.'],
    ],
    [
      'fr',
      'M. Dupont et Mme Martin ont été arrêtés. « Nous avons peur. » Le procès aura lieu.',
      ['M. Dupont et Mme Martin ont été arrêtés.', '« Nous avons peur. »', 'Le procès aura lieu.'],
    ],
    ['pt', 'Título da notícia\n\nO texto começa aqui', ['Título da notícia', 'O texto começa aqui']],
    ['en', 'Headline\nThe story starts here', ['Headline', 'The story starts here']],
    [
      'en',
      'This line is long enough to be hard wrapped prose in an e-mail body and\nit goes on.',
      ['This line is long enough to be hard wrapped prose in an e-mail body and\nit goes on.'],
    ],
    ['und', 'Visit site.org now. Then go.', ['Visit site.org now.', 'Then go.']],
  ])('%s: %j', (lang, text, expected) => {
    expect(texts(text, lang)).toEqual(expected);
  });

  itWithShared(SEED_ARTICLE, 'finds the sentences of the seed article with exact offsets', () => {
    const seed = sharedText(SEED_ARTICLE);
    const sentences = splitSentences(seed, 'pt');
    expect(spansAreExact(seed, sentences)).toBe(true);
    expect(sentences.map((s) => s.text)).toContain(
      'Cinco ativistas foram presos em Moscou na quinta-feira por tentarem apresentar uma petição pedindo a ação.',
    );
    expect(sentences.map((s) => s.text)).toContain(
      'Durante a repressão pelo menos três homens foram mortos.',
    );
  });

  it('caps a text without sentence breaks into pieces no longer than MAX_SENTENCE', () => {
    const text = 'os homens foram detidos e espancados '.repeat(200);
    const sentences = splitSentences(text, 'pt');
    expect(sentences.length).toBeGreaterThan(1);
    expect(sentences.every((s) => s.text.length <= MAX_SENTENCE)).toBe(true);
    expect(spansAreExact(text, sentences)).toBe(true);
  });

  it('never cuts a surrogate pair when capping', () => {
    const text = '😀'.repeat(3000);
    const sentences = splitSentences(text, 'en');
    expect(sentences.every((s) => !/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/.test(s.text))).toBe(true);
    expect(sentences.map((s) => s.text).join('')).toBe(text);
  });

  it('returns exact, ordered, non-overlapping spans for any text', () => {
    fc.assert(
      fc.property(anyText(), fc.constantFrom('pt', 'en', 'es', 'ru', 'fr', 'und', 'xx'), (text, lang) => {
        const sentences = splitSentences(text, lang);
        expect(spansAreExact(text, sentences)).toBe(true);
        for (let i = 1; i < sentences.length; i++) {
          expect(sentences[i]!.start).toBeGreaterThanOrEqual(sentences[i - 1]!.end);
        }
        // Only whitespace is ever left out.
        const covered = sentences.map((s) => s.text).join('');
        expect(covered.replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
      }),
      { numRuns: 300 },
    );
  });

  it('finishes on megabytes of adversarial text', () => {
    for (const [name, text] of Object.entries(bigTexts())) {
      const sentences = splitSentences(text, 'pt');
      expect(sentences.length, name).toBeGreaterThan(0);
      expect(
        sentences.every((s) => s.text.length <= MAX_SENTENCE),
        name,
      ).toBe(true);
    }
  }, 180_000);
});

describe('splitClauses', () => {
  const clauses = (text: string, lang: string) =>
    splitClauses({ start: 10, end: 10 + text.length, text }, lang).map((c) => [c.text, c.start]);

  it.each([
    [
      'pt',
      'Os ativistas foram detidos enquanto defendiam uma investigação.',
      ['Os ativistas foram detidos', 'enquanto defendiam uma investigação.'],
    ],
    [
      'pt',
      'A polícia nega as prisões; as famílias dizem o contrário, mas ninguém foi ouvido.',
      ['A polícia nega as prisões', 'as famílias dizem o contrário,', 'mas ninguém foi ouvido.'],
    ],
    [
      'en',
      'Police denied the arrests, but relatives said three men were taken: all were beaten.',
      ['Police denied the arrests,', 'but relatives said three men were taken', 'all were beaten.'],
    ],
    ['en', 'Men from Chechnya and Dagestan were held.', ['Men from Chechnya and Dagestan were held.']],
    [
      'en',
      'Two men were detained in Grozny, and a third fled the country.',
      ['Two men were detained in Grozny', 'and a third fled the country.'],
    ],
    [
      'es',
      'La policía lo niega, pero los testigos hablan de torturas — y de muertes.',
      ['La policía lo niega,', 'pero los testigos hablan de torturas', 'y de muertes.'],
    ],
    [
      'ru',
      'Полиция отрицает задержания, но родственники говорят о пытках; трое погибли.',
      ['Полиция отрицает задержания,', 'но родственники говорят о пытках', 'трое погибли.'],
    ],
    [
      'fr',
      'La police dément, mais des témoins parlent de tortures, et trois hommes sont morts.',
      ['La police dément,', 'mais des témoins parlent de tortures', 'et trois hommes sont morts.'],
    ],
    ['en', 'At 10:30 they left.', ['At 10:30 they left.']],
  ])('%s: %j', (lang, text, expected) => {
    const got = clauses(text, lang);
    expect(got.map(([t]) => t)).toEqual(expected);
    for (const [t, start] of got) expect(text.slice(Number(start) - 10).startsWith(String(t))).toBe(true);
  });

  it('keeps one-word pieces with their neighbour', () => {
    expect(clauses('Mas: tudo bem, sim.', 'pt').map(([t]) => t)).toEqual(['Mas: tudo bem, sim.']);
  });

  it('returns exact absolute spans for any sentence', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 20 }),
        anyText(),
        fc.constantFrom('pt', 'en', 'ru', 'und'),
        (pre, s, lang) => {
          const text = pre + s;
          const clauses = splitClauses({ start: pre.length, end: text.length, text: s }, lang);
          expect(spansAreExact(text, clauses)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('segment at scale', () => {
  // A bound on the whole run comes from the test timeout, not from a timed assertion.
  it('handles ten megabytes of news', () => {
    const text = tenMegabytesOfNews();
    expect(splitSentences(text, 'pt').length).toBeGreaterThan(0);
  }, 180_000);
});

describe('real copy: lower-case starts, missing spaces, headlines and lists', () => {
  it('ends a sentence before a lower-case start after an ordinary word, not after an abbreviation', () => {
    expect(
      texts('police detained five men on monday. three of them were beaten. etc. and so on', 'en'),
    ).toEqual(['police detained five men on monday.', 'three of them were beaten.', 'etc. and so on']);
    expect(texts('O Sr. da Silva foi preso. a polícia negou.', 'pt')).toEqual([
      'O Sr. da Silva foi preso.',
      'a polícia negou.',
    ]);
  });

  it('ends a sentence at a full stop with no space before a capital, but not inside names or numbers', () => {
    expect(
      texts(
        'Police detained five men.Three were released. See example.org and U.S.A. It cost 1.200 dollars.',
        'en',
      ),
    ).toEqual([
      'Police detained five men.',
      'Three were released.',
      'See example.org and U.S.A.',
      'It cost 1.200 dollars.',
    ]);
  });

  it('keeps a headline without punctuation and each list item apart', () => {
    expect(texts('Protesto termina com feridos\nA polícia usou gás lacrimogêneo.', 'pt')).toEqual([
      'Protesto termina com feridos',
      'A polícia usou gás lacrimogêneo.',
    ]);
    expect(
      texts(
        'Findings of the mission, set out in the report published on Monday by the group:\n- five men were detained\n1) two journalists were beaten',
        'en',
      ),
    ).toEqual([
      'Findings of the mission, set out in the report published on Monday by the group:',
      '- five men were detained',
      '1) two journalists were beaten',
    ]);
  });
});
