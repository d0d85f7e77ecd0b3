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
}
