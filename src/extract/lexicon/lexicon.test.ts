import { describe, expect, it } from 'vitest';
import { EVENT_TYPES, INTERVENTION_TYPES } from '../../core/vocabulary.ts';
import { matchLexicon, tokenize } from './compile.ts';
import { foldText } from './fold.ts';
import { LEXICONS, lexiconFor } from './index.ts';

describe('lexicons', () => {
  for (const [lang, lexicon] of Object.entries(LEXICONS)) {
    it(`${lang}: names every event and intervention type, and compiles`, () => {
      expect(lexicon.lang).toBe(lang);
      for (const type of EVENT_TYPES) expect(lexicon.events[type].strong.length, type).toBeGreaterThan(0);
      for (const type of INTERVENTION_TYPES)
        expect(lexicon.interventions[type].length, type).toBeGreaterThan(0);
      for (const list of [
        lexicon.negation,
        lexicon.denial,
        lexicon.reporting,
        lexicon.groups,
        lexicon.actors,
      ]) {
        expect(list.length).toBeGreaterThan(0);
      }
      expect(() => lexiconFor(lang)).not.toThrow();
    });
  }

  it('matches stems, multi-word phrases and whole words only', () => {
    const match = (lang: string, text: string) => {
      const folded = foldText(text);
      const matches = matchLexicon(lexiconFor(lang), { folded, tokens: tokenize(folded) });
      return matches.triggers.map((m) => `${m.value.type}:${text.slice(m.start, m.end)}`);
    };
    expect(match('ru', 'Их задержали, задержание длилось сутки; задержанные пытки')).toEqual([
      'detention:задержали',
      'detention:задержание',
      'detention:задержанные',
      'torture:пытки',
    ]);
    expect(match('pt', 'Sofreram maus-tratos e foram Torturados.')).toEqual([
      'torture:maus-tratos',
      'torture:Torturados',
    ]);
    // "presidente" holds "preso"'s letters but is not the word.
    expect(match('pt', 'O presidente falou.')).toEqual([]);
    // The longest phrase wins: a death threat is a threat, not a killing.
    expect(match('es', 'recibió amenazas de muerte')).toEqual(['threat:amenazas de muerte']);
  });

  it('falls back to English for a language without a lexicon', () => {
    expect(lexiconFor('tr').lang).toBe('en');
  });
});
