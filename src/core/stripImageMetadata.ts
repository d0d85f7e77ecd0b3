/**
 * Removes metadata that can locate or identify people from images before a copy is published
 * (originals stay preserved untouched). Pure: bytes in, bytes out — used by exports and the web app.
 *
 * JPEG — kept: SOI, APP0 (JFIF), APP2 "ICC_PROFILE" (colour fidelity), APP14 "Adobe" (needed to decode
 * CMYK/YCCK colours correctly), and every segment needed to decode the image (DQT, DHT, SOFn, DRI,
 * SOS + entropy-coded data, EOI). Dropped: APP1 (EXIF incl. GPS, XMP), other APP2 (FlashPix, MPF,
 * whose secondary images may carry their own EXIF), APP3–APP13, APP15, COM (comments), and any
 * bytes after EOI (appended thumbnails, second images). ICC profiles can name the device model; a
 * caller that wants even that gone passes `{ keepIccProfile: false }`.
 *
 * PNG — dropped: tEXt, iTXt, zTXt (free text: authors, software, comments, XMP), eXIf (EXIF, GPS),
 * tIME (when it was edited), and anything after IEND. Everything else is copied byte for byte.
 *
 * Anything else is refused rather than published unstripped.
 */
import { InvalidInput } from './errors.ts';

export interface StrippedImage {
  format: 'jpeg' | 'png';
  bytes: Uint8Array;
  /** What was removed, e.g. ['APP1 Exif', 'COM'] — for the export report. */
  removed: string[];
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const PNG_DROP = new Set(['tEXt', 'iTXt', 'zTXt', 'eXIf', 'tIME']);

export function stripImageMetadata(
  input: Uint8Array,
  options: { keepIccProfile?: boolean } = {},
): StrippedImage {
  if (input[0] === 0xff && input[1] === 0xd8) return stripJpeg(input, options.keepIccProfile ?? true);
  if (PNG_SIGNATURE.every((byte, index) => input[index] === byte)) return stripPng(input);
  throw new InvalidInput('image', 'only JPEG and PNG can be published with metadata removed');
}

const ascii = (bytes: Uint8Array, start: number, length: number) =>
  String.fromCharCode(...bytes.subarray(start, Math.min(start + length, bytes.length)));

function invalid(reason: string): never {
  throw new InvalidInput('image', reason);
}

function stripJpeg(input: Uint8Array, keepIcc: boolean): StrippedImage {
  const kept: Uint8Array[] = [input.subarray(0, 2)];
  const removed: string[] = [];
  let offset = 2;
  for (;;) {
    if (offset >= input.length) invalid('JPEG ends before its end-of-image marker');
    if (input[offset] !== 0xff) invalid(`JPEG segment expected at byte ${offset}`);
    // Fill bytes: a marker may be preceded by any number of 0xFF.
    while (input[offset + 1] === 0xff) offset += 1;
    const marker = input[offset + 1];
    if (marker === undefined) invalid('JPEG ends inside a marker');
    if (marker === 0xd9) {
      kept.push(input.subarray(offset, offset + 2));
      if (offset + 2 < input.length) removed.push('data after EOI');
      break;
    }
    // Markers without a length: TEM and RSTn.
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      kept.push(input.subarray(offset, offset + 2));
      offset += 2;
      continue;
    }
    if (offset + 4 > input.length) invalid('JPEG ends inside a segment header');
    const length = (input[offset + 2]! << 8) | input[offset + 3]!;
    if (length < 2) invalid(`JPEG segment at byte ${offset} has an impossible length`);
    const end = offset + 2 + length;
    if (end > input.length) invalid('JPEG segment runs past the end of the file');
    const payloadStart = offset + 4;
    const keep = keepJpegSegment(marker, input.subarray(payloadStart, end), keepIcc);
    if (keep === true) kept.push(input.subarray(offset, end));
    else removed.push(keep);
    offset = end;
    if (marker === 0xda) {
      // Entropy-coded data runs until a marker that is neither stuffing (FF00) nor a restart (FFD0–D7).
      let scan = offset;
      while (scan + 1 < input.length) {
        if (input[scan] === 0xff) {
          const next = input[scan + 1]!;
          if (next !== 0x00 && next !== 0xff && !(next >= 0xd0 && next <= 0xd7)) break;
        }
        scan += 1;
      }
      kept.push(input.subarray(offset, scan));
      offset = scan;
    }
  }
  return { format: 'jpeg', bytes: concat(kept), removed };
}

/** true to keep, or a label saying what was dropped. */
function keepJpegSegment(marker: number, payload: Uint8Array, keepIcc: boolean): true | string {
  if (marker === 0xfe) return 'COM';
  if (marker < 0xe0 || marker > 0xef) return true;
  const app = marker - 0xe0;
  const id = ascii(payload, 0, 40);
  if (app === 0 && id.startsWith('JFIF\0')) return true;
  if (app === 2 && id.startsWith('ICC_PROFILE\0') && keepIcc) return true;
  if (app === 14 && id.startsWith('Adobe')) return true;
  const label = id
    .split('\0')[0]!
    .replace(/[^\x20-\x7e]/g, '')
    .slice(0, 30);
  return `APP${app}${label ? ` ${label}` : ''}`;
}

function stripPng(input: Uint8Array): StrippedImage {
  const kept: Uint8Array[] = [input.subarray(0, 8)];
  const removed: string[] = [];
  const view = new DataView(input.buffer, input.byteOffset, input.byteLength);
  let offset = 8;
  for (;;) {
    if (offset + 12 > input.length) invalid('PNG ends before its IEND chunk');
    const length = view.getUint32(offset);
    const type = ascii(input, offset + 4, 4);
    const end = offset + 12 + length;
    if (end > input.length) invalid(`PNG chunk ${type} runs past the end of the file`);
    if (PNG_DROP.has(type)) removed.push(type);
    else kept.push(input.subarray(offset, end));
    offset = end;
    if (type === 'IEND') {
      if (offset < input.length) removed.push('data after IEND');
      break;
    }
  }
  return { format: 'png', bytes: concat(kept), removed };
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
