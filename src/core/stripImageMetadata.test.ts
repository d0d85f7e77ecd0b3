import { crc32 } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { InvalidInput } from './errors.ts';
import { stripImageMetadata } from './stripImageMetadata.ts';

const bytes = (...parts: Array<number[] | Uint8Array | string>) =>
  Buffer.concat(
    parts.map((part) => (typeof part === 'string' ? Buffer.from(part, 'latin1') : Buffer.from(part))),
  );

const segment = (marker: number, payload: Uint8Array | number[] | string) => {
  const body = typeof payload === 'string' ? Buffer.from(payload, 'latin1') : Buffer.from(payload);
  return bytes([0xff, marker, (body.length + 2) >> 8, (body.length + 2) & 255], body);
};

/** A little-endian TIFF/EXIF block whose GPS IFD holds 55°45'N (Moscow), as cameras write it. */
function exifWithGps(): Buffer {
  const tiff = Buffer.alloc(26 + 2 + 12 + 4 + 24);
  tiff.write('II', 0, 'latin1');
  tiff.writeUInt16LE(42, 2);
  tiff.writeUInt32LE(8, 4);
  tiff.writeUInt16LE(1, 8); // IFD0: one entry
  tiff.writeUInt16LE(0x8825, 10); // GPSInfo
  tiff.writeUInt16LE(4, 12);
  tiff.writeUInt32LE(1, 14);
  tiff.writeUInt32LE(26, 18); // GPS IFD offset
  tiff.writeUInt32LE(0, 22);
  tiff.writeUInt16LE(1, 26); // GPS IFD: one entry
  tiff.writeUInt16LE(0x0002, 28); // GPSLatitude
  tiff.writeUInt16LE(5, 30); // RATIONAL
  tiff.writeUInt32LE(3, 32);
  tiff.writeUInt32LE(44, 36);
  tiff.writeUInt32LE(0, 40);
  for (const [index, value] of [55, 1, 45, 1, 2107, 100].entries()) tiff.writeUInt32LE(value, 44 + index * 4);
  return bytes('Exif\0\0', tiff);
}

const JFIF = segment(0xe0, bytes('JFIF\0', [1, 1, 0, 0, 1, 0, 1, 0, 0]));
const DQT = segment(0xdb, bytes([0], new Uint8Array(64).fill(1)));
const SOF0 = segment(0xc0, [8, 0, 1, 0, 1, 1, 1, 0x11, 0]);
const SOS = segment(0xda, [1, 1, 0, 0, 63, 0]);
// Entropy data with byte stuffing (FF00) and a restart marker (FFD0): must survive untouched.
const SCAN = bytes([0x12, 0xff, 0x00, 0x34, 0xff, 0xd0, 0x56]);
const EOI = bytes([0xff, 0xd9]);

function aJpeg(): Buffer {
  return bytes(
    [0xff, 0xd8],
    JFIF,
    segment(0xe1, exifWithGps()),
    segment(
      0xe1,
      'http://ns.adobe.com/xap/1.0/\0<x:xmpmeta><exif:GPSLatitude>55,45.21N</exif:GPSLatitude></x:xmpmeta>',
    ),
    segment(0xe2, bytes('ICC_PROFILE\0', [1, 1], 'profile')),
    segment(0xed, 'Photoshop 3.0\0IPTC byline: a witness'),
    segment(0xfe, 'taken at the safe house'),
    DQT,
    SOF0,
    SOS,
    SCAN,
    EOI,
    'trailing thumbnail with Exif',
  );
}

describe('stripping JPEG metadata', () => {
  it('removes EXIF with GPS, XMP, IPTC, comments and trailing data, keeping what decodes the image', () => {
    const { bytes: out, removed, format } = stripImageMetadata(aJpeg());
    const text = Buffer.from(out).toString('latin1');
    expect(format).toBe('jpeg');
    for (const gone of ['Exif', 'xmpmeta', 'GPSLatitude', 'safe house', 'witness', 'trailing'])
      expect(text).not.toContain(gone);
    expect(Buffer.from(out).includes(Buffer.from([55, 0, 0, 0, 1, 0, 0, 0, 45]))).toBe(false);
    expect(Buffer.from(out)).toEqual(
      bytes(
        [0xff, 0xd8],
        JFIF,
        segment(0xe2, bytes('ICC_PROFILE\0', [1, 1], 'profile')),
        DQT,
        SOF0,
        SOS,
        SCAN,
        EOI,
      ),
    );
    expect(removed).toEqual([
      'APP1 Exif',
      'APP1 http://ns.adobe.com/xap/1.0/',
      'APP13 Photoshop 3.0',
      'COM',
      'data after EOI',
    ]);
  });

  it('drops the ICC profile on request, and is idempotent', () => {
    const once = stripImageMetadata(aJpeg(), { keepIccProfile: false }).bytes;
    expect(Buffer.from(once).toString('latin1')).not.toContain('ICC_PROFILE');
    expect(stripImageMetadata(once).bytes).toEqual(once);
    expect(stripImageMetadata(once).removed).toEqual([]);
  });

  it('keeps any entropy-coded data intact (property)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (raw) => {
        // Stuff every 0xFF as an encoder would.
        const scan = Buffer.from([...raw].flatMap((byte) => (byte === 0xff ? [0xff, 0x00] : [byte])));
        const jpeg = bytes([0xff, 0xd8], segment(0xe1, exifWithGps()), DQT, SOF0, SOS, scan, EOI);
        expect(Buffer.from(stripImageMetadata(jpeg).bytes)).toEqual(
          bytes([0xff, 0xd8], DQT, SOF0, SOS, scan, EOI),
        );
      }),
    );
  });

  it('refuses truncated or foreign files rather than publishing them unstripped', () => {
    const jpeg = aJpeg();
    expect(() => stripImageMetadata(jpeg.subarray(0, 40))).toThrow(InvalidInput);
    expect(() => stripImageMetadata(Buffer.from('GIF89a....'))).toThrow(InvalidInput);
  });
});

const chunk = (type: string, data: Uint8Array | number[] | string) => {
  const body = bytes(type, typeof data === 'string' ? Buffer.from(data, 'latin1') : Buffer.from(data));
  const out = Buffer.alloc(12 + body.length - 4);
  out.writeUInt32BE(body.length - 4, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), 8 + body.length - 4);
  return out;
};

describe('stripping PNG metadata', () => {
  const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  const IHDR = chunk('IHDR', [0, 0, 0, 1, 0, 0, 0, 1, 8, 0, 0, 0, 0]);
  const IDAT = chunk('IDAT', [0x78, 0x9c, 0x63, 0x60, 0, 0, 0, 2, 0, 1]);
  const IEND = chunk('IEND', '');

  it('removes text, EXIF (GPS) and time chunks, keeping the rest byte for byte', () => {
    const png = bytes(
      SIGNATURE,
      IHDR,
      chunk('tEXt', 'Author\0a witness'),
      chunk('iTXt', 'XML:com.adobe.xmp\0\0\0\0\0<exif:GPSLatitude>55,45N</exif:GPSLatitude>'),
      chunk('zTXt', 'Comment\0\0x'),
      chunk('eXIf', exifWithGps().subarray(6)),
      chunk('tIME', [7, 234, 1, 2, 3, 4, 5]),
      IDAT,
      IEND,
      'junk',
    );
    const { bytes: out, removed } = stripImageMetadata(png);
    expect(Buffer.from(out)).toEqual(bytes(SIGNATURE, IHDR, IDAT, IEND));
    expect(removed).toEqual(['tEXt', 'iTXt', 'zTXt', 'eXIf', 'tIME', 'data after IEND']);
  });

  it('refuses a PNG cut short', () => {
    expect(() => stripImageMetadata(bytes(SIGNATURE, IHDR))).toThrow(InvalidInput);
  });
});
