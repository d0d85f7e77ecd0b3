/**
 * Reads the records to link from CSV text (pure: the CLI reads the file). Checks what linkage cannot
 * work without and names the row and column when it fails: a header, an id column, unique ids, and
 * rows as wide as the header (a ragged row usually means an unquoted comma inside a name or address,
 * which would silently shift every later field).
 */
import { InvalidInput } from '../../core/errors.ts';
import { parseCsv } from '../csv.ts';
import { assignColumnRoles, type ColumnRole, canonicalHeader } from './columnRoles.ts';

export interface InputRecord {
  id: string;
  /** 1-based line in the file where the row starts. */
  line: number;
  /** Trimmed cell values, aligned with `RecordsTable.columns`. */
  values: string[];
}

export interface RecordsTable {
  columns: string[];
  roles: ColumnRole[];
  idColumn: string;
  records: InputRecord[];
}

export interface ParseRecordsOptions {
  /** Name of the id column; default: a column named id, rec_id or rec-id. */
  idColumn?: string;
  roles?: Record<string, ColumnRole>;
  /** File name for error messages. */
  source?: string;
}

export function parseRecordsCsv(text: string, options: ParseRecordsOptions = {}): RecordsTable {
  const source = options.source ?? 'records';
  const rows = parseCsv(text, { source });
  const header = rows[0];
  if (!header) throw new InvalidInput(source, 'the file is empty (no header row)');
  // FEBRL and many hand-made exports put a space after each comma: values are trimmed.
  const columns = header.cells.map((cell) => cell.trim());
  const seen = new Set<string>();
  columns.forEach((column, index) => {
    if (column === '')
      throw new InvalidInput(`${source} line ${header.line}`, `column ${index + 1} has no name`);
    if (seen.has(column))
      throw new InvalidInput(`${source} line ${header.line}`, `column ${column} appears twice`);
    seen.add(column);
  });

  const idIndex = findIdColumn(columns, options.idColumn, source);
  const idColumn = columns[idIndex]!;
  const roles = assignColumnRoles(columns, { ...options.roles, [idColumn]: 'id' });
  // Another column that merely looks like an id must not be compared as a name or address.
  roles.forEach((role, index) => {
    if (role === 'id' && index !== idIndex) roles[index] = 'ignore';
  });

  const records: InputRecord[] = [];
  const lineOfId = new Map<string, number>();
  for (const row of rows.slice(1)) {
    if (row.cells.length !== columns.length) {
      throw new InvalidInput(
        `${source} line ${row.line}`,
        `has ${row.cells.length} fields but the header has ${columns.length}`,
      );
    }
    const values = row.cells.map((cell) => cell.trim());
    const id = values[idIndex]!;
    if (id === '') throw new InvalidInput(`${source} line ${row.line} column ${idColumn}`, 'the id is empty');
    const first = lineOfId.get(id);
    if (first !== undefined) {
      throw new InvalidInput(
        `${source} line ${row.line} column ${idColumn}`,
        `duplicate id (first used on line ${first})`,
      );
    }
    lineOfId.set(id, row.line);
    records.push({ id, line: row.line, values });
  }
  if (records.length === 0) throw new InvalidInput(source, 'the file has a header but no records');
  return { columns, roles, idColumn, records };
}

function findIdColumn(columns: string[], wanted: string | undefined, source: string): number {
  if (wanted !== undefined) {
    const index = columns.indexOf(wanted);
    if (index < 0) throw new InvalidInput(`${source} header`, `no column named ${wanted} (from --id)`);
    return index;
  }
  const index = columns.findIndex((column) => ['id', 'rec_id'].includes(canonicalHeader(column)));
  if (index < 0) {
    throw new InvalidInput(`${source} header`, 'no id column (name one with --id, or call it id or rec_id)');
  }
  return index;
}
