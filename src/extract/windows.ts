/**
 * Cheap pre-filtering for the finders. Their expressions carry long alternations and look-behinds
 * that V8 must try at every position; running them only around "trigger" words (a month name, a
 * digit, a cue) instead costs one pass of word tokenisation and keeps a 5 KB document well under a
 * millisecond.
 */
import { isSpaceAt } from './whitespace.ts';
import { LETTERS_MARKS_NUMBERS, lowerSlicer, wordSpans } from './wordSpans.ts';

const TOKEN = /[\p{L}\p{M}\p{N}]+/gu;

export interface Window {
  start: number;
  end: number;
}

export interface TriggerOptions {
  /** Lower-case words (single tokens) that may be part of a mention. */
  words: ReadonlySet<string>;
  /** Tokens that start with a digit are triggers too. */
  digits: boolean;
  /** How far a mention may reach before and after its trigger, in UTF-16 units. */
  before: number;
  after: number;
}

/** Single tokens of a list of words and phrases, lower-cased: "quinta-feira" gives quinta and feira. */
export function tokensOf(phrases: Iterable<string>): Set<string> {
  const out = new Set<string>();
  for (const p of phrases) for (const m of p.toLowerCase().matchAll(TOKEN)) out.add(m[0]);
  return out;
}

/** Move a window edge outwards to whitespace, so no window starts or ends inside a word. */
function snap(text: string, i: number, step: -1 | 1): number {
  let j = i;
  for (let n = 0; n < 40 && j > 0 && j < text.length; n++, j += step) {
    if (isSpaceAt(text, step < 0 ? j - 1 : j)) return j;
  }
  return Math.max(0, Math.min(text.length, j));
}

/** Word positions of a text: starts and ends, in order. */
export interface Words {
  count: number;
  starts: Int32Array;
  ends: Int32Array;
  /** Which words may trigger a window, made on first use (see triggerCandidates). */
  candidates: TriggerCandidates | null;
}

let lastText: string | null = null;
let lastWords: Words | null = null;

/**
 * The words of `text`, tokenised once: the finders run one after another on the same text, and
 * Unicode-aware tokenising is most of their cost. Only the latest text is remembered.
 */
export function wordsOf(text: string): Words {
  if (lastText === text && lastWords) return lastWords;
  lastText = text;
  lastWords = { ...wordSpans(text, LETTERS_MARKS_NUMBERS), candidates: null };
  return lastWords;
}

/**
 * Every trigger word of every options object met so far, with the options that list it. A text's
 * words are looked up here once, instead of once per options object (a text meets half a dozen:
 * dates, counts, three kinds of names, addresses). Options are per-language constants, so this
 * stays as small as the languages' tables.
 */
const optionsOfWord = new Map<string, TriggerOptions[]>();
const registered = new WeakSet<TriggerOptions>();
let registryVersion = 0;

function register(opts: TriggerOptions): void {
  if (registered.has(opts)) return;
  registered.add(opts);
  for (const word of opts.words) {
    const list = optionsOfWord.get(word);
    if (list) list.push(opts);
    else optionsOfWord.set(word, [opts]);
  }
  registryVersion++;
}

interface TriggerCandidates {
  version: number;
  /** Indexes of the words that start with a digit or are some options' trigger word, in order. */
  indexes: number[];
  /** For each of those, the options listing it (empty for a digit-led word listed by none). */
  options: ReadonlyArray<readonly TriggerOptions[]>;
}

const NO_OPTIONS: readonly TriggerOptions[] = [];

function triggerCandidates(text: string, words: Words): TriggerCandidates {
  if (words.candidates?.version === registryVersion) return words.candidates;
  const indexes: number[] = [];
  const options: Array<readonly TriggerOptions[]> = [];
  const lowerSlice = lowerSlicer(text);
  for (let i = 0; i < words.count; i++) {
    const s = words.starts[i] ?? 0;
    const c = text.charCodeAt(s);
    const listed = optionsOfWord.get(lowerSlice(s, words.ends[i] ?? 0));
    if (listed || (c >= 48 && c <= 57)) {
      indexes.push(i);
      options.push(listed ?? NO_OPTIONS);
    }
  }
  words.candidates = { version: registryVersion, indexes, options };
  return words.candidates;
}

let windowsText: string | null = null;
const windowsByOptions = new Map<TriggerOptions, readonly Window[]>();

/**
 * Merged windows around every trigger in the text, in order. Several expressions share one set of
 * options (a language's rules are built once), so the windows of the latest text are remembered
 * per options object.
 */
export function triggerWindows(text: string, opts: TriggerOptions): readonly Window[] {
  if (windowsText !== text) {
    windowsText = text;
    windowsByOptions.clear();
  }
  let windows = windowsByOptions.get(opts);
  if (!windows) {
    windows = findTriggerWindows(text, opts);
    windowsByOptions.set(opts, windows);
  }
  return windows;
}

/** A word triggers when it starts with a digit (if the options take digits) or, lower-cased, is one of their words. */
function findTriggerWindows(text: string, opts: TriggerOptions): Window[] {
  register(opts);
  const out: Window[] = [];
  const words = wordsOf(text);
  const { indexes, options } = triggerCandidates(text, words);
  for (let k = 0; k < indexes.length; k++) {
    const i = indexes[k] ?? 0;
    const s = words.starts[i] ?? 0;
    const e = words.ends[i] ?? 0;
    const c = text.charCodeAt(s);
    const isDigit = c >= 48 && c <= 57;
    if (!(opts.digits && isDigit) && !options[k]?.includes(opts)) continue;
    const start = snap(text, Math.max(0, s - opts.before), -1);
    const end = snap(text, Math.min(text.length, e + opts.after), 1);
    const last = out[out.length - 1];
    if (last && start <= last.end) last.end = Math.max(last.end, end);
    else out.push({ start, end });
  }
  return out;
}

/**
 * Every match of `re` (which must have the "g" flag) inside the windows, with offsets into the whole
 * text. The expression object is reused, not recompiled: the matches are collected before returning,
 * so no caller can interleave two scans of the same object.
 */
export function matchInWindows(text: string, windows: readonly Window[], re: RegExp): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  for (const w of windows) {
    const part = text.slice(w.start, w.end);
    re.lastIndex = 0;
    for (let m = re.exec(part); m !== null; m = re.exec(part)) {
      if (m[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      m.index += w.start;
      out.push(m);
    }
  }
  re.lastIndex = 0;
  return out;
}
