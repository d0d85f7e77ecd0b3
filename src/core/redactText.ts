/**
 * Replaces spans of personal data in a text with a visible marker (`[redacted: email]`), keeping every
 * other character byte-identical, so a public reader can still quote and check the rest. Pure.
 *
 * Why markers rather than blanks or asterisks of the same length: a same-length mask tells a reader
 * how long the name was, which narrows who it could be; a fixed marker says only what kind of thing
 * was removed.
 */

export interface RedactionSpan {
  start: number;
  end: number;
  /** What was removed: a PII kind (email, phone, person…) or 'contact'. Never the value. */
  kind: string;
}

export interface RedactedText {
  text: string;
  /** Redactions made, by kind (overlapping spans count once). */
  counts: Record<string, number>;
}

export const redactionMarker = (kind: string): string => `[redacted: ${kind}]`;

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/**
 * Redacts `spans` (UTF-16 offsets, as in suggestions). Overlapping or touching spans merge into one
 * marker, labelled with the kind of the span that starts first (the longest among equals). A span
 * boundary inside a surrogate pair is widened so no half character is left behind.
 */
export function redactText(text: string, spans: readonly RedactionSpan[]): RedactedText {
  const clipped = spans
    .map((span) => {
      let start = Math.max(0, Math.min(span.start, text.length));
      let end = Math.max(0, Math.min(span.end, text.length));
      if (start > 0 && isLowSurrogate(text.charCodeAt(start)) && isHighSurrogate(text.charCodeAt(start - 1)))
        start -= 1;
      if (
        end < text.length &&
        isLowSurrogate(text.charCodeAt(end)) &&
        isHighSurrogate(text.charCodeAt(end - 1))
      )
        end += 1;
      return { start, end, kind: span.kind };
    })
    .filter((span) => span.end > span.start)
    .sort((a, b) => a.start - b.start || b.end - a.end);

  const merged: RedactionSpan[] = [];
  for (const span of clipped) {
    const last = merged[merged.length - 1];
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }

  const counts: Record<string, number> = {};
  let out = '';
  let at = 0;
  for (const span of merged) {
    out += text.slice(at, span.start) + redactionMarker(span.kind);
    counts[span.kind] = (counts[span.kind] ?? 0) + 1;
    at = span.end;
  }
  return { text: out + text.slice(at), counts };
}

export interface KnownValue {
  text: string;
  kind: string;
}

const escapeRegExp = (value: string) => value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const normalise = (value: string) => value.trim().split(/\s+/u).join(' ').toLowerCase();

/**
 * A finder for every occurrence of known values (names and contacts already identified elsewhere):
 * case-insensitive, any run of whitespace matching any other, and only as whole words — so "Ana"
 * does not redact "Banana", while "ANA  SILVA" still matches "Ana Silva". Values shorter than two
 * characters are ignored: they would redact at random. Compiled once into one alternation, longest
 * value first (so a full name wins over a part of it), because an export runs it over every text.
 */
export function knownValueFinder(values: readonly KnownValue[]): (text: string) => RedactionSpan[] {
  const kinds = new Map<string, string>();
  // The value as written too, not only lower-cased: lower-casing can change a letter's length
  // (Turkish İ), and then only the original spelling would match.
  const spellings = new Set<string>();
  for (const value of values) {
    const key = normalise(value.text);
    if (key.length < 2) continue;
    if (!kinds.has(key)) kinds.set(key, value.kind);
    spellings.add(key);
    spellings.add(value.text.trim().split(/\s+/u).join(' '));
  }
  if (kinds.size === 0) return () => [];
  const alternatives = [...spellings]
    .sort((a, b) => b.length - a.length)
    .map((key) => key.split(' ').map(escapeRegExp).join('\\s+'));
  const re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
  return (text) => {
    const spans: RedactionSpan[] = [];
    const matcher = new RegExp(re.source, re.flags);
    for (let m = matcher.exec(text); m !== null; m = matcher.exec(text)) {
      // Case folding in the regex and toLowerCase can differ on rare letters: still redact, as 'personal'.
      spans.push({
        start: m.index,
        end: m.index + m[0].length,
        kind: kinds.get(normalise(m[0])) ?? 'personal',
      });
    }
    return spans;
  };
}
