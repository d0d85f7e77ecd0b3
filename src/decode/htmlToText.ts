import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { DEFAULT_DECODE_LIMITS, type DecodeLimits } from './decodeLimits.ts';
import { htmlPublicationDate } from './htmlPublished.ts';
import { checkHtmlShape } from './htmlShape.ts';

/**
 * The article text of an HTML page: boilerplate (navigation, banners, scripts, cookie notices,
 * share buttons) removed, paragraphs kept as blank-line-separated blocks, entities decoded.
 */
export interface HtmlText {
  text: string;
  title: string | null;
  /** The publication day the page states in its own markup (htmlPublished.ts), if any. */
  published: string | null;
  warnings: string[];
}

// linkedom's own typings lean on the DOM lib, which this Node project does not load; these are
// the few members we use, so the rest of the module stays typed.
interface DomNode {
  readonly nodeType: number;
  readonly nodeName: string;
  readonly textContent: string | null;
  readonly childNodes: ArrayLike<DomNode>;
}
interface DomElement extends DomNode {
  readonly tagName: string;
  getAttribute(name: string): string | null;
  querySelector(selectors: string): DomElement | null;
  querySelectorAll(selectors: string): ArrayLike<DomElement>;
  closest(selectors: string): DomElement | null;
  remove(): void;
}
interface DomDocument {
  readonly body: DomElement | null;
  readonly documentElement: DomElement;
  querySelector(selectors: string): DomElement | null;
  querySelectorAll(selectors: string): ArrayLike<DomElement>;
}

const textNode = 3;
const elementNode = 1;

const alwaysBoilerplate = [
  'script',
  'style',
  'noscript',
  'template',
  'svg',
  'canvas',
  'iframe',
  'object',
  'embed',
  'button',
  'select',
  'textarea',
  'input',
  'nav',
  'aside',
  'dialog',
  'title',
  '[role="navigation"]',
  '[role="complementary"]',
  '[role="dialog"]',
  '[aria-hidden="true"]',
  '[hidden]',
].join(',');
const boilerplateName =
  /(?:^|[\s_-])(?:cookies?|consent|gdpr|share|sharing|social|newsletter|subscribe|breadcrumbs?|related|advert|ads|promo|popup|modal|banner|skip-link|sidebar|comments?)(?:[\s_-]|$)/i;
// A block ends a paragraph; text inside inline elements flows on.
const blockTags = new Set(
  'address article aside blockquote dd details div dl dt fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr li main ol p pre section summary table tbody thead tfoot ul caption'.split(
    ' ',
  ),
);
// Readability rescans ancestors and re-scores candidates: slow on huge pages and superlinear in
// nesting depth (measured: 400 nested divs take seconds). Real articles stay far below these.
const maxReadabilityElements = 20_000;
const maxReadabilityDepth = 80;

function titleOf(document: DomDocument): string | null {
  const og = document
    .querySelector('meta[property="og:title"], meta[name="og:title"]')
    ?.getAttribute('content');
  const raw = og?.trim() ? og : (document.querySelector('title')?.textContent ?? '');
  const title = raw.replace(/\s+/g, ' ').trim();
  return title === '' ? null : title;
}

function removeBoilerplate(document: DomDocument): void {
  for (const element of Array.from(document.querySelectorAll(alwaysBoilerplate))) element.remove();
  // Page-level header and footer only: inside an article they hold the headline and byline.
  for (const element of Array.from(
    document.querySelectorAll('header, footer, [role="banner"], [role="contentinfo"]'),
  )) {
    if (!element.closest('article, main, [role="main"]')) element.remove();
  }
  const bodyLength = document.body?.textContent?.length ?? 0;
  for (const element of Array.from(document.querySelectorAll('[class], [id]'))) {
    const names = `${element.getAttribute('class') ?? ''} ${element.getAttribute('id') ?? ''}`;
    if (!boilerplateName.test(names)) continue;
    // Themes put words like "has-sidebar" on wrappers of the whole page; never remove those.
    if (['HTML', 'BODY', 'MAIN', 'ARTICLE'].includes(element.tagName.toUpperCase())) continue;
    if (element.querySelector('article, main, h1')) continue;
    if ((element.textContent?.length ?? 0) > bodyLength * 0.3) continue;
    element.remove();
  }
}

/** Block-aware text of a subtree, walked without recursion so deep nesting cannot overflow. */
export function blockText(root: DomNode): string {
  const parts: string[] = [];
  const stack: Array<{ node: DomNode; leaving: boolean; pre: boolean }> = [
    { node: root, leaving: false, pre: false },
  ];
  while (stack.length > 0) {
    const { node, leaving, pre } = stack.pop()!;
    const tag = node.nodeName.toLowerCase();
    if (leaving) {
      parts.push(blockTags.has(tag) ? '\n\n' : tag === 'tr' ? '\n' : ' ');
      continue;
    }
    if (node.nodeType === textNode) {
      const text = node.textContent ?? '';
      parts.push(pre ? text : text.replace(/[ \t\n\r\f]+/g, ' '));
      continue;
    }
    if (node.nodeType !== elementNode && node.nodeType !== 9 && node.nodeType !== 11) continue;
    if (tag === 'br') {
      parts.push('\n');
      continue;
    }
    if (blockTags.has(tag)) parts.push('\n\n');
    if (blockTags.has(tag) || tag === 'tr' || tag === 'td' || tag === 'th') {
      stack.push({ node, leaving: true, pre });
    }
    const inPre = pre || tag === 'pre';
    // linkedom rebuilds childNodes on every access (its tree is a linked list): read it once.
    const children = Array.from(node.childNodes);
    for (let i = children.length - 1; i >= 0; i--) {
      stack.push({ node: children[i]!, leaving: false, pre: inPre });
    }
  }
  return tidy(parts.join(''));
}

/** Trims lines, keeps single line breaks, turns any run of blank lines into one. */
function tidy(text: string): string {
  const lines = text
    .replace(/\u00a0/g, ' ')
    .split('\n')
    .map((line) => line.replace(/ {2,}/g, ' ').trim());
  const out: string[] = [];
  for (const line of lines) {
    if (line === '' && (out.length === 0 || out[out.length - 1] === '')) continue;
    out.push(line);
  }
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return out.join('\n');
}

/** Element count and nesting depth, walked without recursion. */
function shapeOf(root: DomNode): { elements: number; depth: number } {
  let elements = 0;
  let depth = 0;
  const stack: Array<[DomNode, number]> = [[root, 1]];
  while (stack.length > 0) {
    const [node, level] = stack.pop()!;
    if (node.nodeType !== elementNode) continue;
    elements++;
    if (level > depth) depth = level;
    for (const child of Array.from(node.childNodes)) stack.push([child, level + 1]);
  }
  return { elements, depth };
}

export function htmlToText(html: string, limits: DecodeLimits = DEFAULT_DECODE_LIMITS): HtmlText {
  checkHtmlShape(html, limits);
  // linkedom, unlike a browser, builds no <html>/<body> of its own: a fragment or a page that
  // omits either tag ends up outside the body, so such input gets a clean skeleton.
  const complete = /<html[\s>]/i.test(html) && /<body[\s>]/i.test(html);
  const page = complete
    ? html
    : `<!doctype html><html><head></head><body>${html.replace(/<\/?(?:html|head|body)\b[^>]*>|<!doctype[^>]*>/gi, '')}</body></html>`;
  const { document } = parseHTML(page) as unknown as { document: DomDocument };
  const warnings: string[] = [];
  const title = titleOf(document);
  // Before boilerplate removal: scripts (JSON-LD) and page headers hold the date.
  const published = htmlPublicationDate(document);
  removeBoilerplate(document);
  const fallback = blockText(document.body ?? document.documentElement);
  const { elements, depth } = shapeOf(document.documentElement);
  if (elements > maxReadabilityElements || depth > maxReadabilityDepth) {
    warnings.push('HTML too large or too deeply nested for article detection: text of the whole page kept');
    return { text: fallback, title, published, warnings };
  }
  let article: string | null = null;
  try {
    // linkedom's document stands in for the DOM Document Readability is typed for (in Node builds
    // that type is unknown; the web typecheck, which reaches this file, knows the full DOM one).
    const page = document as unknown as ConstructorParameters<typeof Readability>[0];
    const parsed = new Readability<DomNode>(page, { serializer: (node: DomNode) => node }).parse();
    article = parsed?.content ? blockText(parsed.content) : null;
  } catch {
    // Readability gives up on some malformed pages; the plain walk below still has the text.
    warnings.push('article detection failed: text of the whole page kept');
  }
  // Readability sometimes settles on a fragment (a caption, a comment) of a short page; the whole
  // cleaned body is then the better text.
  if (article && (article.length >= 500 || article.length >= fallback.length * 0.5)) {
    return { text: article, title, published, warnings };
  }
  return { text: fallback, title, published, warnings };
}
