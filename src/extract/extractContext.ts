/**
 * What every part of extraction reads about one document: the text, its folded twin for matching,
 * sentences with their clauses and paragraph, and what the primitives found (counts, dates,
 * places). Built once per text in extract.ts; the finders only read it.
 */

import type { DateFound } from './dates.ts';
import type { LexiconMatches, Tokens } from './lexicon/compile.ts';
import type { CompiledLexicon } from './lexicon/index.ts';
import type { CountMention } from './numbers.ts';
import type { PlaceFound } from './places.ts';
import { type Segment, splitClauses } from './segment.ts';

export interface Span {
  start: number;
  end: number;
}

export interface Sentence extends Segment {
  index: number;
  /** Sentences separated by a blank line belong to different paragraphs. */
  paragraph: number;
  /** Clauses, cut on first use: most sentences of a long text name no act and need none. */
  clauses?: Segment[];
}

export interface DocContext {
  text: string;
  folded: string;
  /** Words of the folded text, for the lexicon matchers. */
  tokens: Tokens;
  /** Every lexicon cue in the text, found in one pass. */
  matches: LexiconMatches;
  lang: string;
  lex: CompiledLexicon;
  sentences: Sentence[];
  counts: CountMention[];
  dates: DateFound[];
  places: PlaceFound[];
}

/** Items (sorted by start) lying wholly inside [from, to): binary search, so long texts stay linear. */
export function within<T extends Span>(items: readonly T[], from: number, to: number): T[] {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid]!.start < from) lo = mid + 1;
    else hi = mid;
  }
  const out: T[] = [];
  for (let i = lo; i < items.length && items[i]!.start < to; i++) {
    if (items[i]!.end <= to) out.push(items[i]!);
  }
  return out;
}

/** Does any item (sorted by start, each under 200 units long) overlap the span? */
export function overlapsAny(items: readonly Span[], span: Span): boolean {
  return within(items, Math.max(0, span.start - 200), span.end + 200).some((item) => overlaps(item, span));
}

export function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

/** Distance in code units between two spans (0 when they touch or overlap). */
export function gap(a: Span, b: Span): number {
  if (a.end <= b.start) return b.start - a.end;
  if (b.end <= a.start) return a.start - b.end;
  return 0;
}

function tokenIndex(ctx: DocContext, at: number): number {
  const starts = ctx.tokens.starts;
  let lo = 0;
  let hi = starts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid]! < at) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Number of words starting in [from, to): how far apart two mentions are, in the reader's terms.
 * Counted on the document's word index, so it costs two binary searches and allocates nothing.
 */
export function wordsBetween(ctx: DocContext, from: number, to: number): number {
  if (to <= from) return 0;
  return tokenIndex(ctx, to) - tokenIndex(ctx, from);
}

export function clauseOf(ctx: DocContext, sentence: Sentence, at: number): Segment {
  sentence.clauses ??= splitClauses(sentence, ctx.lang);
  for (const clause of sentence.clauses) if (at >= clause.start && at < clause.end) return clause;
  return sentence;
}
