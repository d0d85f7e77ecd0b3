/** Helpers that turn the language tables into regular expressions. */

export function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/**
 * One alternation for a list of words or phrases, longest first (so "mais do que" wins over
 * "mais de"), with any run of spaces or hyphens in a phrase matching any whitespace.
 */
export function alternation(words: Iterable<string>): string {
  const unique = [...new Set(words)].filter((w) => w.length > 0);
  unique.sort((a, b) => b.length - a.length);
  return unique.map((w) => escapeRegExp(w).replace(/ +/g, '\\s+')).join('|');
}

/** A word boundary that understands every script (\b only knows ASCII). */
export const WORD_START = '(?<![\\p{L}\\p{M}\\p{N}_])';
export const WORD_END = '(?![\\p{L}\\p{M}\\p{N}_])';

/** Memoise one compiled expression per language code: the tables never change at run time. */
export function perLanguage<T>(build: (lang: string) => T): (lang: string) => T {
  const cache = new Map<string, T>();
  return (lang) => {
    let value = cache.get(lang);
    if (value === undefined) {
      value = build(lang);
      cache.set(lang, value);
    }
    return value;
  };
}

/**
 * Like alternation(), for expressions compiled without the "i" flag (which would make \p{Lu} match
 * lower case too): a word written in lower case also matches capitalised or in capitals; a word
 * written with a capital matches only as written ("May" the month, not "may").
 */
export function caseAlternation(words: Iterable<string>): string {
  const unique = [...new Set(words)].filter((w) => w.length > 0).sort((a, b) => b.length - a.length);
  return unique.map(caseVariants).join('|');
}

function caseVariants(word: string): string {
  const spaced = (s: string) => escapeRegExp(s).replace(/ +/g, '\\s+');
  const first = word[0] ?? '';
  if (first !== first.toLowerCase()) return spaced(word);
  const rest = spaced(word.slice(first.length));
  return `(?:[${escapeRegExp(first)}${escapeRegExp(first.toUpperCase())}]${rest}|${spaced(word.toUpperCase())})`;
}
