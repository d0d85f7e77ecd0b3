import { Zip, ZipDeflate } from 'fflate';
import { describe, expect, it } from 'vitest';
import { makeZip } from '../../test/support/zip.ts';
import { DecodeLimitExceeded } from './decodeLimits.ts';
import { checkZipWithinLimits, listZipEntries, readZipEntry } from './zipEntries.ts';

const LIMITS = { maxZipEntries: 100, maxUnzippedBytes: 4 * 1024 * 1024, maxCompressionRatio: 100 };

/** The same archive with every central-directory entry declaring `size` uncompressed bytes. */
function declaringSize(zip: Uint8Array, size: number): Uint8Array {
  const copy = zip.slice();
  const view = new DataView(copy.buffer);
  let end = copy.length - 22;
  while (view.getUint32(end, true) !== 0x06054b50) end--;
  for (let at = view.getUint32(end + 16, true); view.getUint32(at, true) === 0x02014b50; ) {
    view.setUint32(at + 24, size, true);
    at += 46 + view.getUint16(at + 28, true) + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return copy;
}

/** An archive as a streaming writer makes it: sizes in a data descriptor after each entry. */
function streamedZip(name: string, data: Uint8Array): Uint8Array {
  const parts: Uint8Array[] = [];
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    parts.push(chunk);
  });
  const entry = new ZipDeflate(name);
  zip.add(entry);
  entry.push(data, true);
  zip.end();
  return Buffer.concat(parts);
}

describe('zipEntries', () => {
  it.each([true, false])('lists and reads entries (deflated: %s)', (deflate) => {
    const zip = makeZip(
      [
        { name: 'a.txt', data: 'alpha' },
        { name: 'dir/ü.xml', data: '<x>β</x>' },
      ],
      { deflate },
    );
    const entries = listZipEntries(zip)!;
    expect(entries.map((e) => e.name)).toEqual(['a.txt', 'dir/ü.xml']);
    expect(new TextDecoder().decode(readZipEntry(zip, entries[1]!, 1000)!)).toBe('<x>β</x>');
  });

  it('refuses to inflate beyond the limit', () => {
    const zip = makeZip([{ name: 'big', data: 'x'.repeat(10_000) }]);
    expect(readZipEntry(zip, listZipEntries(zip)![0]!, 100)).toBeNull();
  });

  it('returns null for a truncated archive', () => {
    const zip = makeZip([{ name: 'a.txt', data: 'alpha' }]);
    expect(listZipEntries(zip.subarray(0, zip.length - 10))).toBeNull();
  });

  it('never reads more than an entry declares, even when it inflates to more', () => {
    const zip = declaringSize(makeZip([{ name: 'a.txt', data: 'x'.repeat(10_000) }]), 10);
    const [entry] = listZipEntries(zip)!;
    expect(entry?.uncompressedSize).toBe(10);
    expect(readZipEntry(zip, entry!, 100)?.length).toBeLessThanOrEqual(10);
  });

  it('accepts an honest archive within the limits', () => {
    const zip = makeZip([{ name: 'a.txt', data: 'alpha beta gamma '.repeat(1000) }]);
    expect(() => checkZipWithinLimits(zip, listZipEntries(zip)!, LIMITS)).not.toThrow();
  });

  it('refuses too many entries', () => {
    const zip = makeZip(Array.from({ length: 101 }, (_, i) => ({ name: `${i}.txt`, data: 'x' })));
    expect(() => checkZipWithinLimits(zip, listZipEntries(zip)!, LIMITS)).toThrow(
      new DecodeLimitExceeded('ZIP archive has more than 100 entries'),
    );
  });

  it('refuses what the directory declares beyond the limit, before inflating', () => {
    const zip = declaringSize(makeZip([{ name: 'a.txt', data: 'small' }]), 5 * 1024 * 1024);
    expect(() => checkZipWithinLimits(zip, listZipEntries(zip)!, LIMITS)).toThrow(
      /inflates to more than 4 MB/,
    );
  });

  it('counts the bytes a lying entry really inflates to', () => {
    const bomb = declaringSize(makeZip([{ name: 'a.txt', data: new Uint8Array(8 * 1024 * 1024) }]), 10);
    expect(() => checkZipWithinLimits(bomb, listZipEntries(bomb)!, LIMITS)).toThrow(
      /inflates to more than 4 MB/,
    );
  });

  it('counts entries whose sizes follow them in a data descriptor', () => {
    const zip = streamedZip('a.txt', new Uint8Array(8 * 1024 * 1024));
    expect(listZipEntries(zip)?.map((entry) => entry.name)).toEqual(['a.txt']);
    expect(() => checkZipWithinLimits(zip, listZipEntries(zip)!, LIMITS)).toThrow(
      /inflates to more than 4 MB/,
    );
  });

  it('refuses a compression ratio beyond the limit', () => {
    const zip = makeZip([{ name: 'a.txt', data: new Uint8Array(2 * 1024 * 1024) }]);
    expect(() => checkZipWithinLimits(zip, listZipEntries(zip)!, LIMITS)).toThrow(
      /compressed more than 100:1/,
    );
  });
});
