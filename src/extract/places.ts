/**
 * Places named in a text, from the gazetteer (gazetteer/*.ts). Matching walks the words of the text
 * once and looks each capitalised word up in a map of first words, so the cost is linear in the text
 * and independent of the gazetteer's size.
 *
 * Rules: a place name starts with a capital letter in the text (every supported language capitalises
 * place names, and this keeps "china" or "georgia" in lower case out); all-capital abbreviations
 * ("UK", "РФ") match only in capitals; accents must be as listed (the gazetteer lists the common
 * unaccented spellings) because folding them turns words into places ("Para" → "Pará").
 */
import { type GazetteerEntry, gazetteer, type PlaceKind } from './gazetteer/index.ts';
import { wordsOf } from './windows.ts';

export interface PlaceFound {
  name: string;
  country: string | null;
  kind: PlaceKind;
  text: string;
  start: number;
  end: number;
}

interface Form {
  tokens: string[];
  /** The form as written, for case-sensitive abbreviations. */
  exact: string[] | null;
  entry: GazetteerEntry;
}

const TOKEN = /[\p{L}\p{M}\p{N}]+/gu;
/** What may separate the words of one name: spaces, a hyphen, an apostrophe, "D.C.", "Washington, D.C.". */
const GAP = /^[\s\u00A0\-‐–.'’,]{1,3}$/;
const UPPER_START = /^\p{Lu}/u;

const fold = (s: string): string => s.toLowerCase().replace(/ё/g, 'е');

function tokensOf(s: string): string[] {
  return [...s.matchAll(TOKEN)].map((m) => m[0]);
}

const byFirstToken: ReadonlyMap<string, Form[]> = (() => {
  const map = new Map<string, Form[]>();
  for (const entry of gazetteer) {
    for (const form of new Set(entry.forms)) {
      const raw = tokensOf(form);
      if (raw.length === 0) continue;
      const abbreviation = form.length <= 5 && form === form.toUpperCase() && form !== form.toLowerCase();
      const tokens = raw.map(fold);
      const list = map.get(tokens[0] ?? '') ?? [];
      list.push({ tokens, exact: abbreviation ? raw : null, entry });
      map.set(tokens[0] ?? '', list);
    }
  }
  // Longest form first: "Nizhny Novgorod" before any shorter name that starts the same way.
  for (const list of map.values()) list.sort((a, b) => b.tokens.length - a.tokens.length);
  return map;
})();

interface Token {
  text: string;
  key: string;
  start: number;
  end: number;
}

const PREVIOUS_WORD = /(\p{L}[\p{L}\p{M}]*)\s+$/u;

/** Places in reading order, longest name first where names overlap. `lang` is accepted for symmetry:
 * the gazetteer is multilingual because reports quote place names from other languages. */
export function findPlaces(text: string, lang: string): PlaceFound[] {
  void lang;
  const out: PlaceFound[] = [];
  const words = wordsOf(text);
  let skipUntil = 0;
  for (let i = 0; i < words.count; i++) {
    const s = words.starts[i] ?? 0;
    if (s < skipUntil) continue;
    // Most words are rejected here, by one character test and one map lookup.
    if (!UPPER_START.test(text[s] ?? '')) continue;
    const first = text.slice(s, words.ends[i]);
    const forms = byFirstToken.get(fold(first));
    if (!forms) continue;
    const longest = forms[0]?.tokens.length ?? 1;
    const tokens: Token[] = [];
    for (let j = i; j < Math.min(words.count, i + longest); j++) {
      const ts = words.starts[j] ?? 0;
      const te = words.ends[j] ?? 0;
      const t = text.slice(ts, te);
      tokens.push({ text: t, key: fold(t), start: ts, end: te });
    }
    const found = matchAt(text, tokens, forms);
    if (found) {
      out.push(found);
      skipUntil = found.end;
    }
  }
  return out;
}

function matchAt(text: string, tokens: Token[], forms: Form[]): PlaceFound | null {
  const first = tokens[0];
  if (!first) return null;
  for (const form of forms) {
    const n = form.tokens.length;
    if (n > tokens.length) continue;
    let ok = true;
    for (let i = 0; i < n && ok; i++) {
      const t = tokens[i];
      if (!t || t.key !== form.tokens[i]) ok = false;
      else if (form.exact && t.text !== form.exact[i]) ok = false;
      else if (i > 0 && !GAP.test(text.slice(tokens[i - 1]?.end ?? 0, t.start))) ok = false;
    }
    if (!ok) continue;
    if (form.entry.alsoAName) {
      // "João Lima", "George Washington": a capitalised word right before makes it a person's name.
      const previous = PREVIOUS_WORD.exec(text.slice(Math.max(0, first.start - 30), first.start))?.[1];
      if (previous && UPPER_START.test(previous)) continue;
    }
    const last = tokens[n - 1] ?? first;
    return {
      name: form.entry.name,
      country: form.entry.country,
      kind: form.entry.kind,
      text: text.slice(first.start, last.end),
      start: first.start,
      end: last.end,
    };
  }
  return null;
}
