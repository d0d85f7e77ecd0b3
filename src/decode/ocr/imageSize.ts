/**
 * The pixel size an image declares in its header, read before anything decodes it: a 50,000 ×
 * 50,000 PNG of a few kilobytes (an "image bomb") would need gigabytes once decoded, so OCR refuses
 * it from these numbers alone. Pure; reads PNG, JPEG and TIFF headers only.
 */
export interface ImageSize {
  width: number;
  height: number;
}

export type OcrImageFormat = 'png' | 'jpeg' | 'tiff';

const OCR_IMAGE_TYPES: Readonly<Record<string, OcrImageFormat>> = {
  'image/png': 'png',
  'image/jpeg': 'jpeg',
  'image/tiff': 'tiff',
};

/** The image formats OCR reads, by media type; null for anything else. */
export function ocrImageFormat(mediaType: string): OcrImageFormat | null {
  return OCR_IMAGE_TYPES[mediaType] ?? null;
}

/** The declared size, or null when the header is missing, truncated or inconsistent. */
export function imageSize(bytes: Uint8Array, format: OcrImageFormat): ImageSize | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const size = format === 'png' ? pngSize(view) : format === 'jpeg' ? jpegSize(view) : tiffSize(view);
  return size && size.width > 0 && size.height > 0 ? size : null;
}

function pngSize(view: DataView): ImageSize | null {
  // Signature (8), chunk length (4), "IHDR" (4), then width and height, big-endian.
  if (view.byteLength < 24 || view.getUint32(12) !== 0x49484452) return null;
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** Start-of-frame markers (SOF0–SOF15 except DHT C4, JPG C8 and DAC CC) carry the frame size. */
const isStartOfFrame = (marker: number) =>
  marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;

function jpegSize(view: DataView): ImageSize | null {
  let offset = 2;
  while (offset + 4 <= view.byteLength) {
    if (view.getUint8(offset) !== 0xff) return null;
    const marker = view.getUint8(offset + 1);
    if (marker === 0xff) {
      offset++; // fill byte
      continue;
    }
    if (marker === 0xd8 || (marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      offset += 2;
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) return null; // image data before any frame header
    const length = view.getUint16(offset + 2);
    if (length < 2) return null;
    if (isStartOfFrame(marker)) {
      if (offset + 9 > view.byteLength) return null;
      return { height: view.getUint16(offset + 5), width: view.getUint16(offset + 7) };
    }
    offset += 2 + length;
  }
  return null;
}

const TIFF_WIDTH = 256;
const TIFF_LENGTH = 257;

/** The first image (IFD) of a TIFF; a multi-page TIFF's later pages are checked by their own IFDs. */
function tiffSize(view: DataView): ImageSize | null {
  if (view.byteLength < 8) return null;
  const order = view.getUint16(0);
  if (order !== 0x4949 && order !== 0x4d4d) return null;
  const little = order === 0x4949;
  if (view.getUint16(2, little) !== 42) return null;
  const ifd = view.getUint32(4, little);
  if (ifd < 8 || ifd + 2 > view.byteLength) return null;
  const entries = view.getUint16(ifd, little);
  if (ifd + 2 + entries * 12 > view.byteLength) return null;
  let width: number | null = null;
  let height: number | null = null;
  for (let i = 0; i < entries; i++) {
    const entry = ifd + 2 + i * 12;
    const tag = view.getUint16(entry, little);
    if (tag !== TIFF_WIDTH && tag !== TIFF_LENGTH) continue;
    const fieldType = view.getUint16(entry + 2, little);
    // SHORT (3) or LONG (4), one value, stored in the entry itself.
    const value =
      fieldType === 3
        ? view.getUint16(entry + 8, little)
        : fieldType === 4
          ? view.getUint32(entry + 8, little)
          : null;
    if (value === null) return null;
    if (tag === TIFF_WIDTH) width = value;
    else height = value;
  }
  return width !== null && height !== null ? { width, height } : null;
}
