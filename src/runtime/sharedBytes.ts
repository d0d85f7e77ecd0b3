/**
 * Bytes in shared memory, so a worker thread reads an upload without a copy. Copying a 32 MB
 * upload in one go holds the event loop for hundreds of milliseconds on a busy machine, so copies
 * here go in 64 KB steps and let other requests (a health check, a sign-in) run between them.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';

const step = 64 * 1024;

export function isShared(bytes: Uint8Array): boolean {
  return bytes.buffer instanceof SharedArrayBuffer;
}

/** The chunks joined into one shared buffer, copied a step at a time. */
export async function sharedCopyOf(chunks: readonly Uint8Array[]): Promise<Uint8Array> {
  const total = chunks.reduce((sum, chunk) => sum + chunk.byteLength, 0);
  const shared = new Uint8Array(new SharedArrayBuffer(total));
  let at = 0;
  let sinceYield = 0;
  for (const chunk of chunks) {
    for (let from = 0; from < chunk.byteLength; from += step) {
      const piece = chunk.subarray(from, Math.min(chunk.byteLength, from + step));
      shared.set(piece, at);
      at += piece.byteLength;
      sinceYield += piece.byteLength;
      if (sinceYield >= step) {
        sinceYield = 0;
        await nextTurn();
      }
    }
  }
  return shared;
}

/** `bytes` if already in shared memory, else a shared copy. */
export function inSharedMemory(bytes: Uint8Array): Promise<Uint8Array> {
  return isShared(bytes) ? Promise.resolve(bytes) : sharedCopyOf([bytes]);
}
