import { en } from './en.ts';
import { es } from './es.ts';
import { fr } from './fr.ts';
import { pt } from './pt.ts';
import { ru } from './ru.ts';
import type { LanguagePack } from './types.ts';

export type { LanguagePack } from './types.ts';

/** The languages with full tables. A sixth language: add its file and one entry here. */
export const languagePacks: readonly LanguagePack[] = [pt, en, es, ru, fr];

const byCode = new Map(languagePacks.map((pack) => [pack.code, pack]));

/** The pack for a language, or null: callers then fall back to language-neutral rules (digits). */
export function packFor(lang: string): LanguagePack | null {
  return byCode.get(lang.toLowerCase().slice(0, 2)) ?? null;
}
