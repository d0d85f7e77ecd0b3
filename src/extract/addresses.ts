/**
 * Street addresses: a street word, a capitalised street name and a house number, in the order each
 * language writes them ("Rua Augusta, 123", "ул. Тверская, д. 13", "12 rue de la Paix",
 * "1600 Pennsylvania Avenue NW"). An address without a number names a street, not a home, and is left
 * alone: protests and police stations are on streets too.
 */
import { languagePacks, packFor } from './lang/index.ts';
import type { Span } from './phones.ts';
import { matchInWindows, type TriggerOptions, tokensOf, triggerWindows } from './windows.ts';
import { caseAlternation, perLanguage, WORD_END, WORD_START } from './wordList.ts';

const CAP = "[\\p{Lu}\\d][\\p{L}\\p{M}'’-]*";
const LINK = '(?:de|da|do|das|dos|del|de la|la|las|los|des|du|le|of|the|e|y|et|и)';
/** One to five words of a street name: "Augusta", "Sete de Setembro", "de la Paix". */
const STREET_NAME = `(?:${LINK}\\s+)?${CAP}(?:\\s+(?:${LINK}\\s+)?${CAP}){0,4}`;
const HOUSE = '\\d{1,5}[A-Za-zА-Яа-я]?(?:[-/]\\d{1,4})?';
/** "nº 5", "д. 13", "No. 7": the word some languages put before the house number. */
const NUMBER_WORD = '(?:n[º°o]\\.?\\s*|no\\.\\s*|д\\.\\s*|дом\\s+)?';
/** English suffix street types and the quadrant Washington adds. */
const EN_SUFFIX =
  '(?:Street|St\\.|Avenue|Ave\\.|Road|Rd\\.|Boulevard|Blvd\\.|Lane|Ln\\.|Drive|Dr\\.|Place|Pl\\.|Square|Way|Court|Ct\\.)';

const EN_SUFFIX_WORDS = [
  'street',
  'st',
  'avenue',
  'ave',
  'road',
  'rd',
  'boulevard',
  'blvd',
  'lane',
  'ln',
  'drive',
  'dr',
  'place',
  'pl',
  'square',
  'way',
  'court',
  'ct',
];

interface AddressRules {
  patterns: RegExp[];
  triggers: TriggerOptions;
}

const rulesFor = perLanguage((code): AddressRules => {
  const pack = packFor(code);
  const streetWords = (pack ? [pack] : languagePacks).flatMap((p) => p.pii.streetWords);
  const words = caseAlternation(streetWords);
  const patterns = [
    // Street word first, number after: pt, es, ru, and "Rue X, 12" in French.
    `${WORD_START}(?:${words})\\s*${STREET_NAME},?\\s+${NUMBER_WORD}${HOUSE}${WORD_END}`,
    // Number first: French "12 rue de la Paix", Spanish "5 calle…".
    `${WORD_START}${HOUSE},?\\s+(?:${words})\\s+${STREET_NAME}`,
    // English: number, name, street type.
    `${WORD_START}\\d{1,5}\\s+(?:${CAP}\\s+){1,4}${EN_SUFFIX}(?:\\s+(?:NW|NE|SW|SE)${WORD_END})?`,
  ].map((source) => new RegExp(source, 'gu'));
  // Every address has a street word; the name and number sit within a few words of it.
  return {
    patterns,
    triggers: { words: tokensOf([...streetWords, ...EN_SUFFIX_WORDS]), digits: false, before: 90, after: 90 },
  };
});

export function findAddresses(text: string, lang: string): Span[] {
  const out: Span[] = [];
  const rules = rulesFor(packFor(lang)?.code ?? '');
  const windows = triggerWindows(text, rules.triggers);
  for (const pattern of rules.patterns) {
    for (const m of matchInWindows(text, windows, pattern)) {
      // A street-type word may have been written with its dot ("St."), which the match keeps.
      out.push({ text: m[0], start: m.index, end: m.index + m[0].length });
    }
  }
  return out;
}
