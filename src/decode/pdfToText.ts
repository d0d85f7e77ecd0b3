import { extractText, getDocumentProxy, getMeta } from 'unpdf';
import { InvalidInput } from '../core/errors.ts';

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

/** Text of every page, pages separated by a blank line; title from the document information. */
export async function pdfToText(bytes: Uint8Array, fileName: string): Promise<PdfText> {
  let pdf: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    // pdf.js takes ownership of (detaches) the buffer it is given; the caller's bytes are the
    // preserved original, so it gets a copy.
    pdf = await getDocumentProxy(bytes.slice(), { verbosity: verbosityErrorsOnly });
  } catch (error) {
    throw new InvalidInput(fileName, reasonFor(error));
  }
  try {
    const { text: pages } = await extractText(pdf, { mergePages: false });
    const warnings: string[] = [];
    const text = pages
      .map((page) => page.trim())
      .filter((page) => page !== '')
      .join('\n\n');
    if (text === '') warnings.push('PDF has no text layer (scanned?)');
    return { text, title: await titleOf(pdf), warnings };
  } catch (error) {
    throw new InvalidInput(fileName, reasonFor(error));
  } finally {
    await pdf.destroy().catch(() => undefined);
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
