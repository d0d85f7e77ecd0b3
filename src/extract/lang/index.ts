import { LANGUAGES } from '../languages/index.ts';
import type { LanguagePack } from './types.ts';

export type { LanguagePack } from './types.ts';

/** The languages with full tables (`src/extract/languages/`). */
export const languagePacks: readonly LanguagePack[] = LANGUAGES.map((language) => language.rules);

const byCode = new Map(languagePacks.map((pack) => [pack.code, pack]));

/** The pack for a language, or null: callers then fall back to language-neutral rules (digits). */
export function packFor(lang: string): LanguagePack | null {
  return byCode.get(lang.toLowerCase().slice(0, 2)) ?? null;
}
