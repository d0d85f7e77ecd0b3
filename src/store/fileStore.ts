/**
 * Preserved originals, content-addressed by SHA-256: files/ab/cd/abcd…  The same bytes are stored
 * once. Writes go to a temporary file that is fsynced and renamed, and the directory is fsynced, so a
 * crash never leaves a truncated original under its hash nor loses one a committed row points at.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, open, rename } from 'node:fs/promises';
import { join } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

const hashStep = 256 * 1024;

/** sha256Hex in 256 KB steps, yielding between them, so hashing a large upload never stalls a server. */
export async function sha256HexYielding(bytes: Uint8Array): Promise<string> {
  const hash = createHash('sha256');
  for (let from = 0; from < bytes.byteLength; from += hashStep) {
    hash.update(bytes.subarray(from, from + hashStep));
    if (from + hashStep < bytes.byteLength) await nextTurn();
  }
  return hash.digest('hex');
}

export interface FileStore {
  /** Stores the bytes (once) and returns their SHA-256. Asynchronous, so ingest overlaps disk and CPU. */
  put(bytes: Uint8Array): Promise<string>;
  get(sha256: string): Uint8Array;
  has(sha256: string): boolean;
}

export function fileStore(root: string): FileStore {
  const pathOf = (sha256: string) => {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error('not a SHA-256 hex digest');
    return join(root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  };
  return {
    async put(bytes) {
      const sha256 = await sha256HexYielding(bytes);
      const path = pathOf(sha256);
      if (existsSync(path)) return sha256;
      const directory = join(root, sha256.slice(0, 2), sha256.slice(2, 4));
      const created = await mkdir(directory, { recursive: true, mode: 0o700 });
      const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`;
      const file = await open(temporary, 'wx', 0o600);
      try {
        await file.writeFile(bytes);
        await file.datasync();
      } finally {
        await file.close();
      }
      await rename(temporary, path);
      // The caller commits a row pointing at this file next, and that commit is fsynced: the new
      // name (and any directory made for it) must reach the disk first, or a power cut could keep
      // the row and lose its original.
      await syncDirectory(directory);
      if (created) for (const parent of [join(root, sha256.slice(0, 2)), root]) await syncDirectory(parent);
      return sha256;
    },
    get: (sha256) => new Uint8Array(readFileSync(pathOf(sha256))),
    has: (sha256) => existsSync(pathOf(sha256)),
  };
}

async function syncDirectory(path: string): Promise<void> {
  const directory = await open(path, 'r');
  try {
    await directory.sync();
  } finally {
    await directory.close();
  }
}
