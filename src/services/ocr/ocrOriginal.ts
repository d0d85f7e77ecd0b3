/**
 * Text of a scan by OCR: an image (PNG, JPEG, TIFF) or a PDF without a text layer, read by Debian's
 * Tesseract in the organisation's five working languages. Every tool runs as a child process under
 * the limits of `OcrSettings` (runBounded); the original is copied into a private temporary
 * directory for the tools to read and that directory is removed afterwards, whatever happens.
 *
 * The language is the one the person gave, or else chosen from a first pass with every installed
 * language at once, whose text the language detector reads; the page is then read again with that
 * language alone, which gets accents and letters of similar shape right more often.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InvalidInput } from '../../core/errors.ts';
import { imageSize, type OcrImageFormat, ocrImageFormat } from '../../decode/ocr/imageSize.ts';
import {
  isOcrLanguage,
  OCR_LANGUAGES,
  type OcrLanguage,
  tesseractPack,
} from '../../decode/ocr/ocrLanguage.ts';
import { combineConfidence, type WordConfidence, wordConfidence } from '../../decode/ocr/tesseractTsv.ts';
import { detectLanguage } from '../../extract/language.ts';
import { type ProcessResult, runBounded } from './boundedProcess.ts';
import { DEFAULT_OCR_SETTINGS, type OcrSettings } from './ocrSettings.ts';

export type OcrResult =
  | {
      kind: 'read';
      text: string;
      /** The language read with; null when the first pass found no language to choose. */
      language: OcrLanguage | null;
      languageFrom: 'user' | 'detected';
      /** Mean word confidence, 0–100; null when no word was recognised. */
      confidence: number | null;
      pagesRead: number;
      pages: number;
      warnings: string[];
    }
  /** Preserved without text, for a reason the reviewer is told ("OCR not installed"). */
  | { kind: 'no-text'; reason: string }
  /** Over one of the limits: preserved, marked "not decoded: <reason>". */
  | { kind: 'not-decoded'; reason: string };

export interface OcrRequest {
  bytes: Uint8Array;
  fileName: string;
  mediaType: string;
  language?: OcrLanguage | undefined;
  settings?: OcrSettings;
}

/** Whether OCR reads this kind of original: images of the three formats, and PDFs (when textless). */
export function ocrReads(mediaType: string): boolean {
  return mediaType === 'application/pdf' || ocrImageFormat(mediaType) !== null;
}

export const OCR_NOT_INSTALLED = 'OCR not installed (Debian package tesseract-ocr)';
const PDF_RENDERER_NOT_INSTALLED = 'OCR of PDFs not installed (Debian package poppler-utils)';
/** A4 at 300 dpi on its long side: what Tesseract reads best, and a bound on a page's pixels. */
const PAGE_PIXELS = 3508;

const seconds = (ms: number) => `${Math.round(ms / 100) / 10} s`;

export async function ocrOriginal(request: OcrRequest): Promise<OcrResult> {
  const settings = request.settings ?? DEFAULT_OCR_SETTINGS;
  const format = ocrImageFormat(request.mediaType);
  if (format) {
    const refused = checkImage(request, format, settings);
    if (refused) return refused;
  }
  const installed = await installedLanguages(settings);
  if (installed.length === 0) return { kind: 'no-text', reason: OCR_NOT_INSTALLED };
  if (request.language && !installed.includes(request.language))
    return { kind: 'no-text', reason: `OCR language pack for ${request.language} not installed` };
  const directory = await mkdtemp(join(tmpdir(), 'attest-ocr-'));
  try {
    const reader = pageReader(directory, installed, request, settings);
    if (format) {
      const path = join(directory, `original.${format}`);
      await writeFile(path, request.bytes, { mode: 0o600 });
      const page = await reader.readPage(path);
      return 'stopped' in page ? { kind: 'not-decoded', reason: page.stopped } : reader.result([page], 1, []);
    }
    return await readPdf(directory, request, settings, reader);
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

function checkImage(request: OcrRequest, format: OcrImageFormat, settings: OcrSettings): OcrResult | null {
  const size = imageSize(request.bytes, format);
  if (!size) throw corrupt(request.fileName, format);
  if (size.width * size.height > settings.maxMegapixels * 1_000_000) {
    return {
      kind: 'not-decoded',
      reason: `image larger than ${settings.maxMegapixels} megapixels (${size.width} × ${size.height} declared)`,
    };
  }
  return null;
}

const corrupt = (fileName: string, format: OcrImageFormat | 'pdf') =>
  new InvalidInput(
    fileName,
    `corrupt or unreadable ${format.toUpperCase()} ${format === 'pdf' ? 'file' : 'image'}`,
  );

let languagesOnThisMachine: OcrLanguage[] | null = null;

/**
 * The working languages whose Tesseract packs are installed. A found list is kept for the process;
 * none found is asked again next time, so installing Tesseract needs no restart.
 */
async function installedLanguages(settings: OcrSettings): Promise<OcrLanguage[]> {
  if (languagesOnThisMachine) return languagesOnThisMachine;
  const result = await runBounded('tesseract', ['--list-langs'], limitsOf(settings));
  if (result.kind !== 'exited' || result.code !== 0) return [];
  const packs = new Set(result.stdout.split('\n').map((line) => line.trim()));
  const installed = OCR_LANGUAGES.filter((language) => packs.has(tesseractPack(language)));
  if (installed.length > 0) languagesOnThisMachine = installed;
  return installed;
}

const limitsOf = (settings: OcrSettings) => ({
  timeoutMs: settings.pageTimeoutMs,
  memoryMb: settings.memoryMb,
});

/** Why a tool run stopped, as the "not decoded" reason; null when it ran to its end. */
function limitReason(result: ProcessResult, settings: OcrSettings): string | null {
  if (result.kind === 'time-limit') return `OCR time limit (${seconds(settings.pageTimeoutMs)} per page)`;
  if (result.kind === 'memory-limit') return `OCR memory limit (${settings.memoryMb} MB)`;
  return null;
}

interface PageText {
  text: string;
  confidence: WordConfidence;
}

function pageReader(directory: string, installed: OcrLanguage[], request: OcrRequest, settings: OcrSettings) {
  const format = ocrImageFormat(request.mediaType) ?? 'pdf';
  let language: OcrLanguage | null = request.language ?? null;

  const tesseract = async (image: string, packs: string): Promise<PageText | { stopped: string }> => {
    const output = join(directory, 'page');
    const result = await runBounded(
      'tesseract',
      [image, output, '-l', packs, '--psm', '3', 'txt', 'tsv'],
      limitsOf(settings),
    );
    const limit = limitReason(result, settings);
    if (limit) return { stopped: limit };
    if (result.kind === 'missing') return { stopped: OCR_NOT_INSTALLED };
    if (result.kind !== 'exited' || result.code !== 0) throw corrupt(request.fileName, format);
    const [text, tsv] = await Promise.all([
      readFile(`${output}.txt`, 'utf8'),
      readFile(`${output}.tsv`, 'utf8'),
    ]);
    return { text: tidy(text), confidence: wordConfidence(tsv) };
  };

  const readPage = async (image: string) => {
    if (language) return tesseract(image, tesseractPack(language));
    const first = await tesseract(image, installed.map(tesseractPack).join('+'));
    if ('stopped' in first) return first;
    const detected = detectLanguage(first.text);
    if (!isOcrLanguage(detected) || !installed.includes(detected)) return first;
    language = detected;
    return installed.length === 1 ? first : tesseract(image, tesseractPack(detected));
  };

  return {
    readPage,
    /** Everything read, as the result: `language` is known once the first page is read. */
    result(texts: PageText[], pages: number, warnings: string[]): OcrResult {
      // Blank pages join into blank lines, which are no text at all.
      const text = texts
        .map((page) => page.text)
        .join('\n\n')
        .trim();
      if (text === '') warnings.push('OCR found no text');
      return {
        kind: 'read',
        text,
        language,
        languageFrom: request.language ? 'user' : 'detected',
        confidence: combineConfidence(texts.map((page) => page.confidence)).meanConfidence,
        pagesRead: texts.length,
        pages,
        warnings,
      };
    },
  };
}

type PageReader = ReturnType<typeof pageReader>;

/** Tesseract ends each page with a form feed and may leave trailing spaces. */
function tidy(text: string): string {
  return text
    .replace(/\f/g, '\n')
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .trim();
}

async function readPdf(
  directory: string,
  request: OcrRequest,
  settings: OcrSettings,
  reader: PageReader,
): Promise<OcrResult> {
  const path = join(directory, 'original.pdf');
  await writeFile(path, request.bytes, { mode: 0o600 });
  const info = await runBounded('pdfinfo', [path], limitsOf(settings));
  if (info.kind === 'missing') return { kind: 'no-text', reason: PDF_RENDERER_NOT_INSTALLED };
  const limit = limitReason(info, settings);
  if (limit) return { kind: 'not-decoded', reason: limit };
  if (info.kind !== 'exited' || info.code !== 0) throw corrupt(request.fileName, 'pdf');
  const pages = Number(/^Pages:\s+(\d+)/m.exec(info.stdout)?.[1] ?? 0);
  if (pages === 0) throw corrupt(request.fileName, 'pdf');
  const toRead = Math.min(pages, settings.maxPages);
  const warnings =
    toRead < pages
      ? [`OCR read the first ${toRead} of ${pages} pages (ATTEST_OCR_MAX_PAGES); the rest have no text`]
      : [];
  // Page by page: one rendered page on disk at a time, however long the document.
  const texts: PageText[] = [];
  for (let page = 1; page <= toRead; page++) {
    const stopped = await renderPdfPageTo(path, page, join(directory, 'render'), PAGE_PIXELS, settings);
    const image = join(directory, 'render.png');
    const read = stopped ? { stopped } : await reader.readPage(image);
    await rm(image, { force: true });
    if ('stopped' in read) {
      if (texts.length === 0) return { kind: 'not-decoded', reason: read.stopped };
      warnings.push(`OCR stopped at page ${page} of ${pages}: ${read.stopped}`);
      break;
    }
    texts.push(read);
  }
  return reader.result(texts, pages, warnings);
}

/**
 * Renders one PDF page to `${base}.png`, grey, `pixels` on its long side (a page of any declared
 * size costs the same). Returns why it could not, or null.
 */
async function renderPdfPageTo(
  pdf: string,
  page: number,
  base: string,
  pixels: number,
  settings: OcrSettings,
): Promise<string | null> {
  const result = await runBounded(
    'pdftoppm',
    ['-f', `${page}`, '-l', `${page}`, '-singlefile', '-scale-to', `${pixels}`, '-gray', '-png', pdf, base],
    limitsOf(settings),
  );
  if (result.kind === 'missing') return PDF_RENDERER_NOT_INSTALLED;
  const limit = limitReason(result, settings);
  if (limit) return limit;
  if (result.kind !== 'exited' || result.code !== 0) return `page ${page} could not be rendered`;
  return null;
}

/**
 * One page of a preserved PDF as a PNG, for review beside its OCR text; null when the renderer is
 * not installed or the page does not exist.
 */
export async function pdfPageImage(
  bytes: Uint8Array,
  page: number,
  settings: OcrSettings = DEFAULT_OCR_SETTINGS,
): Promise<Uint8Array | null> {
  const directory = await mkdtemp(join(tmpdir(), 'attest-page-'));
  try {
    const path = join(directory, 'original.pdf');
    await writeFile(path, bytes, { mode: 0o600 });
    const failed = await renderPdfPageTo(path, page, join(directory, 'page'), 1600, settings);
    if (failed) return null;
    return new Uint8Array(await readFile(join(directory, 'page.png')));
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}
