import { inflateRawSync } from 'node:zlib';
import { DecodeLimitExceeded, type DecodeLimits } from './decodeLimits.ts';

/**
 * A minimal reader for ZIP central directories. DOCX files are ZIP archives; we need to list their
 * entries to tell a Word document from any other ZIP, and to read docProps/core.xml for the title,
 * without pulling in a transitive dependency (mammoth's jszip) we do not declare.
 */
export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

const endOfCentralDirectory = 0x06054b50;
const centralFileHeader = 0x02014b50;
const localFileHeader = 0x04034b50;
// The end record is 22 bytes plus a comment of at most 65535 bytes.
const maxEndRecordSearch = 22 + 0xffff;

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5);
}

/** The entries of the central directory, or null when there is none we can read (truncated, ZIP64). */
export function listZipEntries(bytes: Uint8Array): ZipEntry[] | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const lowest = Math.max(0, bytes.length - maxEndRecordSearch);
  let end = -1;
  for (let i = bytes.length - 22; i >= lowest; i--) {
    if (view.getUint32(i, true) === endOfCentralDirectory) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const count = view.getUint16(end + 10, true);
  let offset = view.getUint32(end + 16, true);
  const entries: ZipEntry[] = [];
  const names = new TextDecoder('utf-8');
  for (let n = 0; n < count; n++) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== centralFileHeader) return null;
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    if (offset + 46 + nameLength > bytes.length) return null;
    entries.push({
      method: view.getUint16(offset + 10, true),
      compressedSize: view.getUint32(offset + 20, true),
      uncompressedSize: view.getUint32(offset + 24, true),
      localHeaderOffset: view.getUint32(offset + 42, true),
      name: names.decode(bytes.subarray(offset + 46, offset + 46 + nameLength)),
    });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/**
 * The uncompressed bytes of one entry, or null if it cannot be read. `maxBytes` guards against
 * decompression bombs: metadata we read this way is small in any honest file.
 */
export function readZipEntry(bytes: Uint8Array, entry: ZipEntry, maxBytes: number): Uint8Array | null {
  const data = entryData(bytes, entry);
  if (!data) return null;
  if (entry.method === 0) return data.length <= maxBytes ? data : null;
  if (entry.method !== 8) return null;
  try {
    return new Uint8Array(inflateRawSync(data, { maxOutputLength: maxBytes }));
  } catch {
    return null;
  }
}

/** The compressed bytes of one entry, found through its local header; null if out of bounds. */
function entryData(bytes: Uint8Array, entry: ZipEntry): Uint8Array | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localHeaderOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== localFileHeader) return null;
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const end = start + entry.compressedSize;
  return end > bytes.length ? null : bytes.subarray(start, end);
}

// Ratios are only suspicious in bulk: a tiny file may compress well, and it costs nothing to read.
const ratioCheckedFromBytes = 1024 * 1024;

/**
 * Refuses an archive that would cost too much to open, before any library inflates it: the entry
 * count from the central directory, then every entry inflated with a byte cap on the total (the
 * sizes the directory declares can lie, so the inflated bytes are what counts). Entries it cannot
 * read are left for the format's own reader to report as corrupt.
 */
export function checkZipWithinLimits(
  bytes: Uint8Array,
  entries: ZipEntry[],
  limits: Pick<DecodeLimits, 'maxZipEntries' | 'maxUnzippedBytes' | 'maxCompressionRatio'>,
): void {
  if (entries.length > limits.maxZipEntries) {
    throw new DecodeLimitExceeded(`ZIP archive has more than ${limits.maxZipEntries} entries`);
  }
  const overSize = () =>
    new DecodeLimitExceeded(
      `ZIP archive inflates to more than ${Math.floor(limits.maxUnzippedBytes / 1024 / 1024)} MB`,
    );
  let total = 0;
  for (const entry of entries) {
    if (total + entry.uncompressedSize > limits.maxUnzippedBytes) throw overSize();
    const remaining = limits.maxUnzippedBytes - total;
    const inflated = inflatedSize(bytes, entry, remaining);
    if (inflated === 'over') throw overSize();
    total += inflated ?? 0;
  }
  if (total > ratioCheckedFromBytes && total / bytes.length > limits.maxCompressionRatio) {
    throw new DecodeLimitExceeded(`ZIP archive compressed more than ${limits.maxCompressionRatio}:1`);
  }
}

/** Inflated size of one entry, 'over' past `cap`, null if unreadable. The bytes are not kept. */
function inflatedSize(bytes: Uint8Array, entry: ZipEntry, cap: number): number | 'over' | null {
  const data = entryData(bytes, entry);
  if (!data) return null;
  if (entry.method === 0) return data.length > cap ? 'over' : data.length;
  if (entry.method !== 8) return null;
  try {
    return inflateRawSync(data, { maxOutputLength: Math.max(1, cap) }).length;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' ? 'over' : null;
  }
}
