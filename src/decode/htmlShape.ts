import type { DecodeLimits } from './decodeLimits.ts';
import { DecodeLimitExceeded } from './decodeLimits.ts';

// Elements that never hold children, and those whose end tag a page may leave out (the parser
// closes them itself): neither makes a page deeper, so counting them would flag honest sloppy HTML.
const neverDeeper = new Set(
  'area base br col embed hr img input link meta param source track wbr p li dt dd tr td th option optgroup rt rp thead tbody tfoot colgroup caption html head body'.split(
    ' ',
  ),
);
// Their content is text, not tags: a script may well contain the characters "<b>".
const rawTextEnd = new Map(
  ['script', 'style', 'textarea', 'title', 'xmp', 'noscript'].map((name) => [
    name,
    new RegExp(`</${name}`, 'gi'),
  ]),
);

const tagPattern = /<(\/?)([a-zA-Z][a-zA-Z0-9:-]*)[^>]*>|<!--/g;

/**
 * Refuses HTML with more elements or deeper nesting than the limits, by a linear scan of its tags
 * before any DOM is built: building the DOM of two million nested <b> is what takes minutes and
 * gigabytes, and a later check would come too late.
 */
export function checkHtmlShape(
  html: string,
  limits: Pick<DecodeLimits, 'maxHtmlElements' | 'maxHtmlDepth'>,
): void {
  let elements = 0;
  let depth = 0;
  tagPattern.lastIndex = 0;
  for (let match = tagPattern.exec(html); match; match = tagPattern.exec(html)) {
    if (match[0] === '<!--') {
      const end = html.indexOf('-->', tagPattern.lastIndex);
      if (end < 0) return;
      tagPattern.lastIndex = end + 3;
      continue;
    }
    const name = match[2]!.toLowerCase();
    if (match[1] === '/') {
      if (!neverDeeper.has(name) && depth > 0) depth--;
      continue;
    }
    if (++elements > limits.maxHtmlElements) {
      throw new DecodeLimitExceeded(`HTML has more than ${limits.maxHtmlElements} elements`);
    }
    const endOfRawText = rawTextEnd.get(name);
    if (endOfRawText) {
      endOfRawText.lastIndex = tagPattern.lastIndex;
      if (!endOfRawText.exec(html)) return;
      tagPattern.lastIndex = endOfRawText.lastIndex - name.length - 2;
      continue;
    }
    if (neverDeeper.has(name) || match[0].endsWith('/>')) continue;
    if (++depth > limits.maxHtmlDepth) {
      throw new DecodeLimitExceeded(`HTML nests deeper than ${limits.maxHtmlDepth} elements`);
    }
  }
}
