import { describe, expect, it } from 'vitest';
import { makeDocx } from '../../test/support/docx.ts';
import { makeZip } from '../../test/support/zip.ts';
import { InvalidInput } from '../core/errors.ts';
import { docxToText } from './docxToText.ts';

describe('docxToText', () => {
  it('returns paragraphs separated by blank lines, and the title from docProps/core.xml', async () => {
    const docx = makeDocx({
      paragraphs: ['Detenidos en Chechenia', 'Segundo párrafo & más <datos>'],
      title: 'Informe <2017>',
    });
    expect(await docxToText(docx, 'i.docx')).toEqual({
      text: 'Detenidos en Chechenia\n\nSegundo párrafo & más <datos>',
      title: 'Informe <2017>',
      warnings: [],
    });
  });

  it('has no title when the document sets none', async () => {
    expect((await docxToText(makeDocx({ paragraphs: ['Задержаны'] }), 'r.docx')).title).toBeNull();
  });

  it('warns about an empty document', async () => {
    expect((await docxToText(makeDocx({ paragraphs: [] }), 'e.docx')).warnings).toEqual([
      'no text extracted from DOCX',
    ]);
  });

  it('names the file and the format when the DOCX is corrupt', async () => {
    const broken = makeZip([{ name: 'word/document.xml', data: '<w:document><w:body><w:p>' }]);
    const error = await docxToText(broken, 'broken.docx').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidInput);
    expect((error as InvalidInput).message).toBe('broken.docx: corrupt or unreadable DOCX');
  });
});
