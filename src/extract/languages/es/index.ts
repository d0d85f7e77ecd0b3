import type { Language } from '../language.ts';
import { es as lexicon } from './lexicon.ts';
import { es as rules } from './rules.ts';

export const language: Language = { rules, lexicon };
