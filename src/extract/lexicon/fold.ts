/**
 * Folding for matching: lower case, Latin diacritics dropped, ё → е, typographic apostrophes to '.
 * Every UTF-16 code unit maps to exactly one code unit, so offsets found in the folded text are
 * offsets in the original — the contract promises `text.slice(start, end)` returns the span.
 */
const cache = new Uint16Array(65536);
const computed = new Uint8Array(65536);

function foldUnit(unit: number): number {
  if (computed[unit]) return cache[unit]!;
  let out = unit;
  // Surrogates are left alone: a lone one must not be "repaired" into something of another length.
  if (unit < 0xd800 || unit > 0xdfff) {
    const lower = String.fromCharCode(unit).toLowerCase();
    if (lower.length === 1) out = lower.charCodeAt(0);
    if (out >= 0xc0 && out < 0x250) {
      const base = String.fromCharCode(out).normalize('NFD').charCodeAt(0);
      if (base < 0x80) out = base;
    }
    if (out === 0x451) out = 0x435; // ё → е: Russian press writes both
    if (out === 0x2019 || out === 0x2018 || out === 0x02bc) out = 0x27; // ’ ‘ ʼ → '
  }
  cache[unit] = out;
  computed[unit] = 1;
  return out;
}

const NEEDS_UNIT_FOLD = /[\u00c0-\u024f\u0451\u2018\u2019\u02bc]/g;

/**
 * Native lower-casing when it keeps the length (nearly always), then the few units that still need
 * folding one by one; the unit-by-unit path is the fallback for texts where lower-casing would
 * change the length ("İ" becomes two units), which offsets could not survive.
 */
export function foldText(text: string): string {
  const lower = text.toLowerCase();
  if (lower.length === text.length) {
    return lower.replace(NEEDS_UNIT_FOLD, (char) => String.fromCharCode(foldUnit(char.charCodeAt(0))));
  }
  return foldByUnit(text);
}

function foldByUnit(text: string): string {
  const length = text.length;
  const chunk = 8192;
  const parts: string[] = [];
  const buffer = new Uint16Array(Math.min(chunk, length));
  for (let offset = 0; offset < length; offset += chunk) {
    const end = Math.min(length, offset + chunk);
    for (let i = offset; i < end; i++) buffer[i - offset] = foldUnit(text.charCodeAt(i));
    parts.push(String.fromCharCode(...buffer.subarray(0, end - offset)));
  }
  return parts.join('');
}
