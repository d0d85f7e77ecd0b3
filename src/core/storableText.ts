/**
 * Characters PostgreSQL cannot store. A text column refuses NUL (U+0000); JSON columns refuse NUL
 * and unpaired surrogates (lone halves of a UTF-16 pair, which JavaScript strings allow). A value
 * holding one fails inside the database, mid-transaction, as a 500; these catch it earlier: user
 * input is refused with the field named, extracted text is cleaned with a warning.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding NUL is the point of this pattern.
const unstorable = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const unstorableAll = new RegExp(unstorable.source, 'g');

/** Why `text` cannot be stored as it is, or null if it can. Never quotes the text. */
export function unstorableReason(text: string): string | null {
  const match = unstorable.exec(text);
  if (!match) return null;
  return match[0] === '\u0000'
    ? 'contains a NUL character (U+0000), which cannot be stored'
    : 'contains an unpaired UTF-16 surrogate (invalid Unicode), which cannot be stored';
}

/** The first string inside `value` (objects and arrays walked) that cannot be stored: its path and why. */
export function findUnstorableText(value: unknown, path: string): { path: string; reason: string } | null {
  if (typeof value === 'string') {
    const reason = unstorableReason(value);
    return reason ? { path, reason } : null;
  }
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) {
      const found = findUnstorableText(item, `${path}.${index}`);
      if (found) return found;
    }
  } else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found = findUnstorableText(item, `${path}.${key}`);
      if (found) return found;
    }
  }
  return null;
}

/** String.prototype.isWellFormed (ES2024, in Node 20): typed here, the project compiles against ES2023. */
const isWellFormed = (text: string): boolean => (text as string & { isWellFormed(): boolean }).isWellFormed();

/** `text` with NUL removed and unpaired surrogates replaced by U+FFFD, and how many of each. */
export function toStorableText(text: string): { text: string; nul: number; surrogates: number } {
  // isWellFormed() is false exactly when a surrogate is unpaired, and is native (constant time on
  // one-byte strings): most texts are checked without running the expression.
  if ((isWellFormed(text) && !text.includes('\u0000')) || !unstorable.test(text))
    return { text, nul: 0, surrogates: 0 };
  let nul = 0;
  let surrogates = 0;
  const cleaned = text.replace(unstorableAll, (found) => {
    if (found === '\u0000') {
      nul++;
      return '';
    }
    surrogates++;
    return '\ufffd';
  });
  return { text: cleaned, nul, surrogates };
}
