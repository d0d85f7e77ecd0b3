/**
 * Counts stated in a text ("mais de cem", "at least 3", "десятки"), with the bound each qualifier
 * implies. Years, dates, times, phone numbers, percentages, money and reference numbers are not
 * counts and are filtered out by their surroundings.
 *
 * Choices (documented for reviewers of the numbers):
 * - "more than N" sets min = N, not N + 1: the contract scores "mais de cem" as min 100, and a
 *   reviewer reads the bound as stated.
 * - "about N" sets min = max = N with qualifier 'about': the figure as reported, flagged as rough.
 * - Vague quantities get a conservative lower bound and no upper bound: "dozens" = 24 (the least
 *   that is more than one dozen), "hundreds" = 200, "thousands" = 2000, "several" = 2.
 * - Unknown languages get digits only: number words of another language collide with real words
 *   ("once", "sept", "dos").
 */
import { languagePacks, packFor } from './lang/index.ts';
import type { LanguagePack } from './lang/types.ts';
import { matchInWindows, type TriggerOptions, tokensOf, triggerWindows } from './windows.ts';
import { alternation, perLanguage, WORD_END, WORD_START } from './wordList.ts';

export interface CountMention {
  min: number | null;
  max: number | null;
  text: string;
  start: number;
  end: number;
  qualifier: 'exact' | 'at-least' | 'more-than' | 'about' | 'up-to' | 'vague';
}

type Qualifier = CountMention['qualifier'];

/** A compound number word has at most this many parts ("dois mil trezentos e quarenta e cinco"). */
const MAX_WORD_PARTS = 10;
/** Digits in a row without separators beyond this are identifiers or phone numbers, not counts. */
const MAX_PLAIN_DIGITS = 6;

const norm = (s: string): string =>
  s
    .toLowerCase()
    .replace(/[\s-]+/g, ' ')
    .replace(/’/g, "'");

interface Matcher {
  re: RegExp;
  qualifiers: ReadonlyMap<string, Qualifier>;
  values: ReadonlyMap<string, number>;
  multipliers: ReadonlyMap<string, number>;
  joiners: ReadonlySet<string>;
  articleLike: ReadonlySet<string>;
  vague: ReadonlyMap<string, number>;
  notAfter: RegExp;
  months: ReadonlySet<string>;
  triggers: TriggerOptions;
}

// Thousands grouped by space need exactly three digits after each gap ("1 200", not "2017 200").
const DIGITS = String.raw`\d{1,3}(?:[ \u00A0\u202F]\d{3}(?!\d))+|\d+(?:[.,]\d+)*`;

const matcherFor = perLanguage((code): Matcher => {
  const pack: LanguagePack | null = packFor(code);
  const qualifiers = new Map<string, Qualifier>();
  // Every language's qualifiers are harmless before digits, so unknown languages get them all.
  for (const p of pack ? [pack] : languagePacks) {
    for (const w of p.counts.atLeast) qualifiers.set(norm(w), 'at-least');
    for (const w of p.counts.moreThan) qualifiers.set(norm(w), 'more-than');
    for (const w of p.counts.upTo) qualifiers.set(norm(w), 'up-to');
    for (const w of p.counts.about) qualifiers.set(norm(w), 'about');
  }
  const values = new Map(Object.entries(pack?.numbers.values ?? {}).map(([k, v]) => [norm(k), v]));
  const multipliers = new Map(Object.entries(pack?.numbers.multipliers ?? {}).map(([k, v]) => [norm(k), v]));
  const vague = new Map(Object.entries(pack?.counts.vague ?? {}).map(([k, v]) => [norm(k), v]));
  const joiners = new Set((pack?.numbers.joiners ?? []).map(norm));

  const q = alternation(qualifiers.keys());
  const mul = alternation(multipliers.keys());
  const word = alternation(
    [...values.keys(), ...multipliers.keys()].map((k) => k.replace(/ /g, '-')),
  ).replace(/\\-/g, '[\\s-]+');
  const join = alternation(joiners);
  const parts = [];
  if (vague.size > 0) parts.push(`(?<vague>${alternation(vague.keys())})`);
  parts.push(`(?<digits>${DIGITS})${mul ? `(?:\\s+(?<mul>${mul}))?` : ''}`);
  if (word) {
    const sep = join ? `(?:[\\s-]+(?:${join})[\\s-]+|[\\s-]+)` : '[\\s-]+';
    parts.push(`(?<words>(?:${word})(?:${sep}(?:${word})){0,${MAX_WORD_PARTS - 1}})`);
  }
  const qualifier = q ? `(?:(?<q>${q})(?:\\s+|(?<=['’])))?` : '';
  const re = new RegExp(`${WORD_START}${qualifier}(?:${parts.join('|')})${WORD_END}`, 'giu');

  const notAfterWords = (pack ? [pack] : languagePacks).flatMap((p) => p.counts.notCountAfter);
  // Percent, currency and time words after the number; "h" and "%" need no word boundary before.
  const notAfter = new RegExp(`^[\\s\\u00A0]*(?:${alternation(notAfterWords)})(?![\\p{L}])`, 'iu');
  // A number next to a month name is a day of the month ("11 de maio", "May 11", "11 мая").
  // Looked up in a set, not an alternation: this runs once per number and must stay cheap.
  const months = new Set(
    languagePacks.flatMap((p) => p.dates.months.flat()).map((m) => m.toLowerCase().replace(/\.$/, '')),
  );

  return {
    re,
    qualifiers,
    values,
    multipliers,
    joiners,
    articleLike: new Set((pack?.numbers.articleLike ?? []).map(norm)),
    vague,
    notAfter,
    months,
    // Qualifiers come before a number word or digit: reach back far enough for "по меньшей мере".
    triggers: {
      words: tokensOf([...values.keys(), ...multipliers.keys(), ...vague.keys()]),
      digits: true,
      before: 40,
      after: 80,
    },
  };
});

/** Value of a run of number words: "cento e vinte" = 120, "quatre-vingt-dix" = 90, "two thousand and five". */
function parseWords(words: string, m: Matcher): { value: number; parts: number } | null {
  const tokens = norm(words).split(' ');
  let total = 0;
  let current = 0;
  let parts = 0;
  for (let i = 0; i < tokens.length; ) {
    let matched = false;
    for (let n = Math.min(3, tokens.length - i); n >= 1; n--) {
      const key = tokens.slice(i, i + n).join(' ');
      const mult = m.multipliers.get(key);
      const value = m.values.get(key);
      if (mult !== undefined && (current > 0 || value === undefined)) {
        // "hundred" multiplies within the group; "thousand"/"million" close the group.
        if (mult < 1000) current = (current || 1) * mult;
        else {
          total += (current || 1) * mult;
          current = 0;
        }
      } else if (value !== undefined) current += value;
      else if (m.joiners.has(key)) {
        i += n;
        matched = true;
        break;
      } else continue;
      parts++;
      i += n;
      matched = true;
      break;
    }
    if (!matched) return null;
  }
  return { value: total + current, parts };
}

function parseDigits(digits: string): number | null {
  const groups = digits.split(/[.,\s\u00A0\u202F]/);
  if (groups.length === 1) return digits.length > MAX_PLAIN_DIGITS ? null : Number(digits);
  // "1.200", "1,200", "1 200": thousands. "1,5" or "11.05.2017": a decimal or a date, not a count.
  const [head, ...rest] = groups;
  if (!head || head.length > 3 || rest.some((g) => g.length !== 3)) return null;
  return Number(groups.join(''));
}

/** Symbols and words before a number that make it money or a reference ("art. 5", "№ 12"), not a count. */
const CURRENCY_SYMBOLS = new Set(['$', '€', '£', '₽', '¥', '₴', '₸', '₦', '№', '#']);
const NOT_COUNT_BEFORE = new Set([
  'usd',
  'eur',
  'rub',
  'brl',
  'gbp',
  'no',
  'nº',
  'n°',
  'nos',
  'art',
  'arts',
  'article',
  'artigo',
  'artículo',
  'статья',
  'статьи',
  'статьей',
  'статье',
  'статью',
  'пункт',
  'page',
  'página',
  'pp',
]);
const LETTERISH = /[\p{L}º°]/u;
const WORD_AFTER = /^\s*(?:st|nd|rd|th|er|º|°)?\s*(?:(?:de|del|of)\s+)?(\p{L}+)/u;

/**
 * The word (or symbol) right before `start`, lower-cased, found by scanning back a few characters:
 * a regex anchored at the end would be tried from every position, once per number in the text.
 */
function wordBefore(text: string, start: number): string {
  let i = start;
  while (i > 0 && start - i < 4 && /[\s\u00A0.]/.test(text[i - 1] ?? '')) i--;
  const last = text[i - 1] ?? '';
  if (CURRENCY_SYMBOLS.has(last)) return last;
  const end = i;
  while (i > 0 && end - i < 12 && LETTERISH.test(text[i - 1] ?? '')) i--;
  return text.slice(i, end).toLowerCase();
}

function nextToMonth(before: string, text: string, end: number, months: ReadonlySet<string>): boolean {
  const after = WORD_AFTER.exec(text.slice(end, end + 24))?.[1];
  return months.has(before) || (after !== undefined && months.has(after.toLowerCase()));
}

function isYear(n: number, digits: string): boolean {
  return /^\d{4}$/.test(digits) && n >= 1800 && n <= 2100;
}

/** Counts in reading order. */
export function findCounts(text: string, lang: string): CountMention[] {
  const code = packFor(lang)?.code ?? '';
  const m = matcherFor(code);
  const out: CountMention[] = [];
  for (const hit of matchInWindows(text, triggerWindows(text, m.triggers), m.re)) {
    const g = hit.groups ?? {};
    const start = hit.index;
    const end = start + hit[0].length;
    const qText = g.q;
    let qualifier: Qualifier = qText ? (m.qualifiers.get(norm(qText)) ?? 'exact') : 'exact';
    let value: number | null = null;
    const after = text.slice(end, end + 24);

    if (g.vague) {
      const key = norm(g.vague);
      // "более сотни" is "more than a hundred"; bare "сотни" is "hundreds".
      const asNumber = m.values.get(key) ?? m.multipliers.get(key);
      if (qText && asNumber !== undefined) value = asNumber;
      else {
        value = m.vague.get(key) ?? null;
        qualifier = 'vague';
      }
    } else if (g.digits) {
      const n = parseDigits(g.digits);
      if (n === null) continue;
      const digitsStart = start + hit[0].indexOf(g.digits);
      const digitsEnd = digitsStart + g.digits.length;
      const prev = text.slice(Math.max(0, digitsStart - 2), digitsStart);
      const glued = text.slice(digitsEnd, digitsEnd + 2);
      // Punctuation glued to the number makes it part of a phone, date, time, range or code:
      // "202-370-3310", "11/05", "10:30", "+7", "(928)", "3º".
      if (/\d[-/:.\u2010-\u2015]$/.test(prev) || /[+(]$/.test(prev)) continue;
      if (/^(?:[-/:\u2010-\u2015.,]\d|\)|[º°ª])/u.test(glued)) continue;
      if (!qText && isYear(n, g.digits)) continue;
      const previous = wordBefore(text, digitsStart);
      if (CURRENCY_SYMBOLS.has(previous) || NOT_COUNT_BEFORE.has(previous)) continue;
      if (!g.mul && nextToMonth(previous, text, digitsEnd, m.months)) continue;
      value = g.mul ? n * (m.multipliers.get(norm(g.mul)) ?? 1) : n;
    } else if (g.words) {
      const parsed = parseWords(g.words, m);
      if (!parsed) continue;
      // "um homem", "une enquête": an article, unless a qualifier makes it a count ("mais de um").
      if (parsed.parts === 1 && !qText && m.articleLike.has(norm(g.words))) continue;
      value = parsed.value;
    }
    if (value === null) continue;
    if (m.notAfter.test(after)) continue;

    const mention: CountMention = { min: value, max: value, text: hit[0], start, end, qualifier };
    if (qualifier === 'at-least' || qualifier === 'more-than' || qualifier === 'vague') mention.max = null;
    if (qualifier === 'up-to') mention.min = null;
    out.push(mention);
  }
  return out;
}
