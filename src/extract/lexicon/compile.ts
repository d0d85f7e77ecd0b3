/**
 * Turns a lexicon's plain patterns into matchers, once per language. Matching is indexed by word:
 * the folded text is cut into words once, each word looks up the patterns that can start with it
 * (exactly, or by stem for `задерж*`), and only those few are tried there, anchored. A table of a
 * thousand patterns therefore costs a hash lookup per word, not a thousand-way alternation tried at
 * every position; and the anchored expressions (literals, `*`, spaces) cannot backtrack badly.
 */
import type { VictimGroup } from '../../core/victimGroups.ts';
import type { EventType, InterventionType } from '../../core/vocabulary.ts';
import { LETTERS_MARKS_NUMBERS, wordSpans } from '../wordSpans.ts';
import { foldText } from './fold.ts';
import type { ActorEntry, Lexicon, Pattern } from './types.ts';

const WORD_AFTER = '(?![\\p{L}\\p{M}\\p{N}])';
const WORD = /[\p{L}\p{M}\p{N}]+/gu;
const FIRST_WORD = /^([\p{L}\p{M}\p{N}]+)(\*)?/u;
const DIGIT = /\p{N}/u;

function patternSource(folded: string): string {
  let source = '';
  for (const char of folded) {
    if (char === '*') source += '[\\p{L}\\p{M}]*';
    else if (/\s/u.test(char)) source += '[\\s\\u00a0]+';
    else source += char.replace(/[.+?^${}()|[\]\\/]/g, '\\$&');
  }
  return source.replace(/(\[\\s\\u00a0\]\+)+/g, '[\\s\\u00a0]+');
}

export interface TaggedMatch<T> {
  value: T;
  start: number;
  end: number;
}

/** Words of a folded text: where each starts and ends, found once per document. */
export interface Tokens {
  starts: Int32Array;
  ends: Int32Array;
  words: string[];
}

/** What the matchers read: the folded text and its words. */
export interface Matchable {
  folded: string;
  tokens: Tokens;
}

function wordsOf(folded: string): string[] {
  return Array.from(folded.matchAll(WORD), (m) => m[0]);
}

/** Do the words after word `at` read `followers`, in order? */
function followedBy(words: readonly string[], at: number, followers: readonly string[]): boolean {
  for (let j = 0; j < followers.length; j++) if (words[at + 1 + j] !== followers[j]) return false;
  return true;
}

export function tokenize(folded: string): Tokens {
  const { count, starts, ends } = wordSpans(folded, LETTERS_MARKS_NUMBERS);
  const words = new Array<string>(count);
  for (let i = 0; i < count; i++) words[i] = folded.slice(starts[i], ends[i]);
  return { starts: starts.subarray(0, count), ends: ends.subarray(0, count), words };
}

export interface Trigger {
  type: EventType;
  strong: boolean;
}

/** What each cue list of a lexicon yields when it matches. */
export interface CueValues {
  triggers: Trigger;
  idioms: null;
  nonViolation: null;
  negation: null;
  denial: null;
  contrast: null;
  reporting: null;
  sourceIntro: null;
  media: null;
  hedges: null;
  interventions: InterventionType;
  groups: VictimGroup;
  actors: ActorEntry;
  nationalities: string;
  conjunctions: null;
  locatives: null;
  units: null;
  articles: null;
  objects: null;
  attempt: null;
  hypothetical: null;
  statistic: null;
}

export type CueName = keyof CueValues;

/** Every cue of a document, per list, each list sorted and non-overlapping (longest wins). */
export type LexiconMatches = { [K in CueName]: Array<TaggedMatch<CueValues[K]>> };

const CUE_NAMES: readonly CueName[] = [
  'triggers',
  'idioms',
  'nonViolation',
  'negation',
  'denial',
  'contrast',
  'reporting',
  'sourceIntro',
  'media',
  'hedges',
  'interventions',
  'groups',
  'actors',
  'nationalities',
  'conjunctions',
  'locatives',
  'units',
  'articles',
  'objects',
  'attempt',
  'hypothetical',
  'statistic',
];

interface CueEntry {
  source: string;
  /** Compiled on first use: a document tries only a few of a language's thousand patterns. */
  regex: RegExp | null;
  /**
   * The pattern is one word (`word` or `stem*`): it matches exactly the word it is indexed under,
   * so the expression need not run (a stem's word must only carry no digits after the stem).
   */
  oneWord: boolean;
  /**
   * For a pattern of several plain words ("em frente a"), the words after the first. Anchored at a
   * word start, its expression can match only where exactly these words follow (it matches the
   * pattern's letters with whitespace between them, then a non-letter, so the text's words there
   * are the pattern's words): comparing them first spares most of the expression runs. Null when
   * the pattern has a stem (`*`), whose words may be longer than written.
   */
  followers: readonly string[] | null;
  cue: number;
  value: unknown;
}

/** All cue lists of a language in one word index, so a document is read once for all of them. */
export interface CueIndex {
  exact: Map<string, CueEntry[]>;
  prefix: Map<string, CueEntry[]>;
  /** For the first two letters of a word, the lengths of the stems that begin with them. */
  prefixLengths: Map<string, number[]>;
  /**
   * The lookups above, remembered per word across documents: news reuse a small vocabulary, so most
   * words cost one hash lookup. Bounded, and emptied when full.
   */
  seen: Map<string, readonly Candidates[]>;
}

/** Patterns that may start at a word: indexed under the whole word (stem 0) or under a stem. */
interface Candidates {
  entries: CueEntry[];
  stem: number;
}

const SEEN_WORDS_MAX = 50_000;
/**
 * Longer words are looked up each time: V8 may keep a substring of 13 or more characters as a view
 * of its whole document, and a remembered word must not keep a document in memory.
 */
const SEEN_WORD_LENGTH_MAX = 12;
const NO_CANDIDATES: readonly Candidates[] = [];

function candidatesFor(index: CueIndex, word: string): readonly Candidates[] {
  let found = index.seen.get(word);
  if (found) return found;
  const list: Candidates[] = [];
  const exact = index.exact.get(word);
  if (exact) list.push({ entries: exact, stem: 0 });
  const lengths = index.prefixLengths.get(word.slice(0, 2));
  if (lengths) {
    for (const length of lengths) {
      if (length > word.length) break;
      const entries = index.prefix.get(word.slice(0, length));
      if (entries) list.push({ entries, stem: length });
    }
  }
  found = list.length > 0 ? list : NO_CANDIDATES;
  if (word.length <= SEEN_WORD_LENGTH_MAX) {
    if (index.seen.size >= SEEN_WORDS_MAX) index.seen.clear();
    index.seen.set(word, found);
  }
  return found;
}

export interface CompiledLexicon {
  lang: string;
  index: CueIndex;
  nameStops: Set<string>;
  nameJoiners: Set<string>;
}

function buildIndex(lists: { [K in CueName]: ReadonlyArray<readonly [Pattern, CueValues[K]]> }): CueIndex {
  const index: CueIndex = { exact: new Map(), prefix: new Map(), prefixLengths: new Map(), seen: new Map() };
  const lengths = new Map<string, Set<number>>();
  CUE_NAMES.forEach((name, cue) => {
    for (const [pattern, value] of lists[name]) {
      const folded = foldText(pattern.trim());
      const first = FIRST_WORD.exec(folded);
      if (!first?.[1]) continue;
      const oneWord = first[0].length === folded.length;
      const source = `${patternSource(folded)}${WORD_AFTER}`;
      const followers = folded.includes('*') ? null : wordsOf(folded).slice(1);
      const entry: CueEntry = { source, regex: null, oneWord, followers, cue, value };
      const map = first[2] ? index.prefix : index.exact;
      if (first[2]) {
        const start = first[1].slice(0, 2);
        const set = lengths.get(start) ?? new Set<number>();
        set.add(first[1].length);
        lengths.set(start, set);
      }
      const list = map.get(first[1]) ?? [];
      list.push(entry);
      map.set(first[1], list);
    }
  });
  for (const [start, set] of lengths)
    index.prefixLengths.set(
      start,
      [...set].sort((a, b) => a - b),
    );
  return index;
}

/** Reads the document once: at each word, the longest match of every cue list that starts there. */
export function matchLexicon(lex: CompiledLexicon, text: Matchable): LexiconMatches {
  const { tokens, folded } = text;
  const lists: Array<Array<TaggedMatch<unknown>>> = CUE_NAMES.map(() => []);
  const skipUntil = new Array<number>(CUE_NAMES.length).fill(0);
  const best: Array<TaggedMatch<unknown> | null> = CUE_NAMES.map(() => null);
  const touched: number[] = [];
  const consider = (entries: CueEntry[], word: number, stem: number) => {
    const start = tokens.starts[word]!;
    const wordEnd = tokens.ends[word]!;
    for (const entry of entries) {
      if (start < skipUntil[entry.cue]!) continue;
      let end: number;
      if (entry.oneWord) {
        if (stem > 0 && DIGIT.test(folded.slice(start + stem, wordEnd))) continue;
        end = wordEnd;
      } else {
        if (entry.followers && !followedBy(tokens.words, word, entry.followers)) continue;
        entry.regex ??= new RegExp(entry.source, 'uy');
        entry.regex.lastIndex = start;
        const m = entry.regex.exec(folded);
        if (!m) continue;
        end = start + m[0].length;
      }
      const current = best[entry.cue];
      if (!current) touched.push(entry.cue);
      if (!current || end > current.end) best[entry.cue] = { value: entry.value, start, end };
    }
  };
  for (let i = 0; i < tokens.starts.length; i++) {
    for (const { entries, stem } of candidatesFor(lex.index, tokens.words[i]!)) consider(entries, i, stem);
    for (const cue of touched) {
      const match = best[cue]!;
      lists[cue]!.push(match);
      skipUntil[cue] = match.end;
      best[cue] = null;
    }
    touched.length = 0;
  }
  return Object.fromEntries(CUE_NAMES.map((name, cue) => [name, lists[cue]!])) as LexiconMatches;
}

export function compileLexicon(lexicon: Lexicon): CompiledLexicon {
  const triggers: Array<[Pattern, Trigger]> = [];
  for (const [type, t] of Object.entries(lexicon.events) as Array<
    [EventType, Lexicon['events'][EventType]]
  >) {
    for (const p of t.strong) triggers.push([p, { type, strong: true }]);
    for (const p of t.weak ?? []) triggers.push([p, { type, strong: false }]);
  }
  const interventions: Array<[Pattern, InterventionType]> = [];
  for (const [type, patterns] of Object.entries(lexicon.interventions) as Array<
    [InterventionType, Pattern[]]
  >) {
    for (const p of patterns) interventions.push([p, type]);
  }
  const plain = (patterns: readonly Pattern[]) => patterns.map((p) => [p, null] as const);
  return {
    lang: lexicon.lang,
    index: buildIndex({
      triggers,
      idioms: plain(lexicon.idioms),
      nonViolation: plain(lexicon.nonViolation),
      negation: plain(lexicon.negation),
      denial: plain(lexicon.denial),
      contrast: plain(lexicon.contrast),
      reporting: plain(lexicon.reporting),
      sourceIntro: plain(lexicon.sourceIntro),
      media: plain(lexicon.media),
      hedges: plain(lexicon.hedges),
      interventions,
      groups: lexicon.groups,
      actors: lexicon.actors.map((entry): [Pattern, ActorEntry] => [entry.pattern, entry]),
      nationalities: lexicon.nationalities,
      conjunctions: plain(lexicon.conjunctions),
      locatives: plain(lexicon.locatives),
      units: plain(lexicon.units),
      articles: plain(lexicon.articles),
      objects: plain(lexicon.objects),
      attempt: plain(lexicon.framing.attempt),
      hypothetical: plain(lexicon.framing.hypothetical),
      statistic: plain(lexicon.framing.statistic),
    }),
    nameStops: new Set(lexicon.nameStops.map((word) => foldText(word))),
    nameJoiners: new Set(lexicon.nameJoiners.map((word) => foldText(word))),
  };
}
