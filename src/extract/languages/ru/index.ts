import type { Language } from '../language.ts';
import { ru as lexicon } from './lexicon.ts';
import { ru as rules } from './rules.ts';

export const language: Language = { rules, lexicon };
