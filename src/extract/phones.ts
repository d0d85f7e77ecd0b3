/**
 * Phone numbers. libphonenumber-js decides what is a valid number, but it only sees candidates found
 * by one cheap expression: its own text scanner costs ~0.7 ms per 5 KB, more than the rest of the
 * extractor, and would run once per default region.
 */
import { type CountryCode, parsePhoneNumberFromString } from 'libphonenumber-js';

export interface Span {
  text: string;
  start: number;
  end: number;
}

/** Regions tried for national numbers (no "+"), by language: where its readers most likely dial. */
const regionsByLanguage: Readonly<Record<string, readonly CountryCode[]>> = {
  pt: ['BR', 'PT'],
  en: ['US', 'GB'],
  es: ['ES', 'MX', 'AR', 'CO'],
  fr: ['FR', 'BE', 'SN', 'CI', 'CD'],
  ru: ['RU', 'UA', 'BY', 'KZ'],
};

// An optional "+", then digits with the punctuation phone numbers use, 7–15 digits in all.
const CANDIDATE = /(?<![\p{L}\p{N}+])\+?\(?\d(?:[\d\u00A0 ().\-‐–/]{0,24}\d)?(?![\p{L}\p{N}])/gu;
/** North American 202-370-3310 / (202) 370-3310 style: always a phone, whatever the language. */
const NANP = /^(?:\+?1[\s.-]?)?(?:\(\d{3}\)\s?|\d{3}[-.\s])\d{3}[-.\s]\d{4}$/;
/** Shapes that look like phones to a parser but are dates, sums, or ranges of years. */
const NOT_PHONE = [
  /^\d{1,2}[./-]\d{1,2}[./-]\d{2,4}$/, // 11.05.2017, 11/05/2017
  /^\d{4}-\d{2}-\d{2}$/, // 2017-05-11
  /^\d{1,3}(?:[.,]\d{3})+$/, // 1.200.000 (space-grouped 612 345 678 is a Spanish mobile; the parser decides)
  /^\d{4}\s*[-–]\s*\d{4}$/, // 2015-2017
];

const digitCount = (s: string): number => s.replace(/\D/g, '').length;

function isPhone(candidate: string, regions: readonly CountryCode[]): boolean {
  if (NOT_PHONE.some((re) => re.test(candidate))) return false;
  if (NANP.test(candidate)) return true;
  if (candidate.startsWith('+')) return parsePhoneNumberFromString(candidate)?.isValid() ?? false;
  // National numbers need some phone punctuation or a leading 0/8 trunk prefix; a bare run of
  // digits is more often an identifier or an amount.
  if (/^\d+$/.test(candidate) && !/^[08]/.test(candidate)) return false;
  return regions.some((r) => parsePhoneNumberFromString(candidate, r)?.isValid() ?? false);
}

export function findPhones(text: string, lang: string): Span[] {
  const regions = regionsByLanguage[lang.slice(0, 2)] ?? ['US', 'GB', 'FR', 'RU', 'BR'];
  const out: Span[] = [];
  const re = new RegExp(CANDIDATE.source, CANDIDATE.flags);
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    // Trim an unbalanced bracket or trailing separators the expression took in.
    let candidate = m[0];
    let start = m.index;
    if (candidate.startsWith('(') && !candidate.includes(')')) {
      candidate = candidate.slice(1);
      start++;
    }
    const digits = digitCount(candidate);
    if (digits < 7 || digits > 15) continue;
    if (isPhone(candidate, regions)) out.push({ text: candidate, start, end: start + candidate.length });
  }
  return out;
}
