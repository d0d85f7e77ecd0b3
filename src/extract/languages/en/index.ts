import type { Language } from '../language.ts';
import { en as lexicon } from './lexicon.ts';
import { en as rules } from './rules.ts';

export const language: Language = { rules, lexicon };
