/**
 * How much a decoded text looks like real writing, judged only on what differs between candidate
 * single-byte encodings: the words and symbols that contain non-ASCII characters (ASCII decodes the
 * same in all of them).
 *
 * Wrong decodings betray themselves in ways that hold across languages: Russian read as
 * windows-1252 becomes words made only of accented letters ("Çàäåðæàíû"); windows-1251 read as
 * KOI8-R flips letter case inside words ("зАДЕРЖАНЫ"); French read as windows-1251 mixes scripts
 * in one word ("Dйtenus"); and rare symbols (¤ ¦ ¬ ¹ ¼ ±), box drawing, C1 controls and U+FFFD
 * appear where letters should be.
 */
export interface Plausibility {
  /** From about -5 (certainly wrong) to 1 (every non-ASCII word looks right). */
  score: number;
  /** How many characters the score rests on: few means little evidence either way. */
  evidence: number;
}

const nonAscii = /[^\p{ASCII}]/u;
const word = /[\p{L}\p{M}]+|[^\p{L}\p{M}\s\p{ASCII}]/gu;
const latin = /\p{Script=Latin}/u;
const cyrillic = /\p{Script=Cyrillic}/u;
const greek = /\p{Script=Greek}/u;
const upper = /^\p{Lu}$/u;
const lower = /^[\p{Ll}\p{M}]$/u;
// Non-letters that real text uses; any other non-ASCII symbol counts against a decoding.
const commonSymbols = new Set('«»“”‘’„‚–—…•€№°§©®™\u00a0\u2009\u202f·'.split(''));

function scriptOf(char: string): string {
  if (latin.test(char)) return 'latin';
  if (cyrillic.test(char)) return 'cyrillic';
  if (greek.test(char)) return 'greek';
  return 'other';
}

function isWellCased(letters: string[]): boolean {
  const cased = letters.filter((c) => upper.test(c) || lower.test(c));
  if (cased.length <= 1) return true;
  const rest = cased.slice(1);
  return rest.every((c) => lower.test(c)) || cased.every((c) => upper.test(c));
}

export function measurePlausibility(text: string): Plausibility {
  let good = 0;
  let bad = 0;
  let severe = 0;
  for (const match of text.matchAll(word)) {
    const token = match[0];
    if (!nonAscii.test(token)) continue;
    const letters = [...token];
    if (letters.length === 1 && !/\p{L}/u.test(token)) {
      const code = token.codePointAt(0)!;
      if (code === 0xfffd || (code >= 0x80 && code <= 0x9f)) severe++;
      else if (commonSymbols.has(token)) good++;
      else if (code >= 0x2500 && code <= 0x259f) bad += 2;
      else bad++;
      continue;
    }
    const scripts = new Set(letters.filter((c) => /\p{L}/u.test(c)).map(scriptOf));
    const accented = letters.filter((c) => nonAscii.test(c)).length;
    const mixedScripts = scripts.size > 1;
    // Latin-script languages accent a minority of letters; a word that is mostly accents is
    // usually Cyrillic or Greek read with a Western code page.
    const mostlyAccents = scripts.has('latin') && letters.length >= 3 && accented / letters.length >= 0.75;
    if (mixedScripts || mostlyAccents || !isWellCased(letters)) bad += letters.length;
    else good += letters.length;
  }
  const evidence = good + bad + severe;
  if (evidence === 0) return { score: 1, evidence: 0 };
  return { score: (good - 2 * bad - 5 * severe) / evidence, evidence };
}
