/**
 * The project's one CSV reader and writer (analysis commands, exports). A small RFC 4180 parser:
 * pure, it takes the file's text and returns rows with the 1-based line on which each row starts,
 * so that error messages can name the row a person would find in a spreadsheet or editor.
 *
 * Accepted beyond the RFC, because real exports do it: LF or CR line ends, a UTF-8 byte-order mark,
 * a missing final newline. Fields are returned exactly as written (no trimming): whether spaces
 * after a comma matter is the caller's decision (the FEBRL files put one before every value).
 */
import { InvalidInput } from '../core/errors.ts';

export interface CsvRow {
  /** 1-based line number where the row starts in the file. */
  line: number;
  cells: string[];
}

export interface ParseCsvOptions {
  /** Name used in error messages, e.g. the file name. */
  source?: string;
  delimiter?: string;
  /**
   * How an error names the line it is about; default `<source> line <n>`. The capture-history reader
   * says `row <n>`, the word its users see in the spreadsheet the file came from.
   */
  locate?: (line: number) => string;
  /**
   * Reject a quote inside an unquoted field (RFC 4180 forbids it) instead of keeping it as a
   * character. For files where a stray quote more likely means a broken export than a real value.
   */
  strictQuotes?: boolean;
}

/** Parses CSV text into rows. Blank lines are skipped; an unterminated quote is InvalidInput. */
export function parseCsv(text: string, options: ParseCsvOptions = {}): CsvRow[] {
  const source = options.source ?? 'csv';
  const delimiter = options.delimiter ?? ',';
  const locate = options.locate ?? ((at: number) => `${source} line ${at}`);
  const rows: CsvRow[] = [];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  let line = 1;
  let rowLine = 1;
  let cells: string[] = [];
  let field = '';
  // Whether the current row has consumed anything (so a blank line is not a row of one empty cell).
  let rowStarted = false;
  // Whether the current field already had a quoted part (a second opening quote is then literal).
  let fieldQuoted = false;

  const endRow = (): void => {
    cells.push(field);
    if (rowStarted) rows.push({ line: rowLine, cells });
    cells = [];
    field = '';
    rowStarted = false;
    fieldQuoted = false;
  };

  while (i < text.length) {
    const ch = text[i]!;
    if (ch === '"' && !fieldQuoted && field.trim() === '') {
      // Quoted field: runs to the next lone quote; "" is a literal quote; newlines are kept.
      const quoteLine = line;
      rowStarted = true;
      fieldQuoted = true;
      field = '';
      i++;
      let closed = false;
      while (i < text.length) {
        const c = text[i]!;
        if (c === '"') {
          if (text[i + 1] === '"') {
            field += '"';
            i += 2;
            continue;
          }
          closed = true;
          i++;
          break;
        }
        if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) line++;
        field += c;
        i++;
      }
      if (!closed) throw new InvalidInput(locate(quoteLine), 'quoted field is never closed');
      continue;
    }
    if (ch === '"' && options.strictQuotes) {
      throw new InvalidInput(
        locate(line),
        'a quote inside an unquoted field (RFC 4180: quote the whole field)',
      );
    }
    if (ch === delimiter) {
      cells.push(field);
      field = '';
      fieldQuoted = false;
      rowStarted = true;
      i++;
      continue;
    }
    if (ch === '\r' || ch === '\n') {
      endRow();
      i += ch === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line++;
      rowLine = line;
      continue;
    }
    field += ch;
    rowStarted = true;
    i++;
  }
  if (rowStarted) endRow();
  return rows;
}

// The writer lives in core (the web app builds its CSV downloads with it); re-exported here.
export { escapeFormula, type FormatCsvOptions, formatCsv } from '../core/csvFormat.ts';
