/**
 * A small RFC 4180 reader: comma-separated fields, CRLF or LF line ends, fields in double quotes may
 * hold commas, line breaks and doubled quotes (""). Each record keeps the line it starts on, so
 * errors can name the row as a spreadsheet shows it (the header is row 1). A leading UTF-8 byte
 * order mark is dropped; blank lines are skipped.
 */
import { InvalidInput } from '../../core/errors.ts';

export interface CsvRecord {
  /** 1-based line on which the record starts. */
  line: number;
  fields: string[];
}

export function readCsvRows(text: string): CsvRecord[] {
  const source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let recordLine = 1;
  let quoted = false;
  let fieldWasQuoted = false;
  let i = 0;

  const endRecord = (): void => {
    fields.push(field);
    const blank = fields.length === 1 && fields[0] === '' && !fieldWasQuoted;
    if (!blank) records.push({ line: recordLine, fields });
    fields = [];
    field = '';
    fieldWasQuoted = false;
  };

  while (i < source.length) {
    const char = source[i]!;
    if (quoted) {
      if (char === '"') {
        if (source[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i += 1;
        continue;
      }
      if (char === '\n') line += 1;
      field += char;
      i += 1;
      continue;
    }
    if (char === '"') {
      if (field.trim() !== '') {
        throw new InvalidInput(
          `row ${line}`,
          'a quote inside an unquoted field (RFC 4180: quote the whole field)',
        );
      }
      field = '';
      quoted = true;
      fieldWasQuoted = true;
      i += 1;
      continue;
    }
    if (char === ',') {
      fields.push(field);
      field = '';
      i += 1;
      continue;
    }
    if (char === '\r' || char === '\n') {
      endRecord();
      i += char === '\r' && source[i + 1] === '\n' ? 2 : 1;
      line += 1;
      recordLine = line;
      continue;
    }
    field += char;
    i += 1;
  }
  if (quoted) throw new InvalidInput(`row ${recordLine}`, 'a quoted field is never closed');
  if (field !== '' || fields.length > 0 || fieldWasQuoted) endRecord();
  return records;
}
