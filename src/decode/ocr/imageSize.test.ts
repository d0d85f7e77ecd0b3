import { describe, expect, it } from 'vitest';
import { imageSize, ocrImageFormat } from './imageSize.ts';

const png = (width: number, height: number) => {
  const bytes = new Uint8Array(33);
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  const view = new DataView(bytes.buffer);
  view.setUint32(16, width);
  view.setUint32(20, height);
  return bytes;
};

/** SOI, an APP0 segment, then a baseline frame header declaring `width` × `height`. */
const jpeg = (width: number, height: number) =>
  new Uint8Array([
    0xff,
    0xd8,
    0xff,
    0xe0,
    0,
    4,
    0,
    0,
    0xff,
    0xc0,
    0,
    11,
    8,
    height >> 8,
    height & 255,
    width >> 8,
    width & 255,
    1,
    1,
    0x11,
    0,
  ]);

const tiff = (littleEndian: boolean, width: number, height: number) => {
  const bytes = new Uint8Array(38);
  const view = new DataView(bytes.buffer);
  bytes.set(littleEndian ? [0x49, 0x49] : [0x4d, 0x4d]);
  view.setUint16(2, 42, littleEndian);
  view.setUint32(4, 8, littleEndian);
  view.setUint16(8, 2, littleEndian);
  const entry = (at: number, tag: number, type: number, value: number) => {
    view.setUint16(at, tag, littleEndian);
    view.setUint16(at + 2, type, littleEndian);
    view.setUint32(at + 4, 1, littleEndian);
    if (type === 3) view.setUint16(at + 8, value, littleEndian);
    else view.setUint32(at + 8, value, littleEndian);
  };
  entry(10, 256, 4, width);
  entry(22, 257, 3, height);
  return bytes;
};

describe('imageSize', () => {
  it('reads the size PNG, JPEG and TIFF (both byte orders) declare', () => {
    expect(imageSize(png(100_000, 80_000), 'png')).toEqual({ width: 100_000, height: 80_000 });
    expect(imageSize(jpeg(640, 480), 'jpeg')).toEqual({ width: 640, height: 480 });
    expect(imageSize(tiff(true, 70_000, 300), 'tiff')).toEqual({ width: 70_000, height: 300 });
    expect(imageSize(tiff(false, 1200, 1600), 'tiff')).toEqual({ width: 1200, height: 1600 });
  });

  it('says null for a header that is cut, points outside the file or declares nothing', () => {
    expect(imageSize(png(10, 10).subarray(0, 20), 'png')).toBeNull();
    expect(imageSize(png(0, 10), 'png')).toBeNull();
    expect(imageSize(jpeg(10, 10).subarray(0, 12), 'jpeg')).toBeNull();
    expect(imageSize(new Uint8Array([0xff, 0xd8, 0xff, 0xda, 0, 2]), 'jpeg')).toBeNull();
    const outside = tiff(true, 10, 10);
    new DataView(outside.buffer).setUint32(4, 5_000, true);
    expect(imageSize(outside, 'tiff')).toBeNull();
    expect(imageSize(new Uint8Array([0x49, 0x49, 42, 0]), 'tiff')).toBeNull();
  });

  it('names the formats OCR reads', () => {
    expect(['image/png', 'image/jpeg', 'image/tiff', 'image/gif'].map(ocrImageFormat)).toEqual([
      'png',
      'jpeg',
      'tiff',
      null,
    ]);
  });
});
