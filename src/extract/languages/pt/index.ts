import type { Language } from '../language.ts';
import { pt as lexicon } from './lexicon.ts';
import { pt as rules } from './rules.ts';

export const language: Language = { rules, lexicon };
