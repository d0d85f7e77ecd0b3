/**
 * Test fixture helpers: files any source could send an organisation to take its server down, built
 * cheaply in memory. Each is small on disk and enormous once opened.
 */
import { makeDocxFromBody } from './docx.ts';

/** A valid DOCX whose one paragraph inflates to `inflatedBytes` (the full form is 100 MB from ~100 KB). */
export function makeDocxBomb(inflatedBytes: number): Uint8Array {
  const paragraph = Buffer.concat([
    Buffer.from('<w:p><w:r><w:t>'),
    Buffer.alloc(inflatedBytes, 'A'),
    Buffer.from('</w:t></w:r></w:p>'),
  ]);
  return makeDocxFromBody(paragraph);
}

/** The same archive, its directory claiming every entry inflates to `declared` bytes: sizes can lie. */
export function withLyingZipSizes(zip: Uint8Array, declared: number): Uint8Array {
  const bytes = zip.slice();
  const view = new DataView(bytes.buffer);
  for (let at = 0; at + 46 <= bytes.length; at++) {
    if (view.getUint32(at, true) === 0x02014b50) view.setUint32(at + 24, declared, true);
  }
  return bytes;
}

/**
 * A valid PDF of `pageCount` pages that all share one content stream: 200,000 pages cost ~13 MB,
 * as in the reported attack, and every page has a line of text — or, with `{ blank: true }`, none
 * (a long scan whose pages OCR would have to read).
 */
export function makeManyPagePdf(pageCount: number, options: { blank?: boolean } = {}): Uint8Array {
  const stream = options.blank ? '' : 'BT /F1 12 Tf 72 720 Td (Page of a very long report) Tj ET';
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Count ${pageCount} /Kids [${Array.from({ length: pageCount }, (_, i) => `${i + 5} 0 R`).join(' ')}] >>`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`,
  ];
  const page =
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 3 0 R >> >> /Contents 4 0 R >>';
  const parts: string[] = ['%PDF-1.4\n'];
  const offsets: number[] = [];
  let length = parts[0]!.length;
  const add = (id: number, body: string) => {
    offsets[id] = length;
    const text = `${id} 0 obj\n${body}\nendobj\n`;
    parts.push(text);
    length += text.length;
  };
  for (const [i, body] of objects.entries()) add(i + 1, body);
  for (let i = 0; i < pageCount; i++) add(i + 5, page);
  const count = pageCount + 5;
  parts.push(`xref\n0 ${count}\n0000000000 65535 f \n`);
  for (let id = 1; id < count; id++) parts.push(`${String(offsets[id]).padStart(10, '0')} 00000 n \n`);
  parts.push(`trailer\n<< /Size ${count} /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`);
  return new Uint8Array(Buffer.from(parts.join(''), 'latin1'));
}

/** HTML with `depth` nested <b> elements around one word (2 million blocked a server for minutes). */
export function makeNestedHtml(depth: number): Uint8Array {
  return new Uint8Array(
    Buffer.from(`<!doctype html><html><body>${'<b>'.repeat(depth)}deep${'</b>'.repeat(depth)}</body></html>`),
  );
}
