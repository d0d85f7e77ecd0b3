/**
 * Properties of extract() on any input: a result that validates against the contract's schema,
 * spans that point at their own text, the same answer twice, bounded time on megabytes without a
 * sentence break, and a typed error (never a crash) for what cannot be accepted. The behaviour on
 * real reports is pinned by the goldens in test/extract.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anyText, bigTexts, spansAreExact } from '../../test/support/textGenerators.ts';
import { InvalidInput } from '../core/errors.ts';
import { Suggestions } from '../core/suggestions.ts';
import { extract } from './extract.ts';

function assertWellFormed(text: string, result: Suggestions): void {
  expect(Suggestions.parse(result)).toEqual(result);
  expect(spansAreExact(text, result.claims)).toBe(true);
  expect(spansAreExact(text, result.interventions)).toBe(true);
  expect(spansAreExact(text, result.pii)).toBe(true);
  for (const e of result.events) {
    expect(e.start).toBeLessThanOrEqual(e.end);
    expect(e.end).toBeLessThanOrEqual(text.length);
  }
}

describe('extract on arbitrary input', () => {
  it('returns well-formed, deterministic suggestions for arbitrary text in every language', () => {
    fc.assert(
      fc.property(
        anyText(400),
        fc.constantFrom(undefined, 'pt', 'en', 'es', 'ru', 'fr', 'tr'),
        (text, lang) => {
          const options = { published: '2017-05-12', ...(lang ? { lang } : {}) };
          const result = extract(text, options);
          assertWellFormed(text, result);
          expect(extract(text, options)).toEqual(result);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('handles lone surrogates, RTL marks and mixed scripts around real reports', () => {
    const report = 'Cinco ativistas foram presos em Moscou na quinta-feira.';
    for (const noise of ['\uD800', '\uDC00', '\u202E', '\u200F', 'مرحبا بالعالم. ', 'שלום. ', '莫斯科']) {
      const text = `${noise}${report}${noise}`;
      const result = extract(text, { published: '2017-05-12', lang: 'pt' });
      assertWellFormed(text, result);
      expect(result.events.map((e) => e.type)).toEqual(['detention']);
    }
  });

  it('finishes in bounded time on megabyte inputs with no sentence breaks or odd content', () => {
    for (const [name, text] of Object.entries(bigTexts())) {
      const started = performance.now();
      const result = extract(text, { published: '2017-05-12' });
      const seconds = (performance.now() - started) / 1000;
      expect(seconds, name).toBeLessThan(60);
      expect(Suggestions.safeParse(result).success, name).toBe(true);
    }
  }, 600_000);

  it('reads 10 MB of mixed scripts without a single full stop', () => {
    const chunk = 'presos homens polícia Moscou três Москва задержаны موسكو מוסקבה 莫斯科 \u202E killed ';
    const text = chunk.repeat(Math.ceil(10_000_000 / chunk.length));
    const started = performance.now();
    const result = extract(text, { lang: 'pt' });
    expect((performance.now() - started) / 1000).toBeLessThan(120);
    expect(Suggestions.safeParse(result).success).toBe(true);
  }, 300_000);
});

describe('extract: inputs it refuses', () => {
  it('throws InvalidInput naming the field', () => {
    expect(() => extract('texto', { published: '2017-13-01' })).toThrow(InvalidInput);
    expect(() => extract('texto', { published: '12/05/2017' })).toThrow(/published/);
    expect(() => extract('texto', { lang: 'Portuguese' })).toThrow(/lang/);
    expect(() => extract(42 as unknown as string)).toThrow(InvalidInput);
  });

  it('accepts an empty text and a text without a published date', () => {
    expect(extract('', { lang: 'en' })).toMatchObject({ events: [], claims: [], interventions: [], pii: [] });
    const result = extract('Cinco ativistas foram presos na quinta-feira em Moscou.', { lang: 'pt' });
    expect(result.published).toBeNull();
    expect(result.events[0]?.date).toMatchObject({ from: null, unresolved: true });
  });
});

describe('extract: rules of the contract', () => {
  const events = (text: string, lang: string) =>
    extract(text, { published: '2024-05-10', lang }).events.map((e) => ({
      type: e.type,
      min: e.victims?.min ?? null,
      max: e.victims?.max ?? null,
      country: e.place?.country ?? null,
    }));

  it('a negated or denied act is no event, and a denial with a speaker is a claim', () => {
    for (const [lang, text] of [
      ['en', 'Police denied detaining anyone.'],
      ['en', 'The minister said no one had been tortured.'],
      ['pt', 'Segundo a polícia, não houve mortes.'],
      ['es', 'El gobierno negó que hubiera detenidos.'],
      ['ru', 'Полиция отрицает задержания.'],
      ['fr', 'La police a nié toute arrestation.'],
    ] as const) {
      const result = extract(text, { lang });
      expect(result.events, text).toEqual([]);
      expect(
        result.claims.map((c) => c.stance),
        text,
      ).toEqual(['denies']);
    }
  });

  it('gives each act the count that qualifies its own victims', () => {
    expect(events('Police detained 30 protesters in Minsk and killed two journalists.', 'en')).toEqual([
      { type: 'detention', min: 30, max: 30, country: 'BY' },
      { type: 'killing', min: 2, max: 2, country: 'BY' },
    ]);
    expect(events('В Москве задержаны более 100 человек.', 'ru')).toEqual([
      { type: 'detention', min: 100, max: null, country: 'RU' },
    ]);
  });

  it('carries the story setting to acts that name no place', () => {
    const text = 'A crise na Chechênia continua.\n\nDez homens foram detidos na quinta-feira.';
    expect(events(text, 'pt')).toEqual([{ type: 'detention', min: 10, max: 10, country: 'RU' }]);
  });

  it('counts one act told twice once', () => {
    const text = 'Three men were killed in Grozny. Relatives mourned the three men killed last week.';
    expect(events(text, 'en')).toEqual([{ type: 'killing', min: 3, max: 3, country: 'RU' }]);
  });

  it('finds no violation in sport, weather and idioms', () => {
    expect(
      events('The home team killed it on Saturday, with an arresting performance in the match.', 'en'),
    ).toEqual([]);
    expect(events('Arrested Development returns for a new season.', 'en')).toEqual([]);
    expect(events('The storm killed power lines across the region; no one was hurt.', 'en')).toEqual([]);
  });
});
