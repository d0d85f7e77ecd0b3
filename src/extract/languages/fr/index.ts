import type { Language } from '../language.ts';
import { fr as lexicon } from './lexicon.ts';
import { fr as rules } from './rules.ts';

export const language: Language = { rules, lexicon };
