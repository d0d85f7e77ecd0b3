/**
 * The lexicons by language. Adding a language: write `xx.ts` filling in `Lexicon` (types.ts), add it
 * to LEXICONS. Texts in a language without a lexicon are read with the English one, which still
 * catches English loan words and names but finds little else — better than failing.
 */
import { type CompiledLexicon, compileLexicon } from './compile.ts';
import { en } from './en.ts';
import { es } from './es.ts';
import { fr } from './fr.ts';
import { pt } from './pt.ts';
import { ru } from './ru.ts';
import type { Lexicon } from './types.ts';

export const LEXICONS: Readonly<Record<string, Lexicon>> = { pt, en, es, ru, fr };

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
