import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  newFileKey,
  openStream,
  STREAM_CHUNK_BYTES,
  StreamOpenFailed,
  sealedStreamSize,
  sealStream,
} from './secretStream.ts';

describe('sealed originals (secretstream)', () => {
  const key = newFileKey();

  it('round-trips any bytes, including empty and several chunks, at the announced size', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 3 * STREAM_CHUNK_BYTES + 10 }), async (bytes) => {
        const sealed = await sealStream(key, bytes);
        expect(sealed.byteLength).toBe(sealedStreamSize(bytes.byteLength));
        expect(openStream(key, sealed)).toEqual(bytes);
      }),
      { numRuns: 25 },
    );
  });

  it('keeps no plaintext in the sealed bytes', async () => {
    const text = new TextEncoder().encode('the guard at the second gate took my brother'.repeat(100));
    const sealed = Buffer.from(await sealStream(key, text));
    expect(sealed.includes(Buffer.from('brother'))).toBe(false);
  });

  it('refuses a wrong key, a truncated file, a dropped chunk or a flipped bit', async () => {
    const bytes = new Uint8Array(2 * STREAM_CHUNK_BYTES + 5).fill(7);
    const sealed = await sealStream(key, bytes);
    expect(() => openStream(newFileKey(), sealed)).toThrow(StreamOpenFailed);
    expect(() => openStream(key, sealed.subarray(0, sealed.byteLength - 1))).toThrow(StreamOpenFailed);
    // The whole last chunk gone: every remaining chunk opens, but none is FINAL.
    expect(() => openStream(key, sealed.subarray(0, sealed.byteLength - (5 + 17)))).toThrow(StreamOpenFailed);
    for (const position of [0, 10, 40, sealed.byteLength - 1]) {
      const altered = sealed.slice();
      altered[position]! ^= 1;
      expect(() => openStream(key, altered), `byte ${position}`).toThrow(StreamOpenFailed);
    }
  });
});
