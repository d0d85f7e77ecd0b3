/**
 * ZIP archives from anyone (DOCX files are ZIP archives), read with fflate, a maintained,
 * dependency-free ZIP library, rather than a parser of our own. We list the central directory to
 * tell a Word document from any other ZIP, read docProps/core.xml for the title, and measure what an
 * archive really inflates to before mammoth opens it.
 *
 * fflate rather than yauzl: it reads from the bytes already in memory (the decode worker holds the
 * upload, there is no file to open), lists entries synchronously (type sniffing is synchronous), and
 * its streaming inflater hands over output a piece at a time, so a decompression bomb is stopped
 * after at most one piece beyond the limit instead of being inflated whole.
 */
import { Unzip, UnzipInflate, unzipSync } from 'fflate';
import { DecodeLimitExceeded, type DecodeLimits } from './decodeLimits.ts';

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated; others are listed but not read. */
  method: number;
  compressedSize: number;
  /** As the central directory declares it: it may lie, so limits count inflated bytes. */
  uncompressedSize: number;
}

export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && (bytes[2] === 3 || bytes[2] === 5);
}

/** The entries of the central directory, or null when there is none we can read (truncated, corrupt). */
export function listZipEntries(bytes: Uint8Array): ZipEntry[] | null {
  const entries: ZipEntry[] = [];
  try {
    // A filter that refuses every entry lists the directory without inflating anything.
    unzipSync(bytes, {
      filter: (file) => {
        entries.push({
          name: file.name,
          method: file.compression,
          compressedSize: file.size,
          uncompressedSize: file.originalSize,
        });
        return false;
      },
    });
  } catch {
    return null;
  }
  return entries;
}

/**
 * The uncompressed bytes of one entry, or null if it cannot be read or declares more than
 * `maxBytes` (metadata we read this way is small in any honest file). fflate writes into a buffer
 * of the declared size, so an entry that lies about its size cannot make it allocate more.
 */
export function readZipEntry(bytes: Uint8Array, entry: ZipEntry, maxBytes: number): Uint8Array | null {
  if (entry.uncompressedSize > maxBytes || (entry.method !== 0 && entry.method !== 8)) return null;
  try {
    return unzipSync(bytes, { filter: (file) => file.name === entry.name })[entry.name] ?? null;
  } catch {
    return null;
  }
}

// Ratios are only suspicious in bulk: a tiny file may compress well, and it costs nothing to read.
const ratioCheckedFromBytes = 1024 * 1024;
// Compressed bytes handed to the inflater at a time: deflate expands at most ~1032:1, so one piece
// inflates to at most ~16 MB before the byte count is checked again.
const pieceBytes = 16 * 1024;

/**
 * Refuses an archive that would cost too much to open, before any library inflates it: the entry
 * count from the central directory, the sizes it declares, then every entry inflated as a stream
 * with its bytes counted against the limit (declared sizes can lie, so inflated bytes are what
 * counts). Entries it cannot read are left for the format's own reader to report as corrupt.
 */
export function checkZipWithinLimits(
  bytes: Uint8Array,
  entries: ZipEntry[],
  limits: Pick<DecodeLimits, 'maxZipEntries' | 'maxUnzippedBytes' | 'maxCompressionRatio'>,
): void {
  if (entries.length > limits.maxZipEntries) {
    throw new DecodeLimitExceeded(`ZIP archive has more than ${limits.maxZipEntries} entries`);
  }
  const overSize = new DecodeLimitExceeded(
    `ZIP archive inflates to more than ${Math.floor(limits.maxUnzippedBytes / 1024 / 1024)} MB`,
  );
  const declared = entries.reduce((sum, entry) => sum + entry.uncompressedSize, 0);
  if (declared > limits.maxUnzippedBytes) throw overSize;
  const total = inflatedTotal(bytes, limits.maxUnzippedBytes);
  if (total > limits.maxUnzippedBytes) throw overSize;
  if (total > ratioCheckedFromBytes && total / bytes.length > limits.maxCompressionRatio) {
    throw new DecodeLimitExceeded(`ZIP archive compressed more than ${limits.maxCompressionRatio}:1`);
  }
}

/** Bytes every readable entry inflates to, counted as they stream; stops once past `cap`. */
function inflatedTotal(bytes: Uint8Array, cap: number): number {
  let total = 0;
  const unzip = new Unzip((file) => {
    file.ondata = (error, chunk) => {
      if (error || total > cap) return;
      total += chunk.length;
      if (total > cap) file.terminate();
    };
    try {
      file.start();
    } catch {
      // An unsupported compression method: mammoth will say the file is unreadable.
    }
  });
  unzip.register(UnzipInflate);
  try {
    for (let at = 0; at < bytes.length && total <= cap; at += pieceBytes) {
      const end = Math.min(bytes.length, at + pieceBytes);
      unzip.push(bytes.subarray(at, end), end === bytes.length);
    }
  } catch {
    // Corrupt data stops the count here; what was inflated so far still counts.
  }
  return total;
}
