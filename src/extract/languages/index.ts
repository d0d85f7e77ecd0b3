/** The languages with full rules, one folder each. A sixth language: its folder and one line here. */
import { language as en } from './en/index.ts';
import { language as es } from './es/index.ts';
import { language as fr } from './fr/index.ts';
import type { Language } from './language.ts';
import { language as pt } from './pt/index.ts';
import { language as ru } from './ru/index.ts';

export type { Language } from './language.ts';

/** In detection order: Portuguese before Spanish, whose function words overlap. */
export const LANGUAGES: readonly Language[] = [pt, en, es, ru, fr];
