import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { itWithShared, SEED_ARTICLE, sharedText } from '../../test/support/shared.ts';
import { anyText, bigTexts, spansAreExact, tenMegabytesOfNews } from '../../test/support/textGenerators.ts';
import { findDates } from './dates.ts';

const PUBLISHED = '2017-05-12'; // a Friday
type Row = [text: string, from: string | null, to: string | null, precision: string];
const summary = (text: string, lang: string, published: string | null = PUBLISHED): Row[] =>
  findDates(text, lang, published).map((d) => [d.text, d.from, d.to, d.precision]);

describe('findDates', () => {
  it.each<[string, string, Row[]]>([
    [
      'pt',
      'Em março, o jornal relatou prisões. Na quarta-feira, o senador falou; na quinta-feira, cinco foram presos. O Haaretz publicou em 11 de maio.',
      [
        ['Em março', '2017-03-01', '2017-03-31', 'month'],
        ['Na quarta-feira', '2017-05-10', '2017-05-10', 'day'],
        ['na quinta-feira', '2017-05-11', '2017-05-11', 'day'],
        ['11 de maio', '2017-05-11', '2017-05-11', 'day'],
      ],
    ],
    [
      'pt',
      'Ontem, no mês passado e há duas semanas; em 2016 e em 11 de maio de 2015.',
      [
        ['Ontem', '2017-05-11', '2017-05-11', 'day'],
        ['no mês passado', '2017-04-01', '2017-04-30', 'month'],
        ['há duas semanas', '2017-04-24', '2017-04-30', 'week'],
        ['em 2016', '2016-01-01', '2016-12-31', 'year'],
        ['11 de maio de 2015', '2015-05-11', '2015-05-11', 'day'],
      ],
    ],
    [
      'en',
      'On May 11, 2017, police raided the office; in March they had warned staff, and on Thursday five were held.',
      [
        ['May 11, 2017', '2017-05-11', '2017-05-11', 'day'],
        ['in March', '2017-03-01', '2017-03-31', 'month'],
        ['on Thursday', '2017-05-11', '2017-05-11', 'day'],
      ],
    ],
    [
      'en',
      'Yesterday, last week and two weeks ago; you may march in December 2016.',
      [
        ['Yesterday', '2017-05-11', '2017-05-11', 'day'],
        ['last week', '2017-05-01', '2017-05-07', 'week'],
        ['two weeks ago', '2017-04-24', '2017-04-30', 'week'],
        ['in December 2016', '2016-12-01', '2016-12-31', 'month'],
      ],
    ],
    [
      'es',
      'El jueves la policía detuvo a cinco activistas; en marzo hubo redadas y el mes pasado, hace dos semanas, otras.',
      [
        ['El jueves', '2017-05-11', '2017-05-11', 'day'],
        ['en marzo', '2017-03-01', '2017-03-31', 'month'],
        ['el mes pasado', '2017-04-01', '2017-04-30', 'month'],
        ['hace dos semanas', '2017-04-24', '2017-04-30', 'week'],
      ],
    ],
    [
      'ru',
      '11 мая 2017 г. в Москве задержали пятерых; в марте начались облавы, в четверг был суд, на прошлой неделе — обыски.',
      [
        ['11 мая 2017 г.', '2017-05-11', '2017-05-11', 'day'],
        ['в марте', '2017-03-01', '2017-03-31', 'month'],
        ['в четверг', '2017-05-11', '2017-05-11', 'day'],
        ['на прошлой неделе', '2017-05-01', '2017-05-07', 'week'],
      ],
    ],
    [
      'ru',
      'Вчера и две недели назад, в 2016 году, 11.05.2017; среда обитания не дата.',
      [
        ['Вчера', '2017-05-11', '2017-05-11', 'day'],
        ['две недели назад', '2017-04-24', '2017-04-30', 'week'],
        ['в 2016 году', '2016-01-01', '2016-12-31', 'year'],
        ['11.05.2017', '2017-05-11', '2017-05-11', 'day'],
      ],
    ],
    [
      'fr',
      'Le 11 mai, cinq militants ont été arrêtés à Moscou jeudi; en mars, des rafles; il y a deux semaines, la semaine dernière.',
      [
        ['11 mai', '2017-05-11', '2017-05-11', 'day'],
        ['jeudi', '2017-05-11', '2017-05-11', 'day'],
        ['en mars', '2017-03-01', '2017-03-31', 'month'],
        ['il y a deux semaines', '2017-04-24', '2017-04-30', 'week'],
        ['la semaine dernière', '2017-05-01', '2017-05-07', 'week'],
      ],
    ],
    [
      'fr',
      'Le 1er mai 2016 et hier.',
      [
        ['1er mai 2016', '2016-05-01', '2016-05-01', 'day'],
        ['hier', '2017-05-11', '2017-05-11', 'day'],
      ],
    ],
    ['en', 'Filed 2017-02-29 and 31/04/2017: neither exists.', []],
  ])('%s: %s', (lang, text, expected) => {
    expect(summary(text, lang)).toEqual(expected);
  });

  it('resolves a month to the latest one not after publication', () => {
    expect(summary('em dezembro', 'pt')).toEqual([['em dezembro', '2016-12-01', '2016-12-31', 'month']]);
    expect(summary('em maio', 'pt')).toEqual([['em maio', '2017-05-01', '2017-05-31', 'month']]);
  });

  it('takes the publication day itself for its own weekday', () => {
    expect(summary('on Friday', 'en')).toEqual([['on Friday', '2017-05-12', '2017-05-12', 'day']]);
  });

  it('keeps precision but leaves dates unresolved without a publication date, unless a year is stated', () => {
    const found = findDates('Em março e na quinta-feira; em 11 de maio de 2017.', 'pt', null);
    expect(found.map((d) => [d.text, d.precision, d.from, d.to, d.unresolved])).toEqual([
      ['Em março', 'month', null, null, true],
      ['na quinta-feira', 'day', null, null, true],
      ['11 de maio de 2017', 'day', '2017-05-11', '2017-05-11', false],
    ]);
  });

  itWithShared(SEED_ARTICLE, 'finds the dates of the seed article', () => {
    const seed = sharedText(SEED_ARTICLE);
    const found = findDates(seed, 'pt', PUBLISHED);
    expect(spansAreExact(seed, found)).toBe(true);
    expect(summary(seed, 'pt')).toEqual([
      ['11 de maio', '2017-05-11', '2017-05-11', 'day'],
      ['Em março', '2017-03-01', '2017-03-31', 'month'],
      ['Na quarta-feira', '2017-05-10', '2017-05-10', 'day'],
      ['na quinta-feira', '2017-05-11', '2017-05-11', 'day'],
    ]);
  });

  it('resolves every weekday to the last such day on or before publication', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('1990-01-01'), max: new Date('2090-12-31'), noInvalidDate: true }),
        fc.integer({ min: 0, max: 6 }),
        (date, wd) => {
          const published = date.toISOString().slice(0, 10);
          const name = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'][wd];
          const [found] = findDates(`on ${name}`, 'en', published);
          expect(found?.from).not.toBeNull();
          const day = new Date(`${found?.from}T00:00:00Z`);
          expect(day.getUTCDay()).toBe(wd);
          const diff = (Date.parse(`${published}T00:00:00Z`) - day.getTime()) / 86_400_000;
          expect(diff).toBeGreaterThanOrEqual(0);
          expect(diff).toBeLessThan(7);
        },
      ),
    );
  });

  it('returns exact spans and ordered, valid ranges for any text', () => {
    fc.assert(
      fc.property(
        anyText(),
        fc.constantFrom('pt', 'en', 'es', 'ru', 'fr', 'und'),
        fc.constantFrom(PUBLISHED, null, 'garbage'),
        (text, lang, pub) => {
          const found = findDates(text, lang, pub);
          expect(spansAreExact(text, found)).toBe(true);
          for (const d of found) {
            if (d.from && d.to) expect(d.from <= d.to).toBe(true);
            expect(d.unresolved).toBe(d.from === null);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('finishes on megabytes of adversarial text', () => {
    for (const [name, text] of Object.entries(bigTexts())) {
      expect(Array.isArray(findDates(text, 'pt', PUBLISHED)), name).toBe(true);
    }
  }, 180_000);
});

describe('dates at scale', () => {
  // A bound on the whole run comes from the test timeout, not from a timed assertion.
  it('handles ten megabytes of news', () => {
    const text = tenMegabytesOfNews();
    expect(findDates(text, 'pt', '2017-05-12').length).toBeGreaterThan(0);
  }, 180_000);
});
