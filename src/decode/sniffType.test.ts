import { describe, expect, it } from 'vitest';
import { makeDocx } from '../../test/support/docx.ts';
import { makePdf } from '../../test/support/pdf.ts';
import { makeZip } from '../../test/support/zip.ts';
import { extensionOf, sniffType } from './sniffType.ts';

const bytes = (...parts: Array<string | number[]>): Uint8Array =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...Buffer.from(p, 'latin1')] : p)));
const padded = (head: Uint8Array, length = 64): Uint8Array => {
  const out = new Uint8Array(Math.max(length, head.length));
  out.set(head);
  return out;
};

describe('sniffType', () => {
  it.each([
    ['image/png', bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])],
    ['image/jpeg', bytes([0xff, 0xd8, 0xff, 0xe0])],
    ['image/gif', bytes('GIF89a')],
    ['image/webp', bytes('RIFF', [0, 0, 0, 0], 'WEBPVP8 ')],
    ['audio/wav', bytes('RIFF', [0, 0, 0, 0], 'WAVEfmt ')],
    ['video/x-msvideo', bytes('RIFF', [0, 0, 0, 0], 'AVI LIST')],
    ['image/tiff', bytes('II*', [0])],
    ['video/mp4', bytes([0, 0, 0, 0x18], 'ftypisom')],
    ['video/quicktime', bytes([0, 0, 0, 0x14], 'ftypqt  ')],
    ['audio/mp4', bytes([0, 0, 0, 0x20], 'ftypM4A ')],
    ['image/heic', bytes([0, 0, 0, 0x18], 'ftypheic')],
    ['video/3gpp', bytes([0, 0, 0, 0x18], 'ftyp3gp4')],
    ['audio/ogg', bytes('OggS', [0, 2])],
    ['audio/flac', bytes('fLaC')],
    ['audio/mpeg', bytes('ID3', [4, 0])],
    ['audio/mpeg', bytes([0xff, 0xfb, 0x90, 0x64])],
    ['audio/amr', bytes('#!AMR\n')],
    ['video/webm', bytes([0x1a, 0x45, 0xdf, 0xa3], '\x42\x82\x84webm')],
    ['video/x-matroska', bytes([0x1a, 0x45, 0xdf, 0xa3], '\x42\x82\x88matroska')],
  ])('recognises %s by its signature', (mediaType, head) => {
    expect(sniffType(padded(head), 'download')).toEqual({ kind: 'media', mediaType });
  });

  it('recognises a BMP only when its header states the file length', () => {
    const bmp = padded(bytes('BM', [64, 0, 0, 0]));
    expect(sniffType(bmp, 'x')).toEqual({ kind: 'media', mediaType: 'image/bmp' });
    expect(sniffType(bytes('BMW drivers detained'), 'x')).toEqual({ kind: 'text', hint: null });
  });

  it('recognises an MPEG transport stream by its sync bytes, not by a .ts name', () => {
    const stream = new Uint8Array(188 * 5).map((_, i) => (i % 188 === 0 ? 0x47 : 0xff));
    expect(sniffType(stream, 'clip')).toEqual({ kind: 'media', mediaType: 'video/mp2t' });
    expect(sniffType(bytes('export const x = 1;'), 'code.ts')).toEqual({ kind: 'text', hint: null });
  });

  it('does not mistake a UTF-16LE byte-order mark for an MP3 frame', () => {
    expect(sniffType(bytes([0xff, 0xfe, 0x41, 0x00]), 'x')).toEqual({ kind: 'text', hint: null });
  });

  it('recognises PDF and DOCX whatever their name', () => {
    expect(sniffType(makePdf({ pages: [['x']] }), 'report')).toEqual({ kind: 'pdf' });
    expect(sniffType(makeDocx({ paragraphs: ['x'] }), 'report.bin')).toEqual({ kind: 'docx' });
  });

  it('treats other ZIP archives and OLE files as unsupported binaries', () => {
    expect(sniffType(makeZip([{ name: 'xl/workbook.xml', data: '<x/>' }]), 'a.xlsx')).toEqual({
      kind: 'unsupported-binary',
    });
    expect(sniffType(padded(bytes([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])), 'a.doc')).toEqual({
      kind: 'unsupported-binary',
    });
  });

  it('falls back to the extension', () => {
    expect(sniffType(bytes('hello'), 'a.pdf')).toEqual({ kind: 'pdf' });
    expect(sniffType(bytes('hello'), 'a.docx')).toEqual({ kind: 'docx' });
    expect(sniffType(bytes('<svg/>'), 'logo.SVG')).toEqual({ kind: 'media', mediaType: 'image/svg+xml' });
    expect(sniffType(bytes('<p>x</p>'), 'page.htm')).toEqual({ kind: 'text', hint: 'html' });
    expect(sniffType(bytes('<p>x</p>'), 'notes.txt')).toEqual({ kind: 'text', hint: 'plain' });
    expect(sniffType(bytes('<p>x</p>'), 'noextension')).toEqual({ kind: 'text', hint: null });
  });

  it('reads extensions from paths and ignores dotfiles', () => {
    expect(extensionOf('dir.d/Report.PDF')).toBe('pdf');
    expect(extensionOf('C:\\in\\a.b\\notes')).toBe('');
    expect(extensionOf('.bashrc')).toBe('');
  });
});
