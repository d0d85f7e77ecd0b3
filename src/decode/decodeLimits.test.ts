import { describe, expect, it } from 'vitest';
import { makeDocx } from '../../test/support/docx.ts';
import {
  makeDocxBomb,
  makeManyPagePdf,
  makeNestedHtml,
  withLyingZipSizes,
} from '../../test/support/hostileFiles.ts';
import { makePdf } from '../../test/support/pdf.ts';
import { makeZip } from '../../test/support/zip.ts';
import { decodeDocument } from './decodeDocument.ts';
import { DEFAULT_DECODE_LIMITS, DecodeLimitExceeded, type DecodeLimits } from './decodeLimits.ts';

const limits = (overrides: Partial<DecodeLimits>): DecodeLimits => ({
  ...DEFAULT_DECODE_LIMITS,
  ...overrides,
});

async function overLimit(bytes: Uint8Array, name: string, set: Partial<DecodeLimits> = {}): Promise<string> {
  const error = await decodeDocument(bytes, name, limits(set)).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DecodeLimitExceeded);
  return (error as DecodeLimitExceeded).reason;
}

describe('decode limits', () => {
  it('refuses a DOCX that inflates past the limit, before mammoth opens it', async () => {
    const bomb = makeDocxBomb(3 * 1024 * 1024);
    expect(bomb.length).toBeLessThan(10_000);
    expect(await overLimit(bomb, 'b.docx', { maxUnzippedBytes: 2 * 1024 * 1024 })).toBe(
      'ZIP archive inflates to more than 2 MB',
    );
  });

  it('counts the bytes really inflated, not the sizes the archive declares', async () => {
    const liar = withLyingZipSizes(makeDocxBomb(3 * 1024 * 1024), 10);
    expect(await overLimit(liar, 'b.docx', { maxUnzippedBytes: 2 * 1024 * 1024 })).toBe(
      'ZIP archive inflates to more than 2 MB',
    );
  });

  it('refuses a suspicious compression ratio and too many entries', async () => {
    expect(await overLimit(makeDocxBomb(3 * 1024 * 1024), 'b.docx', { maxCompressionRatio: 50 })).toBe(
      'ZIP archive compressed more than 50:1',
    );
    const crowded = makeZip([
      ...Array.from({ length: 30 }, (_, i) => ({ name: `word/media/${i}.xml`, data: '<x/>' })),
      { name: 'word/document.xml', data: '<w:document/>' },
    ]);
    expect(await overLimit(crowded, 'c.docx', { maxZipEntries: 20 })).toBe(
      'ZIP archive has more than 20 entries',
    );
  });

  it('still reads an honest DOCX under the default limits', async () => {
    expect((await decodeDocument(makeDocx({ paragraphs: ['Задержаны'] }), 'o.docx')).text).toBe('Задержаны');
  });

  it('refuses a PDF with more pages than the limit, and reads one within it', async () => {
    expect(await overLimit(makeManyPagePdf(50), 'p.pdf', { maxPdfPages: 40 })).toBe(
      'PDF has more than 40 pages',
    );
    const within = await decodeDocument(makeManyPagePdf(3), 'p.pdf', limits({ maxPdfPages: 3 }));
    expect(within.text.split('\n\n')).toEqual(Array(3).fill('Page of a very long report'));
  });

  it('refuses HTML nested deeper or with more elements than the limits, before building a DOM', async () => {
    expect(await overLimit(makeNestedHtml(2_000_000), 'h.html')).toBe(
      'HTML nests deeper than 10000 elements',
    );
    const wide = new TextEncoder().encode(`<html><body>${'<span>x</span>'.repeat(500)}</body></html>`);
    expect(await overLimit(wide, 'w.html', { maxHtmlElements: 400 })).toBe('HTML has more than 400 elements');
  });

  it('does not count elements a page may leave open, nor tags inside scripts and comments', async () => {
    const sloppy = `<html><body>${'<p>para<li>item<br>'.repeat(300)}<script>${'<b>'.repeat(300)}</script><!--${'<i>'.repeat(300)}--></body></html>`;
    const decoded = await decodeDocument(
      new TextEncoder().encode(sloppy),
      's.html',
      limits({ maxHtmlDepth: 10 }),
    );
    expect(decoded.text).toContain('para');
  });

  it('refuses extracted text longer than the limit', async () => {
    expect(
      await overLimit(new TextEncoder().encode('word '.repeat(300)), 'a.txt', { maxTextChars: 1000 }),
    ).toBe('text longer than 1000 characters');
    const pdf = makePdf({ pages: [['x'.repeat(60)], ['y'.repeat(60)]] });
    expect(await overLimit(pdf, 'a.pdf', { maxTextChars: 100 })).toBe('text longer than 100 characters');
  });
});

describe('characters the database refuses', () => {
  it('removes NUL from UTF-16 text, with a warning', async () => {
    const bytes = new Uint8Array([0xff, 0xfe, ...Buffer.from('Detenidos\u0000 en Chechenia', 'utf16le')]);
    const decoded = await decodeDocument(bytes, 'n.txt');
    expect(decoded.text).toBe('Detenidos en Chechenia');
    expect(decoded.warnings).toEqual(['1 NUL character(s) removed']);
  });

  it('removes NUL from a PDF title', async () => {
    const decoded = await decodeDocument(
      makePdf({ pages: [['Relatorio']], title: 'Rela\u0000torio' }),
      'r.pdf',
    );
    expect(decoded.title).toBe('Relatorio');
    expect(decoded.warnings).toEqual(['1 NUL character(s) removed']);
  });

  it('replaces an unpaired surrogate an HTML entity made', async () => {
    const decoded = await decodeDocument(new TextEncoder().encode('<p>a &#xD800; b</p>'), 'e.html');
    expect(decoded.text).not.toMatch(/[\uD800-\uDFFF]/);
  });
});
