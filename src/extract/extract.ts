/**
 * Assisted extraction (docs/extraction.md): one text in, suggestions out — events,
 * claims, interventions and the personal data to protect — for a documentation officer to review.
 * Pure and deterministic: no I/O, no clock, no randomness; the same text and hints always give the
 * same suggestions. Every step is linear in the text (or bounded per sentence), so a 10 MB paste
 * or a text without a single full stop returns in bounded time.
 */
import { InvalidInput } from '../core/errors.ts';
import type { Suggestions } from '../core/suggestions.ts';
import { findClaims } from './claims.ts';
import { findDates } from './dates.ts';
import { findCues, findEventMentions } from './eventMentions.ts';
import { isHistorical, mergeEventMentions, toEventSuggestion } from './events.ts';
import { type DocContext, overlapsAny, type Sentence } from './extractContext.ts';
import { Setting } from './extractSetting.ts';
import { findInterventions } from './interventions.ts';
import { detectLanguage } from './language.ts';
import { matchLexicon, tokenize } from './lexicon/compile.ts';
import { foldText } from './lexicon/fold.ts';
import { lexiconFor } from './lexicon/index.ts';
import { findCounts } from './numbers.ts';
import { findPii } from './pii.ts';
import { findPlaces } from './places.ts';
import { splitSentences } from './segment.ts';

export interface ExtractOptions {
  /** Publication date (YYYY-MM-DD): relative dates ("on Thursday", "em março") resolve against it. */
  published?: string | null;
  /** ISO 639-1 code: skip detection. */
  lang?: string;
}

/** Beyond this a text is not a report but a dump; refuse it rather than keep a worker busy. */
export const MAX_TEXT_LENGTH = 32 * 1024 * 1024;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const LANG = /^[a-z]{2,3}$/;

export function isValidIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

function checkInput(text: unknown, options: ExtractOptions): void {
  if (typeof text !== 'string') throw new InvalidInput('text', 'must be a string');
  if (text.length > MAX_TEXT_LENGTH)
    throw new InvalidInput('text', `longer than ${MAX_TEXT_LENGTH} characters`);
  const { published, lang } = options;
  if (published !== undefined && published !== null && !isValidIsoDate(published)) {
    throw new InvalidInput('published', 'must be a date written YYYY-MM-DD');
  }
  if (lang !== undefined && !LANG.test(lang))
    throw new InvalidInput('lang', 'must be an ISO 639-1 code such as pt');
}

const BLANK_LINE = /\n[ \t\r\u00a0]*\n/g;

function sentencesOf(text: string, lang: string): Sentence[] {
  const breaks: number[] = [];
  BLANK_LINE.lastIndex = 0;
  for (let m = BLANK_LINE.exec(text); m; m = BLANK_LINE.exec(text)) breaks.push(m.index);
  let paragraph = 0;
  return splitSentences(text, lang).map(({ start, end, text: sentence }, index) => {
    while (paragraph < breaks.length && breaks[paragraph]! < start) paragraph++;
    return { start, end, text: sentence, index, paragraph };
  });
}

const byStart = <T extends { start: number; end: number }>(items: T[]): T[] =>
  items.sort((a, b) => a.start - b.start || a.end - b.end);

export function extract(text: string, options: ExtractOptions = {}): Suggestions {
  checkInput(text, options);
  const published = options.published ?? null;
  const lang = options.lang ?? detectLanguage(text);
  const lex = lexiconFor(lang);
  const folded = foldText(text);
  const tokens = tokenize(folded);
  const places = byStart(findPlaces(text, lang));
  const ctx: DocContext = {
    text,
    folded,
    tokens,
    matches: matchLexicon(lex, { folded, tokens }),
    lang,
    lex,
    sentences: sentencesOf(text, lang),
    counts: byStart(findCounts(text, lang)),
    // "RIO DE JANEIRO —": a month name inside a place name is not a date.
    dates: byStart(findDates(text, lang, published)).filter((d) => !overlapsAny(places, d)),
    places,
  };
  const cues = findCues(ctx);
  const found = findEventMentions(ctx, cues, new Setting(ctx));
  const events = mergeEventMentions(found.mentions).map((m) => ({
    ...m,
    historical: isHistorical(m, published),
  }));
  return {
    language: lang,
    published,
    pii: byStart(findPii(text, lang)),
    events: events.map(toEventSuggestion),
    claims: findClaims(ctx, cues, found),
    interventions: findInterventions(ctx, cues),
  };
}
