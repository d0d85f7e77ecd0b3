/**
 * Everything extraction knows about one language, kept in its own folder (`languages/xx/`): the
 * sentence, number and date rules (`rules.ts`, lang/types.ts), the event lexicon (`lexicon.ts`,
 * lexicon/types.ts) and the place names written in that language (`places.ts`). A sixth language
 * is one more folder and one line in `languages/index.ts`.
 */
import type { LanguagePack } from '../lang/types.ts';
import type { Lexicon } from '../lexicon/types.ts';

export interface Language {
  rules: LanguagePack;
  lexicon: Lexicon;
  /** Place names in this language, keyed by the gazetteer's canonical English name. */
  places?: Readonly<Record<string, readonly string[]>>;
  /** Every written form of one place name, for languages that decline them (Russian cases). */
  placeForms?: (name: string) => string[];
}
