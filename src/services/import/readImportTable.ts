/**
 * A CSV or XLSX file as a table of text cells, each row with the number a person sees in a
 * spreadsheet (the header is row 1). Limits come first: the file's size, then for XLSX — a ZIP
 * archive — the zip-bomb checks the decoders use (entries, inflated bytes, compression ratio), all
 * before the spreadsheet library inflates anything; then the row count.
 */
import type { SheetData } from 'read-excel-file/node';
import { parseCsv } from '../../analysis/csv.ts';
import { InvalidInput } from '../../core/errors.ts';
import { DecodeLimitExceeded } from '../../decode/decodeLimits.ts';
import { checkZipWithinLimits, isZip, listZipEntries } from '../../decode/zipEntries.ts';

export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 10_000;
/** An honest workbook of 10,000 rows inflates to a few tens of MB of XML. */
export const XLSX_LIMITS = {
  maxZipEntries: 1_000,
  maxUnzippedBytes: 200 * 1024 * 1024,
  maxCompressionRatio: 200,
};

export interface ImportTable {
  headers: string[];
  rows: Array<{ row: number; cells: string[] }>;
}

export type ImportFileKind = 'csv' | 'xlsx';

export function importFileKind(fileName: string, bytes: Uint8Array): ImportFileKind {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.xlsx')) return 'xlsx';
  if (lower.endsWith('.csv') || lower.endsWith('.txt')) {
    if (isZip(bytes)) throw new InvalidInput(fileName, 'is a ZIP archive, not CSV text (an .xlsx renamed?)');
    return 'csv';
  }
  if (lower.endsWith('.xls'))
    throw new InvalidInput(
      fileName,
      'the old Excel format (.xls) is not read: save it as .xlsx or CSV (UTF-8)',
    );
  throw new InvalidInput(fileName, 'expected a .csv or .xlsx file');
}

export async function readImportTable(
  fileName: string,
  bytes: Uint8Array,
  options: { sheet?: string | null } = {},
): Promise<ImportTable> {
  if (bytes.byteLength === 0) throw new InvalidInput(fileName, 'empty file (0 bytes)');
  if (bytes.byteLength > MAX_IMPORT_BYTES)
    throw new InvalidInput(
      fileName,
      `file too large (${(bytes.byteLength / 1024 / 1024).toFixed(1)} MB; an import takes at most ${MAX_IMPORT_BYTES / 1024 / 1024} MB: split the file)`,
    );
  const kind = importFileKind(fileName, bytes);
  const grid =
    kind === 'csv' ? csvGrid(fileName, bytes) : await xlsxGrid(fileName, bytes, options.sheet ?? null);
  const [header, ...rows] = grid;
  if (!header || header.cells.every((cell) => cell.trim() === ''))
    throw new InvalidInput(fileName, 'has no header row (the first row must name the columns)');
  const data = rows.filter((row) => row.cells.some((cell) => cell.trim() !== ''));
  if (data.length === 0) throw new InvalidInput(fileName, 'has a header row but no rows of data');
  if (data.length > MAX_IMPORT_ROWS)
    throw new InvalidInput(
      fileName,
      `has ${data.length} rows; an import takes at most ${MAX_IMPORT_ROWS}: split the file`,
    );
  return { headers: header.cells.map((cell) => cell.trim()), rows: data };
}

function csvGrid(fileName: string, bytes: Uint8Array): Array<{ row: number; cells: string[] }> {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new InvalidInput(fileName, 'is not UTF-8 text: save it as "CSV UTF-8"');
  }
  // Spreadsheets in many European locales write ';' between cells: the header says which.
  const firstLine = text.slice(0, text.search(/\r|\n/) === -1 ? text.length : text.search(/\r|\n/));
  const delimiter = count(firstLine, ';') > count(firstLine, ',') ? ';' : ',';
  return parseCsv(text, { source: fileName, delimiter, locate: (line) => `${fileName} line ${line}` }).map(
    (row) => ({ row: row.line, cells: row.cells }),
  );
}

const count = (text: string, ch: string) => text.split(ch).length - 1;

async function xlsxGrid(
  fileName: string,
  bytes: Uint8Array,
  sheet: string | null,
): Promise<Array<{ row: number; cells: string[] }>> {
  const entries = isZip(bytes) ? listZipEntries(bytes) : null;
  if (!entries) throw new InvalidInput(fileName, 'is not a readable .xlsx workbook (not a ZIP archive)');
  try {
    checkZipWithinLimits(bytes, entries, XLSX_LIMITS);
  } catch (error) {
    if (error instanceof DecodeLimitExceeded) throw new InvalidInput(fileName, `refused: ${error.reason}`);
    throw error;
  }
  let data: SheetData;
  // Loaded on the first workbook imported.
  const { readSheet } = await import('read-excel-file/node');
  try {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    data = sheet === null ? await readSheet(buffer) : await readSheet(buffer, sheet);
  } catch (error) {
    const why =
      error instanceof Error && error.name === 'SheetNotFoundError'
        ? `has no sheet named "${sheet}"`
        : 'is not a readable .xlsx workbook';
    throw new InvalidInput(fileName, why);
  }
  return data.map((cells, index) => ({ row: index + 1, cells: cells.map(cellText) }));
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : value.toISOString().slice(0, 10);
  return String(value);
}
