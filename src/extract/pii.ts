/**
 * Personal data that must be protected before a text leaves the organisation: e-mail addresses
 * (including obfuscated ones), phone numbers, names of private people (rule in personNames.ts),
 * postal addresses, identity document numbers and URLs.
 */
import type { PiiMention } from '../core/suggestions.ts';
import { findAddresses } from './addresses.ts';
import { languagePacks, packFor } from './lang/index.ts';
import { findPersonNames } from './personNames.ts';
import { findPhones, type Span } from './phones.ts';
import { alternation, perLanguage, WORD_END, WORD_START } from './wordList.ts';

type Kind = PiiMention['kind'];

// Bounded parts and a left guard keep these linear on long runs of letters without an "@".
const EMAIL =
  /(?<![\w.%+-])[\w.%+-]{1,64}@[\p{L}\p{N}-]{1,63}(?:\.[\p{L}\p{N}-]{1,63}){0,6}\.\p{L}{2,24}(?![\p{L}\p{N}])/gu;
/** Cloudflare replaces addresses in scraped pages with this placeholder: it still marks an address. */
const CLOUDFLARE_EMAIL = /\[email(?:\s|&#160;|&nbsp;|\u00A0)protected\]/gu;
const URL = /(?<![\p{L}\p{N}@])(?:https?:\/\/|www\.)[^\s<>"'«»“”]{1,2000}/giu;

/** Identity numbers whose shape alone identifies them. */
const ID_SHAPES: readonly RegExp[] = [
  /(?<!\d)\d{3}\.\d{3}\.\d{3}-\d{2}(?!\d)/g, // Brazilian CPF
  /(?<!\d)\d{2}\.\d{3}\.\d{3}\/\d{4}-\d{2}(?!\d)/g, // Brazilian CNPJ
  /(?<!\d)\d{3}-\d{3}-\d{3}[ -]\d{2}(?!\d)/g, // Russian СНИЛС
  /(?<![\d-])\d{3}-\d{2}-\d{4}(?![\d-])/g, // US Social Security number
  /(?<![\p{L}\p{N}])\d{8}-?[A-HJ-NP-TV-Z](?![\p{L}\p{N}])/gu, // Spanish DNI
  /(?<![\p{L}\p{N}])[XYZ]-?\d{7}-?[A-Z](?![\p{L}\p{N}])/gu, // Spanish NIE
  /(?<!\d)[12] ?\d{2} ?\d{2} ?\d{2} ?\d{3} ?\d{3} ?\d{2}(?!\d)/g, // French NIR (sécurité sociale)
];

interface Rules {
  obfuscatedEmail: RegExp;
  documentNumber: RegExp;
}

const rulesFor = perLanguage((code): Rules => {
  const pack = packFor(code);
  const packs = pack ? [pack] : languagePacks;
  const at = alternation(packs.flatMap((p) => p.pii.emailAt));
  const dot = alternation(packs.flatMap((p) => p.pii.emailDot));
  const docs = alternation(packs.flatMap((p) => p.pii.idDocumentWords));
  // "name at domain dot org", "name [at] domain [dot] org", "имя собака домен точка ру": the words
  // alone or in brackets; the parts themselves must be Latin, as real addresses are.
  const word = (w: string) => `(?:\\s*[\\[({]\\s*(?:${w})\\s*[\\])}]\\s*|\\s+(?:${w})\\s+)`;
  const obfuscatedEmail = new RegExp(
    `(?<![\\w.-])[A-Za-z0-9._-]{1,64}${word(at)}[A-Za-z0-9-]{1,63}(?:${word(dot)}[A-Za-z0-9-]{1,63}){0,4}${word(dot)}(?:[a-z]{2,6}|ру|рф|ком|орг)${WORD_END}`,
    'giu',
  );
  const documentNumber = new RegExp(
    `${WORD_START}(?:${docs})${WORD_END}[^\\d\\n]{0,24}?(?<number>(?=[A-Z0-9 -]*\\d{4})[A-Z0-9](?:[A-Z0-9]|[ -](?=[A-Z0-9])){4,20})(?![\\p{L}\\p{N}])`,
    'giu',
  );
  return { obfuscatedEmail, documentNumber };
});

function spans(text: string, re: RegExp, group?: string): Span[] {
  const out: Span[] = [];
  const r = new RegExp(re.source, re.flags);
  for (let m = r.exec(text); m !== null; m = r.exec(text)) {
    const part = group ? m.groups?.[group] : m[0];
    if (!part) continue;
    const start = group ? m.index + m[0].lastIndexOf(part) : m.index;
    out.push({ text: part, start, end: start + part.length });
  }
  return out;
}

/** A URL's final full stop, comma or unmatched bracket belongs to the sentence, not the URL. */
function trimUrl(span: Span): Span {
  let text = span.text.replace(/[.,;:!?]+$/, '');
  if (text.endsWith(')') && !text.includes('(')) text = text.slice(0, -1).replace(/[.,;:!?]+$/, '');
  return { text, start: span.start, end: span.start + text.length };
}

/** When mentions overlap, the more specific kind wins (an ID number over a phone, an e-mail over a URL). */
const PRIORITY: readonly Kind[] = ['email', 'id-number', 'url', 'phone', 'address', 'person'];

export function findPii(text: string, lang: string): PiiMention[] {
  const code = packFor(lang)?.code ?? '';
  const rules = rulesFor(code);
  // An address has its "@", a placeholder its "[email", a link "www." or "://" in any case: most
  // texts have none, and the expressions are slow to find nothing.
  const hasAt = text.includes('@');
  const hasPlaceholder = /\[email/i.test(text);
  const hasLink = /:\/\/|www\./i.test(text);
  const found: Record<Kind, Span[]> = {
    email: [
      ...(hasAt ? spans(text, EMAIL) : []),
      ...(hasPlaceholder ? spans(text, CLOUDFLARE_EMAIL) : []),
      ...spans(text, rules.obfuscatedEmail),
    ],
    'id-number': [
      ...ID_SHAPES.flatMap((re) => spans(text, re)),
      ...spans(text, rules.documentNumber, 'number'),
    ],
    url: hasLink ? spans(text, URL).map(trimUrl) : [],
    phone: findPhones(text, code),
    address: findAddresses(text, code),
    person: findPersonNames(text, code),
  };
  const all: PiiMention[] = [];
  for (const kind of PRIORITY) {
    for (const s of found[kind])
      if (s.end > s.start) all.push({ kind, text: s.text, start: s.start, end: s.end });
  }
  all.sort((a, b) => a.start - b.start || b.end - a.end);
  // One sweep: an overlapping mention replaces the last kept one only if its kind ranks higher.
  const kept: PiiMention[] = [];
  for (const mention of all) {
    const last = kept[kept.length - 1];
    if (!last || mention.start >= last.end) kept.push(mention);
    else if (PRIORITY.indexOf(mention.kind) < PRIORITY.indexOf(last.kind)) kept[kept.length - 1] = mention;
  }
  return kept;
}
