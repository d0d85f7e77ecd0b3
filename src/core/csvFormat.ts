/**
 * The project's one CSV writer and its formula escaping, in core so the server (exports, analysis
 * commands: src/analysis/csv.ts re-exports them) and the web app (the statistics page's downloads)
 * write the same CSV.
 */

/**
 * A spreadsheet (Excel, LibreOffice, Google Sheets) opening a CSV or XLSX cell runs one that starts
 * with = + - @ (or a tab or carriage return before one) as a formula: a hostile source text could
 * make a partner's spreadsheet fetch a URL with the neighbouring cells in it. Such cells get a
 * leading apostrophe (OWASP's advice), in every file meant for spreadsheets; JSON keeps values exact.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** The cell as a spreadsheet should show it: a would-be formula prefixed with an apostrophe. */
export function escapeFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export interface FormatCsvOptions {
  /** The file goes to spreadsheets: escape every cell that would run as a formula. */
  spreadsheet?: boolean;
}

/**
 * Formats rows as RFC 4180 CSV (LF line ends): the project's one CSV writer. A cell is quoted when
 * it holds a quote, comma or line break, or starts or ends with a space (which a reader that trims,
 * like the FEBRL one, would otherwise lose). With `spreadsheet`, would-be formulas are escaped
 * (`escapeFormula`) before quoting.
 */
export function formatCsv(rows: string[][], options: FormatCsvOptions = {}): string {
  const cell = (raw: string) => {
    const value = options.spreadsheet ? escapeFormula(raw) : raw;
    return /[",\r\n]/.test(value) || value.trim() !== value ? `"${value.replace(/"/g, '""')}"` : value;
  };
  return rows.map((row) => row.map(cell).join(',')).join('\n') + (rows.length > 0 ? '\n' : '');
}
