/**
 * How an export reaches the disk: tables formatted as CSV or JSON, every file hashed for the manifest,
 * and the whole directory written beside the target and renamed into place at the end, so a reader
 * (or a sync tool) never sees half an export and a failure leaves nothing behind.
 */
import { createHash } from 'node:crypto';
import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { escapeFormula, formatCsv } from '../../analysis/csv.ts';
import { Conflict, InvalidInput } from '../../core/errors.ts';
import type { ExportTable, JsonValue } from './presenters.ts';

export interface ExportFile {
  /** Relative to the export directory, '/'-separated. */
  path: string;
  bytes: Uint8Array;
}

const utf8 = (text: string) => new TextEncoder().encode(text);

export const sha256Of = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

function cellText(value: JsonValue): string {
  if (value === null) return '';
  // Lists and objects (tags, perpetrators, contacts) as JSON: unambiguous, whatever they contain.
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** A table as a CSV file; cells a spreadsheet would run as formulas are escaped (analysis/csv.ts). */
export function formatTable(table: ExportTable, format: 'csv' | 'json'): ExportFile {
  if (format === 'json') {
    return { path: `${table.name}.json`, bytes: utf8(`${JSON.stringify(table.rows, null, 2)}\n`) };
  }
  const rows = [
    [...table.columns],
    ...table.rows.map((row) => table.columns.map((column) => cellText(row[column] ?? null))),
  ];
  return { path: `${table.name}.csv`, bytes: utf8(formatCsv(rows, { spreadsheet: true })) };
}

/**
 * Tables as one workbook, a sheet per table. Numbers and booleans stay typed; text cells, lists and
 * objects are strings with would-be formulas escaped exactly as in CSV (`escapeFormula`): a sheet
 * copied into another or saved as CSV must not turn a hostile text into a formula.
 */
export async function formatWorkbook(tables: readonly ExportTable[], path: string): Promise<ExportFile> {
  const sheets = tables.map((table) => ({
    sheet: table.name.slice(0, 31),
    data: [
      table.columns.map((column) => ({ value: column, fontWeight: 'bold' as const })),
      ...table.rows.map((row) =>
        table.columns.map((column) => {
          const value = row[column] ?? null;
          if (value === null) return null;
          if (typeof value === 'number' || typeof value === 'boolean') return { value };
          return { value: escapeFormula(cellText(value)), type: String };
        }),
      ),
    ],
  }));
  const { default: writeXlsxFile } = await import('write-excel-file/node');
  const buffer = await writeXlsxFile(sheets).toBuffer();
  return { path, bytes: new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength) };
}

/** Refuses a target that exists and is not an empty directory, naming it. */
export function checkExportTarget(target: string): void {
  if (!existsSync(target)) return;
  if (!statSync(target).isDirectory()) throw new InvalidInput(target, 'exists and is not a directory');
  if (readdirSync(target).length > 0)
    throw new Conflict(`${target} exists and is not empty; choose a new directory for the export`);
}

function writeDurably(path: string, bytes: Uint8Array): void {
  const fd = openSync(path, 'wx', 0o600);
  try {
    let written = 0;
    while (written < bytes.byteLength) written += writeSync(fd, bytes, written);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Writes `files` into a new private directory beside `target` (same file system, so the rename is
 * atomic), then renames it onto `target` — which rename(2) allows only if `target` is absent or an
 * empty directory, so a directory filled meanwhile is never overwritten. Calls `beforeRename` once
 * every file is on disk (the audit entry). Any failure removes the temporary directory.
 */
export async function writeExportDirectory(
  target: string,
  files: readonly ExportFile[],
  beforeRename: () => Promise<void>,
): Promise<void> {
  checkExportTarget(target);
  const parent = dirname(target);
  mkdirSync(parent, { recursive: true });
  // mkdtemp creates the directory 0700: an export in progress is readable by its owner only.
  const temporary = mkdtempSync(join(parent, `.${basename(target)}.export-`));
  try {
    for (const file of files) {
      const path = join(temporary, ...file.path.split('/'));
      mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
      writeDurably(path, file.bytes);
    }
    await beforeRename();
    try {
      renameSync(temporary, target);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOTEMPTY' || code === 'EEXIST' || code === 'ENOTDIR')
        throw new Conflict(`${target} was filled while the export ran; nothing was written there`);
      throw error;
    }
  } catch (error) {
    rmSync(temporary, { recursive: true, force: true });
    throw error;
  }
}
