/**
 * Sentence and clause segmentation with offsets into the original text. One left-to-right pass
 * over candidate break characters; every look-back is bounded, so no input can make it quadratic.
 */
import { languagePacks, packFor } from './lang/index.ts';
import { isSpaceAt } from './whitespace.ts';
import { alternation, perLanguage, WORD_END } from './wordList.ts';

export interface Segment {
  start: number;
  end: number;
  text: string;
}

/**
 * Sentences longer than this are cut into clauses, then at whitespace: a text without punctuation
 * (a transcript, a scraped table) must still give the event finder sentence-sized pieces.
 */
export const MAX_SENTENCE = 1000;
/** A line at least this long that ends without punctuation is taken as hard-wrapped prose. */
const WRAPPED_LINE = 60;

const CANDIDATE = /[.!?…‼⁇。！？]+|\r?\n(?:[ \t]*\r?\n)+|\r?\n/g;
// French puts a (narrow) no-break space before the closing guillemet: "peur. »".
const CLOSERS = /(?:["'”’»)\]】」』]|[ \u00A0\u202F]»)*/y;
const LOWER = /\p{Ll}/u;
const UPPER = /\p{Lu}/u;
const LETTER = /\p{L}/u;
const TOKEN_BEFORE = /([\p{L}\p{M}.'’-]{0,12}\p{L}|\p{L})$/u;
const DIGIT_SPACE_BEFORE = /\d[\s\u00A0]*$/;
/** A list item opening a line: "- ", "• ", "* ", "1) ", "2. ". */
const BULLET = /^(?:[-•*·▪◦–—]|\d{1,2}[.)])[ \t]/u;
/** The word before a full stop, when it is a plain lower-case word of two letters or more. */
const LOWER_WORD_BEFORE = /(?:^|[^\p{L}\p{M}.])\p{Ll}[\p{Ll}\p{M}]+$/u;

interface Abbreviations {
  noBreak: ReadonlySet<string>;
  afterNumber: ReadonlySet<string>;
}

const abbreviationsFor = perLanguage((code): Abbreviations => {
  const pack = packFor(code);
  // Unknown language: an abbreviation of some language is more likely an abbreviation than a sentence end.
  const packs = pack ? [pack] : languagePacks;
  return {
    noBreak: new Set(packs.flatMap((p) => p.segment.noBreakAbbreviations)),
    afterNumber: new Set(packs.flatMap((p) => p.segment.breakAfterNumber)),
  };
});

function trimmed(text: string, start: number, end: number): Segment | null {
  let s = start;
  let e = end;
  while (s < e && isSpaceAt(text, s)) s++;
  while (e > s && isSpaceAt(text, e - 1)) e--;
  return s < e ? { start: s, end: e, text: text.slice(s, e) } : null;
}

/** Is the full stop ending at `dot` part of an abbreviation or initial rather than a sentence end? */
function isAbbreviation(text: string, dot: number, next: string, abbr: Abbreviations): boolean {
  const before = text.slice(Math.max(0, dot - 14), dot);
  const token = TOKEN_BEFORE.exec(before)?.[0];
  if (!token) return false;
  // "J. Smith", "A. Politkovskaya": a lone capital is an initial.
  if (token.length === 1 && UPPER.test(token)) return true;
  const key = token.toLowerCase().replace(/^.*[^\p{L}.]/u, '');
  if (!abbr.noBreak.has(key) && !abbr.noBreak.has(key.replace(/\./g, ''))) return false;
  // "11 мая 2017 г. В Москве…": after a number, "г." is the end of a date and may end the sentence.
  if (abbr.afterNumber.has(key)) {
    const beforeToken = text.slice(Math.max(0, dot - token.length - 4), dot - token.length);
    if (DIGIT_SPACE_BEFORE.test(beforeToken) && UPPER.test(next)) return false;
  }
  return true;
}

function lastLineLength(text: string, end: number): number {
  const from = Math.max(0, end - 200);
  const nl = text.lastIndexOf('\n', end - 1);
  return nl < from ? end - from : end - nl - 1;
}

function isBreak(text: string, match: string, at: number, end: number, abbr: Abbreviations): boolean {
  // `end` includes any closing quotes or brackets after the punctuation.
  let k = end;
  while (k < text.length && isSpaceAt(text, k)) k++;
  if (k >= text.length) return true;
  const next = text[k] ?? '';
  if (match.startsWith('\n') || match.startsWith('\r')) {
    if (/\n[ \t]*\r?\n/.test(match)) return true; // a blank line always ends a paragraph
    if (BULLET.test(text.slice(k, k + 4))) return true; // each item of a list is its own statement
    if (LOWER.test(next)) return false;
    const prev = text[at - 1] ?? '';
    return !(lastLineLength(text, at) >= WRAPPED_LINE && (LETTER.test(prev) || prev === ','));
  }
  if (/[。！？]/.test(match)) return true; // CJK full stops need no following space
  if (end === k) {
    // "1.200", "U.S.A", "site.org": no space, no break — but "detained.Three" is a missing space
    // after a full stop, common in wire copy and OCR.
    return match === '.' && UPPER.test(next) && LOWER_WORD_BEFORE.test(text.slice(Math.max(0, at - 20), at));
  }
  if (LOWER.test(next)) {
    // "etc. e", "… и", "Sr. da Silva" do not end a sentence; but in lower-case copy ("were detained.
    // three of them…") a full stop after an ordinary word does.
    return (
      match === '.' &&
      LOWER_WORD_BEFORE.test(text.slice(Math.max(0, at - 20), at)) &&
      !isAbbreviation(text, at, next, abbr)
    );
  }
  // A closing quote after the dot ("he said \"no.\" Then") means the dot ended a quoted sentence.
  const quoted = end > at + match.length;
  if (match === '.' && !quoted && isAbbreviation(text, at, next, abbr)) return false;
  return true;
}

function pushCapped(out: Segment[], text: string, seg: Segment, lang: string): void {
  if (seg.end - seg.start <= MAX_SENTENCE) {
    out.push(seg);
    return;
  }
  for (const clause of splitClauses(seg, lang)) {
    let s = clause.start;
    while (clause.end - s > MAX_SENTENCE) {
      // Cut at the last space in the second half of the piece (a bounded scan: lastIndexOf would
      // search back to the start of a text that has no spaces at all).
      let cut = s + MAX_SENTENCE;
      while (cut > s + MAX_SENTENCE / 2 && !isSpaceAt(text, cut)) cut--;
      if (cut <= s + MAX_SENTENCE / 2) cut = s + MAX_SENTENCE;
      // Never cut a surrogate pair in two.
      if (/[\uDC00-\uDFFF]/.test(text[cut] ?? '') && /[\uD800-\uDBFF]/.test(text[cut - 1] ?? '')) cut--;
      const piece = trimmed(text, s, cut);
      if (piece) out.push(piece);
      s = cut;
    }
    const rest = trimmed(text, s, clause.end);
    if (rest) out.push(rest);
  }
}

/** Sentences of `text`, in order, trimmed of surrounding whitespace, each at most MAX_SENTENCE long. */
export function splitSentences(text: string, lang: string): Segment[] {
  const abbr = abbreviationsFor(packFor(lang)?.code ?? '');
  const out: Segment[] = [];
  let start = 0;
  const re = new RegExp(CANDIDATE.source, 'g');
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    let end = m.index + m[0].length;
    if (!m[0].startsWith('\n') && !m[0].startsWith('\r')) {
      CLOSERS.lastIndex = end;
      end += CLOSERS.exec(text)?.[0].length ?? 0;
    }
    if (!isBreak(text, m[0], m.index, end, abbr)) continue;
    const seg = trimmed(text, start, end);
    if (seg) pushCapped(out, text, seg, lang);
    start = end;
    re.lastIndex = end;
  }
  const last = trimmed(text, start, text.length);
  if (last) pushCapped(out, text, last, lang);
  return out;
}

interface ClauseRules {
  /** Matches a split point; group 1 (when present) is the conjunction that opens the next clause. */
  split: RegExp;
}

const clauseRulesFor = perLanguage((code): ClauseRules => {
  const pack = packFor(code);
  const openers = pack?.segment.clauseOpeners ?? [];
  const afterComma = pack?.segment.clauseOpenersAfterComma ?? [];
  const parts = [
    // ";" always; ":" only before a space ("10:30", "http://" stay whole); spaced dashes and em dash.
    ';',
    ':(?=\\s)',
    '\\s[–-]\\s',
    '—',
  ];
  // The opener is found by the space before it (a cheap first character for the regex engine to
  // skip to); the split falls after that space, so the conjunction opens the next clause.
  if (openers.length > 0) parts.push(`(?<open>[\\s(])(?=(?:${alternation(openers)})${WORD_END})`);
  if (afterComma.length > 0) parts.push(`,(?=\\s+(?:${alternation(afterComma)})${WORD_END})`);
  return { split: new RegExp(`(?:${parts.join('|')})`, 'giu') };
});

/** Clauses need two words to be worth their own segment; shorter pieces join their neighbour. */
const MIN_CLAUSE_WORDS = 2;
const WORDS = /[\p{L}\p{N}]+/gu;

function wordCount(s: string): number {
  let n = 0;
  WORDS.lastIndex = 0;
  while (WORDS.exec(s) !== null && n < MIN_CLAUSE_WORDS) n++;
  return n;
}

/**
 * Clauses of one sentence: split at ";", ": ", dashes, contrastive conjunctions ("but", "mas", "но")
 * and coordinating ones after a comma (", and"). Offsets stay absolute (relative to the whole text).
 */
export function splitClauses(sentence: Segment, lang: string): Segment[] {
  const { split } = clauseRulesFor(packFor(lang)?.code ?? '');
  const re = new RegExp(split.source, split.flags);
  const text = sentence.text;
  const pieces: [number, number][] = [];
  let from = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    if (m.groups?.open !== undefined) {
      // A conjunction opens the next clause: split before it, keep it.
      const at = m.index + m[0].length;
      if (at > from) pieces.push([from, at]);
      from = at;
      continue;
    }
    pieces.push([from, m.index]);
    from = m.index + m[0].length;
  }
  pieces.push([from, text.length]);

  const out: Segment[] = [];
  for (const [s, e] of pieces) {
    const seg = trimmed(text, s, e);
    if (!seg) continue;
    const prev = out[out.length - 1];
    if (prev && (wordCount(seg.text) < MIN_CLAUSE_WORDS || wordCount(prev.text) < MIN_CLAUSE_WORDS)) {
      prev.end = seg.end;
      prev.text = text.slice(prev.start, prev.end);
    } else {
      out.push({ ...seg });
    }
  }
  return out.map((c) => ({
    start: sentence.start + c.start,
    end: sentence.start + c.end,
    text: c.text,
  }));
}
