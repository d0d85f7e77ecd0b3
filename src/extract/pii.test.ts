import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { itWithShared, SEED_ARTICLE, sharedText } from '../../test/support/shared.ts';
import { anyText, bigTexts, spansAreExact, tenMegabytesOfNews } from '../../test/support/textGenerators.ts';
import { findPii } from './pii.ts';

const summary = (text: string, lang: string): string[] =>
  findPii(text, lang).map((p) => `${p.kind}:${p.text}`);

describe('findPii', () => {
  it.each<[string, string, string[]]>([
    [
      'pt',
      'Para falar com Gaylord, contate Christopher Plummer em [email protected] ou 202-370-3310.',
      ['person:Christopher Plummer', 'email:[email protected]', 'phone:202-370-3310'],
    ],
    [
      'pt',
      'Contate a Sra. Maria da Silva pelo (11) 91234-5678. CPF 123.456.789-09, Rua Augusta, 1234. A vítima João Pereira, de 27 anos, foi presa. O senador Paulo Paim e o Presidente Trump falaram.',
      [
        'person:Maria da Silva',
        'phone:(11) 91234-5678',
        'id-number:123.456.789-09',
        'address:Rua Augusta, 1234',
        'person:João Pereira',
      ],
    ],
    [
      'en',
      'Contact Jane Doe at jane.doe@example.org or (202) 555-0147. The victim, Ahmed Daudov, 34, was taken. Senator Ben Cardin and Ambassador Nikki Haley spoke.',
      ['person:Jane Doe', 'email:jane.doe@example.org', 'phone:(202) 555-0147', 'person:Ahmed Daudov'],
    ],
    [
      'en',
      'Write to ivan at gmail dot com or ivan [at] mail [dot] ru; see https://hrw.org/report (PDF). Passport number AB1234567, SSN 123-45-6789, 1600 Pennsylvania Avenue NW.',
      [
        'email:ivan at gmail dot com',
        'email:ivan [at] mail [dot] ru',
        'url:https://hrw.org/report',
        'id-number:AB1234567',
        'id-number:123-45-6789',
        'address:1600 Pennsylvania Avenue NW',
      ],
    ],
    [
      'es',
      'Contactar con Juan Pérez en el 612 345 678. DNI 12345678Z. Calle Mayor 5. El presidente Pedro Sánchez dijo.',
      ['person:Juan Pérez', 'phone:612 345 678', 'id-number:12345678Z', 'address:Calle Mayor 5'],
    ],
    [
      'ru',
      'Связаться с Кристофером Пламмером: +7 (928) 123-45-67. Свидетель Иван Петров рассказал. Ахмед (имя изменено) был задержан. Паспорт серии 45 06 123456, ул. Тверская, д. 13, ivan собака mail точка ru.',
      [
        'person:Кристофером Пламмером',
        'phone:+7 (928) 123-45-67',
        'person:Иван Петров',
        'person:Ахмед',
        'id-number:45 06 123456',
        'address:ул. Тверская, д. 13',
        'email:ivan собака mail точка ru',
      ],
    ],
    [
      'fr',
      'Contacter Marie Dupont au 01 42 68 53 00. Ahmed, 27 ans, a été arrêté; il habite 12 rue de la Paix. Le président Emmanuel Macron.',
      ['person:Marie Dupont', 'phone:01 42 68 53 00', 'person:Ahmed', 'address:12 rue de la Paix'],
    ],
    ['pt', 'Em 2017, 1.200 pessoas; em 11/05/2017 às 10:30, 30% dos 2015-2017.', []],
  ])('%s: %s', (lang, text, expected) => {
    expect(summary(text, lang)).toEqual(expected);
  });

  itWithShared(SEED_ARTICLE, 'finds the protected data of the seed article, and no public official', () => {
    const seed = sharedText(SEED_ARTICLE);
    const pii = findPii(seed, 'pt');
    expect(spansAreExact(seed, pii)).toBe(true);
    // The scraped page wrote the placeholder with a no-break space; the span keeps it as written.
    expect(summary(seed, 'pt')).toEqual([
      'person:Christopher Plummer',
      'email:[email\u00A0protected]',
      'phone:202-370-3310',
    ]);
  });

  it('returns exact, non-overlapping spans for any text', () => {
    fc.assert(
      fc.property(anyText(), fc.constantFrom('pt', 'en', 'es', 'ru', 'fr', 'und'), (text, lang) => {
        const pii = findPii(text, lang);
        expect(spansAreExact(text, pii)).toBe(true);
        for (let i = 1; i < pii.length; i++) expect(pii[i]!.start).toBeGreaterThanOrEqual(pii[i - 1]!.end);
      }),
      { numRuns: 300 },
    );
  });

  it('finds every e-mail address it is given', () => {
    fc.assert(
      fc.property(fc.emailAddress(), (email) => {
        fc.pre(!email.includes('"') && /^[\w.%+-]+@[\w.-]+\.[a-z]{2,}$/i.test(email));
        const text = `Escreva para ${email} hoje.`;
        expect(summary(text, 'pt')).toContain(`email:${email}`);
      }),
    );
  });

  it('finishes on megabytes of adversarial text', () => {
    for (const [name, text] of Object.entries(bigTexts())) {
      expect(Array.isArray(findPii(text, 'en')), name).toBe(true);
    }
  }, 180_000);
});

describe('pii at scale', () => {
  // A bound on the whole run comes from the test timeout, not from a timed assertion.
  it('handles ten megabytes of news', () => {
    const text = tenMegabytesOfNews();
    expect(findPii(text, 'pt').length).toBeGreaterThan(0);
  }, 180_000);
});
