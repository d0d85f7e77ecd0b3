import { describe, expect, it } from 'vitest';
import { makePdf } from '../../test/support/pdf.ts';
import { InvalidInput } from '../core/errors.ts';
import { pdfToText } from './pdfToText.ts';

describe('pdfToText', () => {
  it('returns the text of each page separated by a blank line, and the title', async () => {
    const pdf = makePdf({
      pages: [['Détenus en Tchétchénie', 'Rapport (version 2)'], ['Page deux']],
      title: 'Rapport annuel',
    });
    expect(await pdfToText(pdf, 'r.pdf')).toEqual({
      text: 'Détenus en Tchétchénie\nRapport (version 2)\n\nPage deux',
      title: 'Rapport annuel',
      warnings: [],
    });
  });

  it('leaves the caller’s bytes intact (pdf.js detaches what it is given)', async () => {
    const pdf = makePdf({ pages: [['x']] });
    const copy = pdf.slice();
    await pdfToText(pdf, 'r.pdf');
    expect(pdf).toEqual(copy);
  });

  it('warns when there is no text layer', async () => {
    expect(await pdfToText(makePdf({ pages: [[], []] }), 'scan.pdf')).toEqual({
      text: '',
      title: null,
      warnings: ['PDF has no text layer (scanned?)'],
    });
  });

  it('names the file and the format when the PDF is corrupt', async () => {
    const broken = new Uint8Array(Buffer.from('%PDF-1.4\n1 0 obj\n<< /Type /Catalog', 'latin1'));
    const error = await pdfToText(broken, 'broken.pdf').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidInput);
    expect((error as InvalidInput).message).toBe('broken.pdf: corrupt or unreadable PDF');
  });
});
