import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { makeDocx } from '../../test/support/docx.ts';
import { makePdf } from '../../test/support/pdf.ts';
import { makeZip } from '../../test/support/zip.ts';
import { InvalidInput } from '../core/errors.ts';
import { decodeDocument, docxMediaType } from './decodeDocument.ts';

const utf8 = (text: string): Uint8Array => new Uint8Array(Buffer.from(text, 'utf8'));
const russian = 'Задержаны более ста мужчин в Чечне. Правозащитники требуют расследования.';

async function failureOf(promise: Promise<unknown>): Promise<InvalidInput> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(InvalidInput);
  return error as InvalidInput;
}

describe('decodeDocument', () => {
  it('decodes plain text, keeping it as decoded', async () => {
    expect(await decodeDocument(utf8('Detenidos en Chechenia\r\n'), 'nota.txt')).toEqual({
      text: 'Detenidos en Chechenia\r\n',
      mediaType: 'text/plain',
      encoding: 'utf-8',
      title: null,
      warnings: [],
    });
  });

  it('extracts an HTML page in windows-1251, honouring its meta charset', async () => {
    const page = `<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251">
      <title>Чечня</title></head><body><nav>Главная</nav><p>${russian}</p><p>Второй абзац.</p></body></html>`;
    expect(await decodeDocument(new Uint8Array(iconv.encode(page, 'windows-1251')), 'page.htm')).toEqual({
      text: `${russian}\n\nВторой абзац.`,
      mediaType: 'text/html',
      encoding: 'windows-1251',
      title: 'Чечня',
      // The page states no publication date of its own.
      published: null,
      warnings: [],
    });
  });

  it('recognises HTML by its content when the name says nothing', async () => {
    const result = await decodeDocument(
      utf8('<!DOCTYPE html><html><body><p>Détenus en Tchétchénie</p></body></html>'),
      'download',
    );
    expect(result.mediaType).toBe('text/html');
    expect(result.text).toBe('Détenus en Tchétchénie');
  });

  it('reads HTML saved as UTF-16 with a BOM', async () => {
    const bytes = new Uint8Array([
      0xff,
      0xfe,
      ...Buffer.from('<html><body><p>Детенус</p></body></html>', 'utf16le'),
    ]);
    expect(await decodeDocument(bytes, 'p.html')).toMatchObject({
      text: 'Детенус',
      encoding: 'utf-16le',
      mediaType: 'text/html',
    });
  });

  it('trusts a .txt name over HTML-looking content', async () => {
    expect((await decodeDocument(utf8('<p>source code</p>'), 'snippet.txt')).text).toBe('<p>source code</p>');
  });

  it('returns PDF text and metadata title', async () => {
    expect(
      await decodeDocument(
        makePdf({ pages: [['Cinco ativistas foram presos em Moscou']], title: 'Relatório' }),
        'r.pdf',
      ),
    ).toEqual({
      text: 'Cinco ativistas foram presos em Moscou',
      mediaType: 'application/pdf',
      encoding: null,
      title: 'Relatório',
      warnings: [],
    });
  });

  it('returns DOCX text and title', async () => {
    expect(
      await decodeDocument(makeDocx({ paragraphs: ['Задержаны', 'в Чечне'], title: 'Отчёт' }), 'o.docx'),
    ).toEqual({
      text: 'Задержаны\n\nв Чечне',
      mediaType: docxMediaType,
      encoding: null,
      title: 'Отчёт',
      warnings: [],
    });
  });

  it('accepts media files with no text and a warning', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
    expect(await decodeDocument(png, 'photo')).toEqual({
      text: '',
      mediaType: 'image/png',
      encoding: null,
      title: null,
      warnings: ['no text extracted from image/png'],
    });
    expect(
      (await decodeDocument(utf8('<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>'), 'logo'))
        .mediaType,
    ).toBe('image/svg+xml');
  });

  describe('bad input', () => {
    it('refuses an empty file', async () => {
      expect((await failureOf(decodeDocument(new Uint8Array(), 'a.txt'))).message).toBe(
        'a.txt: empty file (0 bytes)',
      );
    });

    it('refuses binary content of unknown type', async () => {
      const garbage = new Uint8Array(4096).map((_, i) => (i * 7919 + 13) % 251);
      expect((await failureOf(decodeDocument(garbage, 'blob'))).message).toBe(
        'blob: binary content of unknown type: not a text, HTML, PDF, DOCX or media file',
      );
      const spreadsheet = makeZip([{ name: 'xl/workbook.xml', data: '<workbook/>' }]);
      expect((await failureOf(decodeDocument(spreadsheet, 'list.xlsx'))).reason).toMatch(
        /^binary content of unknown type/,
      );
    });

    it('names the file and format of a corrupt PDF or DOCX, never their content', async () => {
      const pdf = makePdf({ pages: [['Secret witness name']] });
      const truncatedPdf = pdf.subarray(0, 60);
      expect((await failureOf(decodeDocument(truncatedPdf, 'r.pdf'))).message).toBe(
        'r.pdf: corrupt or unreadable PDF',
      );
      const docx = makeDocx({ paragraphs: ['Secret witness name'] });
      const error = await failureOf(decodeDocument(docx.subarray(0, docx.length - 30), 'w.docx'));
      expect(error.message).toBe('w.docx: corrupt or unreadable DOCX');
    });

    it('refuses text that no supported encoding explains', async () => {
      const lyingBom = new Uint8Array([0xef, 0xbb, 0xbf, ...iconv.encode(russian, 'koi8-r')]);
      expect((await failureOf(decodeDocument(lyingBom, 'k.txt'))).message).toMatch(
        /^k\.txt: text cannot be decoded in any supported encoding/,
      );
    });
  });

  describe('properties', () => {
    const names = fc.constantFrom('x', 'a.txt', 'a.html', 'a.pdf', 'a.docx', 'a.jpg', 'a.xlsx');
    const reasons =
      /^(empty file|binary content of unknown type|text cannot be decoded|corrupt or unreadable (PDF|DOCX)|PDF is password-protected)/;

    it('never crashes on random bytes: a result or InvalidInput naming the file', async () => {
      const prefixes = fc.constantFrom(
        [],
        [0x25, 0x50, 0x44, 0x46, 0x2d],
        [0x50, 0x4b, 3, 4],
        [0xff, 0xfe],
        [0xef, 0xbb, 0xbf],
      );
      await fc.assert(
        fc.asyncProperty(prefixes, fc.uint8Array({ maxLength: 600 }), names, async (prefix, body, name) => {
          try {
            const result = await decodeDocument(new Uint8Array([...prefix, ...body]), name);
            expect(typeof result.text).toBe('string');
          } catch (error) {
            expect(error).toBeInstanceOf(InvalidInput);
            expect((error as InvalidInput).field).toBe(name);
            expect((error as InvalidInput).reason).toMatch(reasons);
          }
        }),
        { numRuns: 300 },
      );
    });

    it.each([
      ['utf-8', [0xef, 0xbb, 0xbf], (s: string) => Buffer.from(s, 'utf8')],
      ['utf-16le', [0xff, 0xfe], (s: string) => Buffer.from(s, 'utf16le')],
      ['utf-16be', [0xfe, 0xff], (s: string) => Buffer.from(s, 'utf16le').swap16()],
    ])(
      'decodes any string encoded as %s with a BOM back to itself, less NUL',
      async (encoding, bom, encode) => {
        await fc.assert(
          fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 300 }), async (text) => {
            const result = await decodeDocument(new Uint8Array([...bom, ...encode(text)]), 'a.txt');
            expect(result.text).toBe(text.replaceAll('\u0000', ''));
            expect(result.encoding).toBe(encoding);
          }),
          { numRuns: 300 },
        );
      },
    );
  });
});
