import type { Language } from '../language.ts';
import { ru as lexicon } from './lexicon.ts';
import { places } from './places.ts';
import { ru as rules } from './rules.ts';
import { russianCases } from './russianCases.ts';

/** A trailing "*" on a place name asks for its six case forms. */
function placeForms(name: string): string[] {
  return name.endsWith('*') ? russianCases(name.slice(0, -1)) : [name];
}

export const language: Language = { rules, lexicon, places, placeForms };
