import { InvalidInput } from '../core/errors.ts';
import { checkTextLength, DEFAULT_DECODE_LIMITS, type DecodeLimits } from './decodeLimits.ts';
import { checkZipWithinLimits, listZipEntries, readZipEntry, type ZipEntry } from './zipEntries.ts';

export interface DocxText {
  text: string;
  title: string | null;
  warnings: string[];
}

// docProps/core.xml is a few hundred bytes; anything far larger is not honest metadata.
const maxCoreXmlBytes = 1024 * 1024;

function decodeXmlEntities(text: string): string {
  return text.replace(/&(?:#x([0-9a-f]+)|#(\d+)|(amp|lt|gt|quot|apos));/gi, (whole, hex, dec, name) => {
    if (hex) return String.fromCodePoint(Number.parseInt(hex, 16));
    if (dec) return String.fromCodePoint(Number.parseInt(dec, 10));
    return { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[String(name).toLowerCase()] ?? whole;
  });
}

/** The title the author set (File → Properties), from docProps/core.xml. */
function titleOf(bytes: Uint8Array, entries: ZipEntry[]): string | null {
  const entry = entries.find((e) => e.name === 'docProps/core.xml');
  const xml = entry ? readZipEntry(bytes, entry, maxCoreXmlBytes) : null;
  if (!xml) return null;
  const match = /<dc:title(?:\s[^>]*)?>([^<]*)<\/dc:title>/.exec(new TextDecoder().decode(xml));
  try {
    const title = match ? decodeXmlEntities(match[1]!).replace(/\s+/g, ' ').trim() : '';
    return title === '' ? null : title;
  } catch {
    return null; // a numeric entity beyond U+10FFFF
  }
}

/** Paragraphs of the main document, separated by blank lines (mammoth's raw text). */
export async function docxToText(
  bytes: Uint8Array,
  fileName: string,
  limits: DecodeLimits = DEFAULT_DECODE_LIMITS,
): Promise<DocxText> {
  // sniffType recognised a DOCX by these entries, so a missing directory here means a corrupt file.
  const entries = listZipEntries(bytes);
  if (!entries) throw new InvalidInput(fileName, 'corrupt or unreadable DOCX');
  checkZipWithinLimits(bytes, entries, limits);
  let value: string;
  // Loaded on the first DOCX (~15 MiB resident otherwise).
  const { default: mammoth } = await import('mammoth');
  try {
    ({ value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) }));
  } catch {
    // Library messages can quote document parts; the file name and the format are enough.
    throw new InvalidInput(fileName, 'corrupt or unreadable DOCX');
  }
  const text = value.replace(/\n+$/, '');
  checkTextLength(text, limits);
  const warnings = text.trim() === '' ? ['no text extracted from DOCX'] : [];
  return { text, title: titleOf(bytes, entries), warnings };
}
