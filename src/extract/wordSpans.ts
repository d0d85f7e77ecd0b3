/**
 * Where the words of a text are, found by a plain loop over its code units rather than a global
 * expression: every finder tokenises the same few kilobytes, and an exec per word (each building a
 * match array and a substring) cost more than the lookups that follow it.
 *
 * The result is exactly what `/[\p{L}\p{M}\p{N}]+/gu` (or `/[\p{L}\p{M}]+/gu` without numbers) finds:
 * maximal runs of code points in the class, a surrogate pair being one code point and a lone
 * surrogate none of the classes. Each code unit's class is asked of the same Unicode properties the
 * first time it is met, and remembered.
 */

export interface WordSpans {
  count: number;
  starts: Int32Array;
  ends: Int32Array;
}

const KNOWN = 4;
const LETTER_OR_MARK = 1;
const NUMBER = 2;
/** What a word may be made of: letters and marks, with numbers or without. */
export type WordClass = typeof LETTER_OR_MARK | typeof NUMBER | 3;
export const LETTERS_MARKS_NUMBERS: WordClass = 3;
export const LETTERS_MARKS: WordClass = 1;

const classOfUnit = new Uint8Array(65536);
const LM = /^[\p{L}\p{M}]$/u;
const N = /^\p{N}$/u;

function classify(char: string): number {
  return (LM.test(char) ? LETTER_OR_MARK : 0) | (N.test(char) ? NUMBER : 0);
}

function unitClass(unit: number): number {
  let c = classOfUnit[unit]!;
  if (c === 0) {
    c = KNOWN | classify(String.fromCharCode(unit));
    classOfUnit[unit] = c;
  }
  return c;
}

const isHigh = (u: number) => u >= 0xd800 && u <= 0xdbff;
const isLow = (u: number) => u >= 0xdc00 && u <= 0xdfff;

/** Length in code units of the code point at `i` if it belongs to `wanted`, else 0. */
function wordCharLength(text: string, i: number, wanted: number): number {
  const unit = text.charCodeAt(i);
  if (isHigh(unit) && i + 1 < text.length && isLow(text.charCodeAt(i + 1))) {
    // Astral letters (math alphabets, historic scripts) are rare: asked each time, not remembered.
    return classify(text.slice(i, i + 2)) & wanted ? 2 : 0;
  }
  if (isHigh(unit) || isLow(unit)) return 0;
  return unitClass(unit) & wanted ? 1 : 0;
}

function grown(a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

/** The words of `text` made of code points in `wanted`, in order. */
export function wordSpans(text: string, wanted: WordClass): WordSpans {
  // Room for a word every four units: news averages one every six or seven, so arrays rarely grow.
  let starts = new Int32Array(Math.max(16, text.length >> 2));
  let ends = new Int32Array(starts.length);
  let count = 0;
  const length = text.length;
  let i = 0;
  while (i < length) {
    let step = wordCharLength(text, i, wanted);
    if (step === 0) {
      i++;
      continue;
    }
    const start = i;
    while (step > 0) {
      i += step;
      step = i < length ? wordCharLength(text, i, wanted) : 0;
    }
    if (count === starts.length) {
      starts = grown(starts);
      ends = grown(ends);
    }
    starts[count] = start;
    ends[count] = i;
    count++;
  }
  return { count, starts, ends };
}

/**
 * Slices of `text` in lower case, as `text.slice(start, end).toLowerCase()` gives them, from one
 * lower-casing of the whole text (per word, two-byte text costs a call into ICU each time). The
 * two agree when the whole keeps its length and holds no capital sigma: lower-casing maps each code
 * point on its own, never to fewer units (language.test.ts checks every one), so equal lengths mean
 * every offset still lines up; the one mapping that reads its neighbours is Σ (σ or final ς).
 */
export function lowerSlicer(text: string): (start: number, end: number) => string {
  const lower = text.toLowerCase();
  if (lower.length === text.length && !text.includes('Σ')) return (start, end) => lower.slice(start, end);
  return (start, end) => text.slice(start, end).toLowerCase();
}
