import { describe, expect, it } from 'vitest';
import { makeZip } from '../../test/support/zip.ts';
import { listZipEntries, readZipEntry } from './zipEntries.ts';

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
});
