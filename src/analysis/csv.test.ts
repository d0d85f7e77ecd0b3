import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidInput } from '../core/errors.ts';
import { escapeFormula, formatCsv, parseCsv } from './csv.ts';

describe('parseCsv', () => {
  it('reads quoted fields with commas, doubled quotes and newlines, with the line each row starts on', () => {
    const rows = parseCsv('id,name\n1,"Bakaev, Zelimkhan"\n2,"say ""hi"""\n3,"two\nlines"\n4,x\n');
    expect(rows.map((r) => r.cells)).toEqual([
      ['id', 'name'],
      ['1', 'Bakaev, Zelimkhan'],
      ['2', 'say "hi"'],
      ['3', 'two\nlines'],
      ['4', 'x'],
    ]);
    expect(rows.map((r) => r.line)).toEqual([1, 2, 3, 4, 6]);
  });

  it('accepts CRLF, a BOM, blank lines and no final newline', () => {
    const rows = parseCsv('\ufeffa,b\r\n\r\n1,2\r\n3,');
    expect(rows.map((r) => r.cells)).toEqual([
      ['a', 'b'],
      ['1', '2'],
      ['3', ''],
    ]);
    expect(rows.map((r) => r.line)).toEqual([1, 3, 4]);
  });

  it('names the line of a quote that is never closed', () => {
    expect(() => parseCsv('a\n"open\n', { source: 'f.csv' })).toThrow(InvalidInput);
    expect(() => parseCsv('a\n"open\n', { source: 'f.csv' })).toThrow(/f\.csv line 2/);
  });

  it('lets the caller choose how an error names the line', () => {
    expect(() => parseCsv('a\n"open\n', { locate: (line) => `row ${line}` })).toThrow(/^row 2: /);
  });

  it('keeps a quote inside an unquoted field, or rejects it when strictQuotes is set', () => {
    expect(parseCsv('a,b"c\n').map((r) => r.cells)).toEqual([['a', 'b"c']]);
    expect(parseCsv('"a" "b"\n').map((r) => r.cells)).toEqual([['a "b"']]);
    for (const text of ['a\nb,c"d\n', 'a\n"b" "c"\n']) {
      expect(() => parseCsv(text, { source: 'f.csv', strictQuotes: true })).toThrow(
        /^f\.csv line 2: a quote inside an unquoted field/,
      );
    }
    expect(parseCsv(' "a",b\n', { strictQuotes: true }).map((r) => r.cells)).toEqual([['a', 'b']]);
  });

  it('quotes a cell that starts or ends with a space, so a reader that trims keeps it', () => {
    expect(formatCsv([[' Grozny', 'Shali ', 'Argun']])).toBe('" Grozny","Shali ",Argun\n');
  });

  it('round-trips whatever formatCsv writes (property)', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'я', ',', '"', '\n', ' ', 'x') });
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 5 }),
        (rows) => {
          // A row of one empty cell is a blank line, which the parser skips by design.
          const width = rows[0]!.length;
          const table = rows.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ''));
          expect(parseCsv(formatCsv(table)).map((r) => r.cells)).toEqual(table);
          expect(parseCsv(formatCsv(table), { strictQuotes: true }).map((r) => r.cells)).toEqual(table);
        },
      ),
    );
  });
});

describe('escapeFormula', () => {
  it('prefixes what a spreadsheet would run as a formula, and nothing else', () => {
    for (const cell of ['=1+1', '+7 928', '-5', '@SUM(A1)', '\t=cmd', '\r=cmd'])
      expect(escapeFormula(cell)).toBe(`'${cell}`);
    for (const cell of ['Grozny', '', ' =not first', "'already"]) expect(escapeFormula(cell)).toBe(cell);
  });

  it('applies to every cell of a CSV meant for spreadsheets, before quoting', () => {
    expect(formatCsv([['=HYPERLINK("http://x","y")', 'ok']], { spreadsheet: true })).toBe(
      `"'=HYPERLINK(""http://x"",""y"")",ok\n`,
    );
    expect(formatCsv([['=1+1']])).toBe('=1+1\n');
  });
});
