import { getDocumentProxy, getMeta } from 'unpdf';
import { InvalidInput } from '../core/errors.ts';
import { DEFAULT_DECODE_LIMITS, DecodeLimitExceeded, type DecodeLimits } from './decodeLimits.ts';

export interface PdfText {
  text: string;
  title: string | null;
  warnings: string[];
}

const verbosityErrorsOnly = 0;

/** Why pdf.js refused a file, in words that say nothing about its content. */
function reasonFor(error: unknown): string {
  const name = error instanceof Error ? error.name : '';
  if (name === 'PasswordException') return 'PDF is password-protected';
  return 'corrupt or unreadable PDF';
}

/**
 * Text of every page, pages separated by a blank line; title from the document information. A PDF
 * with more pages than the limit is not decoded at all (rather than cut short), so a reviewer never
 * mistakes the first pages for the whole document.
 */
export async function pdfToText(
  bytes: Uint8Array,
  fileName: string,
  limits: DecodeLimits = DEFAULT_DECODE_LIMITS,
): Promise<PdfText> {
  if (declaredPageCount(bytes) > limits.maxPdfPages) {
    throw new DecodeLimitExceeded(`PDF has more than ${limits.maxPdfPages} pages`);
  }
  let pdf: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    // pdf.js takes ownership of (detaches) the buffer it is given; the caller's bytes are the
    // preserved original, so it gets a copy.
    pdf = await getDocumentProxy(bytes.slice(), { verbosity: verbosityErrorsOnly });
  } catch (error) {
    throw new InvalidInput(fileName, reasonFor(error));
  }
  try {
    if (pdf.numPages > limits.maxPdfPages) {
      throw new DecodeLimitExceeded(`PDF has more than ${limits.maxPdfPages} pages`);
    }
    const pages: string[] = [];
    let length = 0;
    // One page at a time: pdf.js holds every page's operators in memory while they are pending.
    for (let number = 1; number <= pdf.numPages; number++) {
      const page = (await pageText(pdf, number)).trim();
      if (page === '') continue;
      length += page.length + 2;
      if (length > limits.maxTextChars) {
        throw new DecodeLimitExceeded(`text longer than ${limits.maxTextChars} characters`);
      }
      pages.push(page);
    }
    const text = pages.join('\n\n');
    const warnings = text === '' ? ['PDF has no text layer (scanned?)'] : [];
    return { text, title: await titleOf(pdf), warnings };
  } catch (error) {
    if (error instanceof DecodeLimitExceeded) throw error;
    throw new InvalidInput(fileName, reasonFor(error));
  } finally {
    await pdf.destroy().catch(() => undefined);
  }
}

/**
 * The largest page count the file's uncompressed page tree declares (/Count of its root). pdf.js
 * takes seconds just to open a file of 200,000 pages, so this is read from the bytes first; a page
 * tree hidden in compressed object streams is caught after opening instead.
 */
function declaredPageCount(bytes: Uint8Array): number {
  const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
  let most = 0;
  for (const match of text.matchAll(/\/Count\s+(\d{1,12})/g)) most = Math.max(most, Number(match[1]));
  return most;
}

/** One page's text as unpdf's extractText builds it: items in order, a line break where pdf.js sees one. */
async function pageText(pdf: Awaited<ReturnType<typeof getDocumentProxy>>, number: number): Promise<string> {
  const page = await pdf.getPage(number);
  try {
    const content = await page.getTextContent();
    return content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join('');
  } finally {
    page.cleanup();
  }
}

async function titleOf(pdf: Awaited<ReturnType<typeof getDocumentProxy>>): Promise<string | null> {
  try {
    const { info, metadata } = await getMeta(pdf);
    const fromInfo: unknown = info.Title;
    // pdf.js hands back an empty object, not a Metadata instance, when there is no XMP stream.
    const fromXmp: unknown = typeof metadata?.get === 'function' ? metadata.get('dc:title') : null;
    for (const candidate of [fromInfo, fromXmp]) {
      if (typeof candidate === 'string' && candidate.trim() !== '')
        return candidate.replace(/\s+/g, ' ').trim();
    }
  } catch {
    // Metadata is a bonus: a PDF whose text we read but whose metadata is damaged is still useful.
  }
  return null;
}
