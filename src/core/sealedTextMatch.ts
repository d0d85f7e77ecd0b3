/**
 * Matching a query against a sealed text in memory, after a member opened it: there is no index of
 * sealed text at rest (docs/protection.md, "Searching sealed sources"). Words are compared without
 * case or accents; a query word matches a text word that begins with its first letters (all but the
 * last two of a long word), or that the query word begins with (at most three letters shorter): a
 * crude stem that finds "presos" for "preso", "kneel" for "kneeling" and "задержания" for
 * "задержание" in every language without a stemmer per language. Every query word must match.
 */

const WORD = /[\p{L}\p{N}]+/gu;

/** Lower case, accents removed (NFKD without combining marks), so "Détention" = "detention". */
export function foldWord(word: string): string {
  return word.normalize('NFKD').replace(/\p{M}/gu, '').toLocaleLowerCase('und');
}

/** Whether a text word (folded) matches a query word: it begins with the query's stem, or is the query with a shorter ending ("kneel" for "kneeling"). */
function wordMatches(textWord: string, query: { stem: string; folded: string }): boolean {
  if (textWord.startsWith(query.stem)) return true;
  const length = [...textWord].length;
  return length >= Math.max(4, [...query.folded].length - 3) && query.folded.startsWith(textWord);
}

/** The part of a query word a text word must begin with. */
export function stemOf(word: string): string {
  const folded = foldWord(word);
  const length = [...folded].length;
  return length <= 4 ? folded : [...folded].slice(0, Math.max(4, length - 2)).join('');
}

export interface SealedMatch {
  /** How many words of the text matched a query word (a rank, higher first). */
  score: number;
  /** Plain text around the first match. */
  snippet: string;
  /** Where the matches are in `snippet` (UTF-16 offsets). */
  highlights: Array<{ start: number; end: number }>;
}

const SNIPPET_BEFORE = 60;
const SNIPPET_LENGTH = 200;

/** Null unless every query word matches somewhere in the text. */
export function matchSealedText(query: string, text: string): SealedMatch | null {
  const folded = [...new Set((query.match(WORD) ?? []).map(foldWord))];
  const stems = folded.map((word) => ({ stem: stemOf(word), folded: word }));
  if (stems.length === 0) return null;
  const found = new Set<{ stem: string; folded: string }>();
  const spans: Array<{ start: number; end: number }> = [];
  for (const match of text.matchAll(WORD)) {
    const word = foldWord(match[0]);
    const stem = stems.find((candidate) => wordMatches(word, candidate));
    if (stem === undefined) continue;
    found.add(stem);
    spans.push({ start: match.index, end: match.index + match[0].length });
  }
  if (found.size < stems.length) return null;
  const first = spans[0]!;
  const from = Math.max(0, first.start - SNIPPET_BEFORE);
  const to = Math.min(text.length, from + SNIPPET_LENGTH);
  const highlights = spans
    .filter((span) => span.start >= from && span.end <= to)
    .map((span) => ({ start: span.start - from, end: span.end - from }));
  return { score: spans.length, snippet: text.slice(from, to), highlights };
}
