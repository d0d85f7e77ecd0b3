import { describe, expect, it } from 'vitest';
import { foldWord, matchSealedText, stemOf } from './sealedTextMatch.ts';

describe('matching sealed text in memory', () => {
  it('folds case and accents and keeps a short stem of long words', () => {
    expect(foldWord('Détention')).toBe('detention');
    expect(stemOf('presos')).toBe('pres');
    expect(stemOf('задержание')).toBe('задержан');
    expect(stemOf('rio')).toBe('rio');
  });

  it('finds inflected words in any of the five languages, every query word required', () => {
    const text = 'Os ativistas foram presos em Belém. Задержания продолжались всю ночь.';
    expect(matchSealedText('ativista preso', text)).not.toBeNull();
    expect(matchSealedText('задержание', text)).not.toBeNull();
    expect(matchSealedText('BELEM', text)).not.toBeNull();
    expect(matchSealedText('kneeling', 'they made him kneel')).not.toBeNull();
    expect(matchSealedText('presidente', text)).toBeNull();
    expect(matchSealedText('presos Lisboa', text)).toBeNull();
    expect(matchSealedText('   ', text)).toBeNull();
  });

  it('returns a snippet whose highlights cover the matching words', () => {
    const text = `${'x '.repeat(100)}the guard at the second gate ${'y '.repeat(100)}`;
    const match = matchSealedText('gate', text)!;
    const [highlight] = match.highlights;
    expect(match.snippet.slice(highlight!.start, highlight!.end)).toBe('gate');
    expect(match.score).toBe(1);
  });
});
