import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { itWithShared, SEED_ARTICLE, sharedText } from '../../test/support/shared.ts';
import { anyText, bigTexts, spansAreExact, tenMegabytesOfNews } from '../../test/support/textGenerators.ts';
import { russianCases } from './languages/ru/russianCases.ts';
import { findPlaces } from './places.ts';

type Row = [text: string, name: string, country: string | null, kind: string];
const summary = (text: string, lang: string): Row[] =>
  findPlaces(text, lang).map((p) => [p.text, p.name, p.country, p.kind]);

describe('findPlaces', () => {
  it.each<[string, string, Row[]]>([
    [
      'pt',
      'Violações na Chechénia e na Chechênia; ativistas presos em Moscou; a Embaixada da Rússia em Israel.',
      [
        ['Chechénia', 'Chechnya', 'RU', 'region'],
        ['Chechênia', 'Chechnya', 'RU', 'region'],
        ['Moscou', 'Moscow', 'RU', 'city'],
        ['Rússia', 'Russia', 'RU', 'country'],
        ['Israel', 'Israel', 'IL', 'country'],
      ],
    ],
    [
      'pt',
      'Para o governo, os Estados Unidos e o Rio de Janeiro; o advogado João Lima falou em Lima.',
      [
        ['Estados Unidos', 'United States', 'US', 'country'],
        ['Rio de Janeiro', 'Rio de Janeiro', 'BR', 'city'],
        ['Lima', 'Lima', 'PE', 'city'],
      ],
    ],
    [
      'en',
      'Men were held in Grozny and Argun, Chechnya, then moved to St Petersburg; George Washington is not a place, the UK is.',
      [
        ['Grozny', 'Grozny', 'RU', 'city'],
        ['Argun', 'Argun', 'RU', 'city'],
        ['Chechnya', 'Chechnya', 'RU', 'region'],
        ['St Petersburg', 'Saint Petersburg', 'RU', 'city'],
        ['UK', 'United Kingdom', 'GB', 'country'],
      ],
    ],
    ['en', 'china plates and georgia peaches, in lower case, are not places; uk neither.', []],
    [
      'es',
      'Detenciones en Chechenia y en Moscú; refugiados en Ciudad de México y Bogotá.',
      [
        ['Chechenia', 'Chechnya', 'RU', 'region'],
        ['Moscú', 'Moscow', 'RU', 'city'],
        ['Ciudad de México', 'Mexico City', 'MX', 'city'],
        ['Bogotá', 'Bogotá', 'CO', 'city'],
      ],
    ],
    [
      'ru',
      'Задержания в Чечне и Чеченской Республике, из Чечни в Москву, суд в Грозном, беженцы в Санкт-Петербурге, в Дагестане и Ингушетии.',
      [
        ['Чечне', 'Chechnya', 'RU', 'region'],
        ['Чеченской Республике', 'Chechnya', 'RU', 'region'],
        ['Чечни', 'Chechnya', 'RU', 'region'],
        ['Москву', 'Moscow', 'RU', 'city'],
        ['Грозном', 'Grozny', 'RU', 'city'],
        ['Санкт-Петербурге', 'Saint Petersburg', 'RU', 'city'],
        ['Дагестане', 'Dagestan', 'RU', 'region'],
        ['Ингушетии', 'Ingushetia', 'RU', 'region'],
      ],
    ],
    [
      'fr',
      "Arrestations en Tchétchénie et à Moscou; réfugiés à Saint-Pétersbourg, en Côte d'Ivoire et à N’Djamena.",
      [
        ['Tchétchénie', 'Chechnya', 'RU', 'region'],
        ['Moscou', 'Moscow', 'RU', 'city'],
        ['Saint-Pétersbourg', 'Saint Petersburg', 'RU', 'city'],
        ["Côte d'Ivoire", 'Ivory Coast', 'CI', 'country'],
        ['N’Djamena', 'N’Djamena', 'TD', 'city'],
      ],
    ],
  ])('%s: %s', (lang, text, expected) => {
    expect(summary(text, lang)).toEqual(expected);
  });

  itWithShared(SEED_ARTICLE, 'finds Chechnya and Moscow in the seed article', () => {
    const seed = sharedText(SEED_ARTICLE);
    const places = findPlaces(seed, 'pt');
    expect(spansAreExact(seed, places)).toBe(true);
    expect(places.map((p) => `${p.name}/${p.country}`)).toEqual(
      expect.arrayContaining(['Chechnya/RU', 'Moscow/RU']),
    );
  });

  it('declines Russian names in every case', () => {
    expect(russianCases('Чечня')).toEqual(
      expect.arrayContaining(['Чечня', 'Чечни', 'Чечне', 'Чечню', 'Чечнёй']),
    );
    expect(russianCases('Грозный')).toEqual(
      expect.arrayContaining(['Грозного', 'Грозному', 'Грозным', 'Грозном']),
    );
    expect(russianCases('Чеченская Республика')).toEqual(
      expect.arrayContaining(['Чеченской Республике', 'Чеченскую Республику']),
    );
    expect(russianCases('Тбилиси')).toEqual(['Тбилиси']);
  });

  it('returns exact spans for any text', () => {
    fc.assert(
      fc.property(anyText(), (text) => {
        expect(spansAreExact(text, findPlaces(text, 'und'))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('finishes on megabytes of adversarial text', () => {
    for (const [name, text] of Object.entries(bigTexts())) {
      expect(Array.isArray(findPlaces(text, 'ru')), name).toBe(true);
    }
  }, 180_000);
});

describe('places at scale', () => {
  // A bound on the whole run comes from the test timeout, not from a timed assertion.
  it('handles ten megabytes of news', () => {
    const text = tenMegabytesOfNews();
    expect(findPlaces(text, 'pt').length).toBeGreaterThan(0);
  }, 180_000);
});
