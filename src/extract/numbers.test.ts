import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { itWithShared, SEED_ARTICLE, sharedText } from '../../test/support/shared.ts';
import { anyText, bigTexts, spansAreExact, tenMegabytesOfNews } from '../../test/support/textGenerators.ts';
import { type CountMention, findCounts } from './numbers.ts';

type Expected = [text: string, min: number | null, max: number | null, qualifier: CountMention['qualifier']];
const summary = (text: string, lang: string): Expected[] =>
  findCounts(text, lang).map((c) => [c.text, c.min, c.max, c.qualifier]);

describe('findCounts', () => {
  it.each<[string, string, Expected[]]>([
    [
      'pt',
      'Em março, o jornal relatou a detenção de mais de cem homens. Durante a repressão pelo menos três homens foram mortos.',
      [
        ['mais de cem', 100, null, 'more-than'],
        ['pelo menos três', 3, null, 'at-least'],
      ],
    ],
    ['pt', 'Cinco ativistas foram presos em Moscou na quinta-feira.', [['Cinco', 5, 5, 'exact']]],
    [
      'pt',
      'Cento e vinte famílias e cerca de 1.200 pessoas fugiram; dezenas de feridos, até 15 detidos.',
      [
        ['Cento e vinte', 120, 120, 'exact'],
        ['cerca de 1.200', 1200, 1200, 'about'],
        ['dezenas', 24, null, 'vague'],
        ['até 15', null, 15, 'up-to'],
      ],
    ],
    ['pt', 'Mais de uma dezena de presos.', [['Mais de uma dezena', 10, null, 'more-than']]],
    ['fr', 'Une dizaine de blessés.', [['Une dizaine', 10, 10, 'exact']]],
    ['pt', 'Uma investigação foi aberta em 2017, às 10:30, em 11 de maio, com 30% dos votos e R$ 500.', []],
    [
      'en',
      'At least twenty-five people were killed and more than 1,200 detained, up to ten of them children.',
      [
        ['At least twenty-five', 25, null, 'at-least'],
        ['more than 1,200', 1200, null, 'more-than'],
        ['up to ten', null, 10, 'up-to'],
      ],
    ],
    [
      'en',
      'Hundreds marched; dozens were beaten and tens of thousands fled. About 40 families remain.',
      [
        ['Hundreds', 200, null, 'vague'],
        ['dozens', 24, null, 'vague'],
        ['tens of thousands', 20000, null, 'vague'],
        ['About 40', 40, 40, 'about'],
      ],
    ],
    ['en', 'Call 202-370-3310 on May 11, 2017 at 10:30; 45% said $5 million was paid in 2016.', []],
    [
      'es',
      'Al menos veinticinco personas murieron y más de 1.200 fueron detenidas; unos 40 siguen desaparecidos.',
      [
        ['Al menos veinticinco', 25, null, 'at-least'],
        ['más de 1.200', 1200, null, 'more-than'],
        ['unos 40', 40, 40, 'about'],
      ],
    ],
    [
      'es',
      'Cientos de personas y ciento veinte familias.',
      [
        ['Cientos', 200, null, 'vague'],
        ['ciento veinte', 120, 120, 'exact'],
      ],
    ],
    [
      'ru',
      'Задержаны не менее двадцати пяти человек, более ста пострадали, трёх мужчин убили, пятерых отпустили.',
      [
        ['не менее двадцати пяти', 25, null, 'at-least'],
        ['более ста', 100, null, 'more-than'],
        ['трёх', 3, 3, 'exact'],
        ['пятерых', 5, 5, 'exact'],
      ],
    ],
    [
      'ru',
      'Более сотни задержанных; сотни людей вышли, десятки ранены, около 40 семей бежали, 5 тысяч подписали.',
      [
        ['Более сотни', 100, null, 'more-than'],
        ['сотни', 200, null, 'vague'],
        ['десятки', 24, null, 'vague'],
        ['около 40', 40, 40, 'about'],
        ['5 тысяч', 5000, 5000, 'exact'],
      ],
    ],
    ['ru', '11 мая 2017 г. в 10:30 по телефону +7 (928) 123-45-67, 30% и 500 рублей.', []],
    [
      'fr',
      'Au moins vingt-cinq personnes, plus de 1 200 hommes et quatre-vingt-dix femmes; soixante et onze enfants.',
      [
        ['Au moins vingt-cinq', 25, null, 'at-least'],
        ['plus de 1 200', 1200, null, 'more-than'],
        ['quatre-vingt-dix', 90, 90, 'exact'],
        ['soixante et onze', 71, 71, 'exact'],
      ],
    ],
    [
      'fr',
      "Des dizaines de blessés, plus d'une centaine de détenus, jusqu'à dix morts, environ 40 familles.",
      [
        ['Des dizaines', 24, null, 'vague'],
        ["plus d'une centaine", 100, null, 'more-than'],
        ["jusqu'à dix", null, 10, 'up-to'],
        ['environ 40', 40, 40, 'about'],
      ],
    ],
    ['fr', 'Le 11 mai 2017 à 10 h, une enquête sur 45 % des cas et 300 euros.', []],
    [
      'und',
      'Around 40 then 1,200 and 2017.',
      [
        ['Around 40', 40, 40, 'about'],
        ['1,200', 1200, 1200, 'exact'],
      ],
    ],
  ])('%s: %s', (lang, text, expected) => {
    expect(summary(text, lang)).toEqual(expected);
  });

  itWithShared(SEED_ARTICLE, 'finds the counts of the seed article', () => {
    const seed = sharedText(SEED_ARTICLE);
    const counts = findCounts(seed, 'pt');
    expect(spansAreExact(seed, counts)).toBe(true);
    expect(summary(seed, 'pt')).toEqual(
      expect.arrayContaining([
        ['mais de cem', 100, null, 'more-than'],
        ['pelo menos três', 3, null, 'at-least'],
        ['Cinco', 5, 5, 'exact'],
      ]),
    );
    // The phone number, the day of the month and the reference number are not counts.
    expect(counts.map((c) => c.text).some((t) => /\d/.test(t))).toBe(false);
  });

  it('keeps exact spans and consistent bounds for any text', () => {
    fc.assert(
      fc.property(anyText(), fc.constantFrom('pt', 'en', 'es', 'ru', 'fr', 'und'), (text, lang) => {
        const counts = findCounts(text, lang);
        expect(spansAreExact(text, counts)).toBe(true);
        for (const c of counts) {
          expect(c.min !== null || c.max !== null).toBe(true);
          if (c.min !== null && c.max !== null) expect(c.min).toBeLessThanOrEqual(c.max);
          if (c.qualifier === 'exact' || c.qualifier === 'about') expect(c.min).toBe(c.max);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('reads back any number it is given in digits', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 999_999 }), (n) => {
        fc.pre(n < 1800 || n > 2100); // bare years are not counts
        const text = `Foram detidas ${n.toLocaleString('pt-BR')} pessoas.`;
        expect(findCounts(text, 'pt').map((c) => c.min)).toEqual([n]);
      }),
    );
  });

  it('finishes on megabytes of adversarial text', () => {
    for (const [name, text] of Object.entries(bigTexts())) {
      const counts = findCounts(text, 'ru');
      expect(Array.isArray(counts), name).toBe(true);
      expect(findCounts(text, 'pt').length, name).toBeGreaterThanOrEqual(0);
    }
  }, 180_000);
});

describe('numbers at scale', () => {
  // A bound on the whole run comes from the test timeout, not from a timed assertion.
  it('handles ten megabytes of news', () => {
    const text = tenMegabytesOfNews();
    expect(findCounts(text, 'pt').length).toBeGreaterThan(0);
  }, 180_000);
});
