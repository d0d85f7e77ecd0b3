/**
 * The lexicons by language, from each language's folder (`src/extract/languages/xx/lexicon.ts`). Texts in a language without a lexicon are read with the English one, which still
 * catches English loan words and names but finds little else — better than failing.
 */

import { LANGUAGES } from '../languages/index.ts';
import { type CompiledLexicon, compileLexicon } from './compile.ts';
import type { Lexicon } from './types.ts';

export const LEXICONS: Readonly<Record<string, Lexicon>> = Object.fromEntries(
  LANGUAGES.map((language) => [language.lexicon.lang, language.lexicon]),
);

const compiled = new Map<string, CompiledLexicon>();

export function lexiconFor(lang: string): CompiledLexicon {
  const key = LEXICONS[lang] ? lang : 'en';
  let lexicon = compiled.get(key);
  if (!lexicon) {
    lexicon = compileLexicon(LEXICONS[key]!);
    compiled.set(key, lexicon);
  }
  return lexicon;
}

export type { CompiledLexicon } from './compile.ts';
export type { ActorEntry, ActorKind, Lexicon } from './types.ts';
