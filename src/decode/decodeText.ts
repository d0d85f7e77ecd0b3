import { isUtf8 } from 'node:buffer';
import chardet from 'chardet';
import { InvalidInput } from '../core/errors.ts';
import { canonicalCharset, decodeWith } from './charsetLabel.ts';
import { measurePlausibility } from './textPlausibility.ts';

export interface DecodedText {
  /** The text as decoded, byte-order mark removed, nothing else changed. */
  text: string;
  encoding: string;
  warnings: string[];
}

export const binaryContentReason =
  'binary content of unknown type: not a text, HTML, PDF, DOCX or media file';
const undecodableReason = 'text cannot be decoded in any supported encoding';

// Guessing needs a sample, not the whole file: this keeps 50 MB inputs linear and cheap.
const sampleBytes = 64 * 1024;
// Single-byte code pages we are likely to meet in human-rights documentation (Russian, Western and
// Central European, Greek). Order breaks ties: windows-1252 first because most ties are texts
// whose few non-ASCII letters read the same in several Latin code pages.
const legacyCandidates = [
  'windows-1252',
  'windows-1251',
  'koi8-r',
  'iso-8859-15',
  'iso-8859-2',
  'windows-1250',
  'ibm866',
  'iso-8859-5',
  'windows-1253',
];

/** Share of C0 controls (other than tab, line breaks, form feed, escape) that marks a file as binary. */
const maxControlShare = 0.01;

function controlShare(text: string): number {
  if (text.length === 0) return 0;
  let controls = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (
      (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0b && c !== 0x0c && c !== 0x0d && c !== 0x1b) ||
      c === 0x7f
    ) {
      controls++;
    }
  }
  return controls / text.length;
}

function countReplacements(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\ufffd'); i >= 0; i = text.indexOf('\ufffd', i + 1)) n++;
  return n;
}

/** UTF-16 text, and how many unpaired surrogates were replaced (a real U+FFFD is not counted). */
function decodeUtf16(bytes: Uint8Array, bigEndian: boolean): { text: string; bad: number } {
  let units = bytes.subarray(0, bytes.length - (bytes.length % 2));
  if (bigEndian) {
    // Swapped into little-endian ourselves: 'utf-16be' in TextDecoder depends on Node's ICU build.
    const swapped = new Uint8Array(units.length);
    for (let i = 0; i < units.length; i += 2) {
      swapped[i] = units[i + 1]!;
      swapped[i + 1] = units[i]!;
    }
    units = swapped;
  }
  try {
    return { text: new TextDecoder('utf-16le', { ignoreBOM: true, fatal: true }).decode(units), bad: 0 };
  } catch {
    let bad = 0;
    for (let i = 0; i < units.length; i += 2) {
      const unit = units[i]! | (units[i + 1]! << 8);
      if (unit >= 0xdc00 && unit <= 0xdfff) bad++;
      else if (unit >= 0xd800 && unit <= 0xdbff) {
        const next = i + 3 < units.length ? units[i + 2]! | (units[i + 3]! << 8) : 0;
        if (next >= 0xdc00 && next <= 0xdfff) i += 2;
        else bad++;
      }
    }
    return { text: new TextDecoder('utf-16le', { ignoreBOM: true }).decode(units), bad };
  }
}

/**
 * UTF-16 without a byte-order mark. Latin text shows NULs in every other byte; Cyrillic, Greek
 * and others show one nearly constant high byte (0x04 for Cyrillic) at every other position,
 * which single-byte text never does.
 */
function detectUtf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  const sample = bytes.subarray(0, Math.min(bytes.length, sampleBytes) & ~1);
  const pairs = sample.length / 2;
  if (pairs < 2) return null;
  const even = new Uint32Array(256);
  const odd = new Uint32Array(256);
  for (let i = 0; i < sample.length; i += 2) {
    even[sample[i]!]!++;
    odd[sample[i + 1]!]!++;
  }
  // The two largest counts in one pass (sorting 256 counts twice cost more than the counting).
  const topTwoShare = (counts: Uint32Array): number => {
    let first = 0;
    let second = 0;
    for (const n of counts) {
      if (n > first) {
        second = first;
        first = n;
      } else if (n > second) second = n;
    }
    return (first + second) / pairs;
  };
  let guess: 'utf-16le' | 'utf-16be' | null = null;
  if (odd[0]! >= 0.3 * pairs && even[0]! <= 0.05 * pairs) guess = 'utf-16le';
  else if (even[0]! >= 0.3 * pairs && odd[0]! <= 0.05 * pairs) guess = 'utf-16be';
  else if (pairs >= 8 && topTwoShare(odd) >= 0.85 && topTwoShare(even) < 0.5) guess = 'utf-16le';
  else if (pairs >= 8 && topTwoShare(even) >= 0.85 && topTwoShare(odd) < 0.5) guess = 'utf-16be';
  if (!guess) return null;
  const { text, bad } = decodeUtf16(sample, guess === 'utf-16be');
  // Confirm: real UTF-16 text has no unpaired surrogates and no stray controls. (The sample may
  // cut a surrogate pair in two, so one bad unit at its very end is forgiven.)
  const cutPair = bad === 1 && text.endsWith('\ufffd') && sample.length < bytes.length;
  if ((bad > 0 && !cutPair) || controlShare(text) > maxControlShare) return null;
  return guess;
}

function withBom(bytes: Uint8Array, fileName: string): DecodedText | null {
  const [a, b, c] = bytes;
  let encoding: string;
  let text: string;
  let bad: number;
  if (a === 0xef && b === 0xbb && c === 0xbf) {
    encoding = 'utf-8';
    text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes.subarray(3));
    bad = isUtf8(bytes.subarray(3)) ? 0 : countReplacements(text);
  } else if (a === 0xff && b === 0xfe) {
    encoding = 'utf-16le';
    ({ text, bad } = decodeUtf16(bytes.subarray(2), false));
  } else if (a === 0xfe && b === 0xff) {
    encoding = 'utf-16be';
    ({ text, bad } = decodeUtf16(bytes.subarray(2), true));
  } else {
    return null;
  }
  const warnings: string[] = [];
  if (encoding !== 'utf-8' && bytes.length % 2 === 1)
    warnings.push('odd trailing byte ignored (truncated UTF-16?)');
  // Bad sequences under a byte-order mark are either a few damaged bytes (keep the text, say so)
  // or a mark that lies (refuse rather than store noise as the text of a source).
  if (bad > 0) {
    if (bad > Math.max(1, text.length * 0.01)) {
      throw new InvalidInput(fileName, `${undecodableReason} (invalid ${encoding} after a byte-order mark)`);
    }
    warnings.push(`${bad} invalid ${encoding} sequence(s) replaced with U+FFFD`);
  }
  return { text, encoding, warnings };
}

/** Valid UTF-8, or UTF-8 with a few damaged sequences among many good ones (a truncated capture). */
function asUtf8(bytes: Uint8Array): { text: string; warnings: string[] } | null {
  if (isUtf8(bytes)) return { text: new TextDecoder('utf-8').decode(bytes), warnings: [] };
  // Legacy single-byte text almost never forms valid multi-byte sequences, so ten good ones for
  // each bad one means damaged UTF-8, not another encoding. Judged on a sample first, so that
  // a large file in another encoding is not decoded twice.
  const looksDamaged = (text: string): boolean => {
    const bad = countReplacements(text);
    let nonAscii = 0;
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) nonAscii++;
    return nonAscii - bad >= 10 * bad;
  };
  if (!looksDamaged(new TextDecoder('utf-8').decode(bytes.subarray(0, sampleBytes)))) return null;
  const text = new TextDecoder('utf-8').decode(bytes);
  if (!looksDamaged(text)) return null;
  return { text, warnings: [`${countReplacements(text)} invalid utf-8 sequence(s) replaced with U+FFFD`] };
}

function latin1(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
}

function hasC1Bytes(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i]! >= 0x80 && bytes[i]! <= 0x9f) return true;
  return false;
}

/** ISO-8859-1 pages with bytes 0x80-0x9F are windows-1252 in practice (the WHATWG rule). */
function effectiveCharset(charset: string, bytes: Uint8Array): string {
  return charset === 'iso-8859-1' && hasC1Bytes(bytes) ? 'windows-1252' : charset;
}

interface Guess {
  encoding: string;
  score: number;
  evidence: number;
}

function guessLegacy(sample: Uint8Array): Guess {
  const chardetConfidence = new Map<string, number>();
  for (const match of chardet.analyse(sample).slice(0, 3)) {
    const name = canonicalCharset(match.name);
    if (!name || name.startsWith('utf-')) continue;
    const mapped = name === 'iso-8859-1' ? 'windows-1252' : name;
    chardetConfidence.set(mapped, Math.max(chardetConfidence.get(mapped) ?? 0, match.confidence));
  }
  const candidates = [...new Set([...legacyCandidates, ...chardetConfidence.keys()])];
  let best: (Guess & { total: number }) | null = null;
  for (const encoding of candidates) {
    const { score, evidence } = measurePlausibility(decodeWith(sample, encoding));
    // chardet's language models break ties our checks cannot (Portuguese vs. Czech letters).
    const total = score + 0.1 * ((chardetConfidence.get(encoding) ?? 0) / 100);
    if (!best || total > best.total) best = { encoding, score, evidence, total };
  }
  return best!;
}

/**
 * Decodes bytes known not to be PDF, DOCX or media. `declaredCharset` is what the document says
 * about itself (HTML meta, XML prolog): honoured when the bytes agree with it.
 */
export function decodeText(
  bytes: Uint8Array,
  fileName: string,
  declaredCharset: string | null = null,
): DecodedText {
  const bommed = withBom(bytes, fileName);
  if (bommed) return bommed;

  const refuseBinary = (decoded: DecodedText): DecodedText => {
    if (controlShare(decoded.text) > maxControlShare) throw new InvalidInput(fileName, binaryContentReason);
    return decoded;
  };
  const utf16 = detectUtf16WithoutBom(bytes);
  if (utf16) {
    const warnings = bytes.length % 2 === 1 ? ['odd trailing byte ignored (truncated UTF-16?)'] : [];
    return refuseBinary({ text: decodeUtf16(bytes, utf16 === 'utf-16be').text, encoding: utf16, warnings });
  }

  // C0 controls are the same bytes in UTF-8 and every single-byte candidate: a binary file shows
  // itself in its first bytes, before anything large is decoded.
  if (controlShare(latin1(bytes.subarray(0, sampleBytes))) > maxControlShare) {
    throw new InvalidInput(fileName, binaryContentReason);
  }
  const declared = declaredCharset ? canonicalCharset(declaredCharset) : null;
  const utf8 = asUtf8(bytes);
  if (utf8) {
    const ignored =
      declared && declared !== 'utf-8' && !declared.startsWith('utf-16') && /[^\p{ASCII}]/u.test(utf8.text);
    if (ignored) utf8.warnings.push(`declared charset ${declared} ignored: the content is UTF-8`);
    return refuseBinary({ text: utf8.text, encoding: 'utf-8', warnings: utf8.warnings });
  }

  const sample = bytes.subarray(0, sampleBytes);
  const guess = guessLegacy(sample);
  const warnings: string[] = [];
  let encoding = guess.encoding;
  if (declared && !declared.startsWith('utf-')) {
    const effective = effectiveCharset(declared, bytes);
    const honest = measurePlausibility(decodeWith(sample, effective)).score >= guess.score - 0.3;
    if (honest) encoding = effective;
    else
      warnings.push(`declared charset ${declared} does not match the content; decoded as ${guess.encoding}`);
  } else {
    // The label itself stays out of the message: it is file content.
    if (declaredCharset && !declared) warnings.push('declared charset is not supported; encoding guessed');
    if (declared)
      warnings.push(`declared charset ${declared} does not match the content; decoded as ${guess.encoding}`);
    if (guess.score < 0.7 || guess.evidence < 10)
      warnings.push(`encoding guessed as ${guess.encoding} with low confidence`);
  }
  return refuseBinary({ text: decodeWith(bytes, encoding), encoding, warnings });
}
