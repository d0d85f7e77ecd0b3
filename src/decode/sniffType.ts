import { isZip, listZipEntries } from './zipEntries.ts';

/**
 * What a captured file is, decided from its bytes first (a file name can lie or be missing: sources
 * arrive as e-mail attachments, chat downloads, `download (3)`), then from its extension.
 */
export type SniffedType =
  | { kind: 'pdf' }
  | { kind: 'docx' }
  | { kind: 'media'; mediaType: string }
  /** A binary container we recognise but cannot read (other ZIPs, OLE .doc/.xls): not text. */
  | { kind: 'unsupported-binary' }
  /** Anything else is decoded as text; `hint` comes from the extension when there is one. */
  | { kind: 'text'; hint: 'html' | 'plain' | null };

const mediaByExtension: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  bmp: 'image/bmp',
  tif: 'image/tiff',
  tiff: 'image/tiff',
  heic: 'image/heic',
  heif: 'image/heif',
  avif: 'image/avif',
  svg: 'image/svg+xml',
  mp3: 'audio/mpeg',
  m4a: 'audio/mp4',
  aac: 'audio/aac',
  ogg: 'audio/ogg',
  oga: 'audio/ogg',
  opus: 'audio/ogg',
  flac: 'audio/flac',
  wav: 'audio/wav',
  amr: 'audio/amr',
  mp4: 'video/mp4',
  m4v: 'video/mp4',
  mov: 'video/quicktime',
  '3gp': 'video/3gpp',
  webm: 'video/webm',
  mkv: 'video/x-matroska',
  avi: 'video/x-msvideo',
  ogv: 'video/ogg',
  flv: 'video/x-flv',
  wmv: 'video/x-ms-asf',
  mpg: 'video/mpeg',
  mpeg: 'video/mpeg',
};

const htmlExtensions = new Set(['html', 'htm', 'xhtml', 'shtml']);
const plainExtensions = new Set([
  'txt',
  'text',
  'md',
  'csv',
  'tsv',
  'json',
  'xml',
  'log',
  'eml',
  'srt',
  'vtt',
]);

export function extensionOf(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
}

function ascii(bytes: Uint8Array, start: number, end: number): string {
  let out = '';
  for (let i = start; i < Math.min(end, bytes.length); i++) out += String.fromCharCode(bytes[i]!);
  return out;
}

function startsWith(bytes: Uint8Array, signature: readonly number[], at = 0): boolean {
  if (bytes.length < at + signature.length) return false;
  return signature.every((b, i) => bytes[at + i] === b);
}

function hasTextBom(bytes: Uint8Array): boolean {
  return (
    startsWith(bytes, [0xef, 0xbb, 0xbf]) ||
    startsWith(bytes, [0xff, 0xfe]) ||
    startsWith(bytes, [0xfe, 0xff])
  );
}

/** ISO base media (MP4, MOV, HEIC, M4A, 3GP): the brand after `ftyp` says which. */
function isoMediaType(bytes: Uint8Array): string | null {
  if (ascii(bytes, 4, 8) !== 'ftyp') return null;
  const brand = ascii(bytes, 8, 12);
  if (['heic', 'heix', 'hevc', 'heim', 'heis'].includes(brand)) return 'image/heic';
  if (['mif1', 'msf1'].includes(brand)) return 'image/heif';
  if (brand === 'avif' || brand === 'avis') return 'image/avif';
  if (brand === 'M4A ' || brand === 'M4B ') return 'audio/mp4';
  if (brand === 'qt  ') return 'video/quicktime';
  if (brand.startsWith('3g')) return 'video/3gpp';
  return 'video/mp4';
}

/** An MPEG audio frame header: sync bits plus valid version, layer, bitrate and sample rate. */
function isMpegAudioFrame(bytes: Uint8Array): boolean {
  if (bytes.length < 4 || bytes[0] !== 0xff || (bytes[1]! & 0xe0) !== 0xe0) return false;
  const version = (bytes[1]! >> 3) & 3;
  const layer = (bytes[1]! >> 1) & 3;
  const bitrate = bytes[2]! >> 4;
  const sampleRate = (bytes[2]! >> 2) & 3;
  return version !== 1 && layer !== 0 && bitrate !== 15 && sampleRate !== 3;
}

/** MPEG-TS has no header, only a 0x47 sync byte every 188 bytes: five in a row rule out text. */
function isMpegTransportStream(bytes: Uint8Array): boolean {
  if (bytes.length < 5 * 188) return false;
  for (let packet = 0; packet < 5; packet++) if (bytes[packet * 188] !== 0x47) return false;
  return true;
}

export function sniffMediaType(bytes: Uint8Array): string | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  const head = ascii(bytes, 0, 12);
  if (head.startsWith('GIF87a') || head.startsWith('GIF89a')) return 'image/gif';
  if (head.startsWith('RIFF')) {
    const form = head.slice(8, 12);
    if (form === 'WEBP') return 'image/webp';
    if (form === 'WAVE') return 'audio/wav';
    if (form === 'AVI ') return 'video/x-msvideo';
  }
  if (head.startsWith('II*\0') || head.startsWith('MM\0*')) return 'image/tiff';
  // "BM" also starts ordinary words, so a BMP must also carry its own length in the header.
  if (head.startsWith('BM') && bytes.length >= 6) {
    const declared = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(2, true);
    if (declared === bytes.length) return 'image/bmp';
  }
  const iso = isoMediaType(bytes);
  if (iso) return iso;
  if (head.startsWith('OggS')) return ascii(bytes, 28, 36).includes('theora') ? 'video/ogg' : 'audio/ogg';
  if (head.startsWith('fLaC')) return 'audio/flac';
  if (head.startsWith('ID3')) return 'audio/mpeg';
  if (head.startsWith('#!AMR')) return 'audio/amr';
  if (head.startsWith('FLV\x01')) return 'video/x-flv';
  if (startsWith(bytes, [0x1a, 0x45, 0xdf, 0xa3])) {
    return ascii(bytes, 0, 64).includes('webm') ? 'video/webm' : 'video/x-matroska';
  }
  if (startsWith(bytes, [0x30, 0x26, 0xb2, 0x75, 0x8e, 0x66, 0xcf, 0x11])) return 'video/x-ms-asf';
  if (startsWith(bytes, [0x00, 0x00, 0x01, 0xba]) || startsWith(bytes, [0x00, 0x00, 0x01, 0xb3])) {
    return 'video/mpeg';
  }
  if (isMpegTransportStream(bytes)) return 'video/mp2t';
  // ADTS AAC shares the MPEG sync word; layer bits 00 mark it.
  if (bytes[0] === 0xff && (bytes[1]! & 0xf6) === 0xf0) return 'audio/aac';
  // Checked last and only without a text BOM: FF FE (UTF-16LE BOM) is also a valid frame header.
  if (!hasTextBom(bytes) && isMpegAudioFrame(bytes)) return 'audio/mpeg';
  return null;
}

/** PDF allows junk before the header; readers accept it within the first 1024 bytes. */
function hasPdfHeader(bytes: Uint8Array): boolean {
  return ascii(bytes, 0, 1024).includes('%PDF-');
}

export function sniffType(bytes: Uint8Array, fileName: string): SniffedType {
  const extension = extensionOf(fileName);
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d]) || (extension === 'pdf' && hasPdfHeader(bytes))) {
    return { kind: 'pdf' };
  }
  if (isZip(bytes)) {
    const entries = listZipEntries(bytes);
    if (entries?.some((e) => e.name === 'word/document.xml')) return { kind: 'docx' };
    // A truncated archive has no directory to list; trust the name so the error says "DOCX".
    if (entries === null && extension === 'docx') return { kind: 'docx' };
    return { kind: 'unsupported-binary' };
  }
  // OLE2 compound files: legacy .doc/.xls/.ppt and .msg.
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))
    return { kind: 'unsupported-binary' };
  const media = sniffMediaType(bytes);
  if (media) return { kind: 'media', mediaType: media };
  if (extension === 'pdf') return { kind: 'pdf' };
  if (extension === 'docx') return { kind: 'docx' };
  const byExtension = mediaByExtension[extension];
  // Formats without a reliable signature (raw AAC, some MPEG streams, SVG, which is XML text)
  // are known by their extension alone.
  if (byExtension) return { kind: 'media', mediaType: byExtension };
  if (htmlExtensions.has(extension)) return { kind: 'text', hint: 'html' };
  if (plainExtensions.has(extension)) return { kind: 'text', hint: 'plain' };
  return { kind: 'text', hint: null };
}
