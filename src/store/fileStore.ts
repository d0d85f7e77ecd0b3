/**
 * Preserved originals, content-addressed by SHA-256: files/ab/cd/abcd…  The same bytes are stored
 * once. Writes go to a temporary file in files/tmp/ that is fsynced and renamed, and the directory is
 * fsynced, so a crash never leaves a truncated original under its hash nor loses one a committed row
 * points at; what an interrupted write leaves behind sits in one directory, cheap to clean at start.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { mkdir, open, rename } from 'node:fs/promises';
import { join, relative } from 'node:path';
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

const SHA256_HEX = /^[0-9a-f]{64}$/;
/** Originals written at once by putMany (each waits on its own fsync). */
const PARALLEL_WRITES = 8;
const TEMPORARY_DIR = 'tmp';
/** A temporary file untouched this long belongs to a write that will never finish. */
export const STALE_TEMPORARY_MS = 60 * 60 * 1000;

export interface FileStore {
  /** Stores the bytes (once) and returns their SHA-256. Asynchronous, so ingest overlaps disk and CPU. */
  put(bytes: Uint8Array): Promise<string>;
  /**
   * Stores several originals as a group: each is written and fsynced like `put`, and every directory
   * that gained a name is fsynced once for the group. Answers, per original, its SHA-256 or the error
   * that kept it from the disk (one full disk or bad file never hides the others' outcome).
   */
  putMany(originals: ReadonlyArray<{ sha256: string; bytes: Uint8Array }>): Promise<Array<string | Error>>;
  get(sha256: string): Uint8Array;
  has(sha256: string): boolean;
  /** Where the original lives on disk (for streaming it). */
  path(sha256: string): string;
  /** The original's SHA-256 and size as read back from disk now (streamed; originals may be large). */
  rehash(sha256: string): Promise<{ sha256: string; byteSize: number }>;
  /** Every preserved original's hash, walking the tree (sorted). */
  list(): string[];
  /** Temporary files left by interrupted writes, older than STALE_TEMPORARY_MS (paths relative to the root). */
  staleTemporaries(now?: number): string[];
  /** Removes the given temporaries (as returned by staleTemporaries). */
  removeTemporaries(paths: readonly string[]): void;
}

export function fileStore(root: string): FileStore {
  const pathOf = (sha256: string) => {
    if (!SHA256_HEX.test(sha256)) throw new Error('not a SHA-256 hex digest');
    return join(root, sha256.slice(0, 2), sha256.slice(2, 4), sha256);
  };
  const temporaries = join(root, TEMPORARY_DIR);
  /**
   * Writes one original under its name, unless it is there already; answers the directories whose
   * entries changed (to be fsynced before any row points at the file), none when it was there.
   */
  const place = async (sha256: string, bytes: Uint8Array): Promise<string[]> => {
    const path = pathOf(sha256);
    if (existsSync(path)) return [];
    const directory = join(root, sha256.slice(0, 2), sha256.slice(2, 4));
    const created = await mkdir(directory, { recursive: true, mode: 0o700 });
    await mkdir(temporaries, { recursive: true, mode: 0o700 });
    const temporary = join(temporaries, `${sha256}.${randomBytes(6).toString('hex')}.tmp`);
    const file = await open(temporary, 'wx', 0o600);
    try {
      await file.writeFile(bytes);
      await file.datasync();
    } finally {
      await file.close();
    }
    await rename(temporary, path);
    return created ? [directory, join(root, sha256.slice(0, 2)), root] : [directory];
  };
  return {
    async put(bytes) {
      const sha256 = await sha256HexYielding(bytes);
      // The caller commits a row pointing at this file next, and that commit is fsynced: the new
      // name (and any directory made for it) must reach the disk first, or a power cut could keep
      // the row and lose its original.
      for (const directory of await place(sha256, bytes)) await syncDirectory(directory);
      return sha256;
    },
    async putMany(originals) {
      const answers: Array<string | Error> = new Array(originals.length);
      const changed = new Set<string>();
      let next = 0;
      const writer = async () => {
        while (next < originals.length) {
          const index = next++;
          const { sha256, bytes } = originals[index]!;
          try {
            // The caller's hash is trusted only as far as the name: a wrong one would file the
            // bytes under another original's name, so it is checked (cheap beside the fsync).
            if (sha256Hex(bytes) !== sha256) throw new Error('the bytes do not match their SHA-256');
            for (const directory of await place(sha256, bytes)) changed.add(directory);
            answers[index] = sha256;
          } catch (error) {
            answers[index] = error instanceof Error ? error : new Error(String(error));
          }
        }
      };
      // The fsyncs wait on the disk, not the CPU: a few at once let the disk merge them.
      await Promise.all(Array.from({ length: Math.min(PARALLEL_WRITES, originals.length) }, writer));
      // Deepest first, so a new directory's own entry is durable before its parent's is synced.
      const directories = [...changed].sort((a, b) => b.length - a.length);
      try {
        for (const directory of directories) await syncDirectory(directory);
      } catch (error) {
        // Without the directory sync no original of the group may be pointed at.
        const failed = error instanceof Error ? error : new Error(String(error));
        return answers.map((answer) => (typeof answer === 'string' ? failed : answer));
      }
      return answers;
    },
    get: (sha256) => new Uint8Array(readFileSync(pathOf(sha256))),
    has: (sha256) => existsSync(pathOf(sha256)),
    path: pathOf,
    rehash: (sha256) =>
      new Promise((resolve, reject) => {
        const hash = createHash('sha256');
        let byteSize = 0;
        createReadStream(pathOf(sha256))
          .on('data', (chunk) => {
            byteSize += chunk.length;
            hash.update(chunk);
          })
          .on('error', reject)
          .on('end', () => resolve({ sha256: hash.digest('hex'), byteSize }));
      }),
    list: () => walk(root).originals,
    staleTemporaries(now = Date.now()) {
      return walk(root)
        .temporaries.filter((path) => now - mtimeOf(join(root, path)) > STALE_TEMPORARY_MS)
        .sort();
    },
    removeTemporaries(paths) {
      for (const path of paths) rmSync(join(root, path), { force: true });
    },
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

/**
 * Removes temporaries untouched for `olderThanMs` from files/tmp/ only: one directory, so every start
 * can afford it. Older versions wrote temporaries beside the originals; `attest verify` removes those.
 */
export function removeStaleTemporaries(root: string, olderThanMs = STALE_TEMPORARY_MS): string[] {
  const dir = join(root, TEMPORARY_DIR);
  if (!existsSync(dir)) return [];
  const now = Date.now();
  const stale = readdirSync(dir)
    .filter((name) => name.endsWith('.tmp') && now - mtimeOf(join(dir, name)) >= olderThanMs)
    .map((name) => join(TEMPORARY_DIR, name));
  const removed: string[] = [];
  for (const path of stale) {
    try {
      rmSync(join(root, path), { force: true });
      removed.push(path);
    } catch {
      // A read-only data directory still opens for reading; `attest verify` reports what stays.
    }
  }
  return removed;
}

function mtimeOf(path: string): number {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return Number.POSITIVE_INFINITY; // gone meanwhile: finished or removed by another process
  }
}

/** Originals (by hash) and temporaries (relative paths) anywhere under the root. */
function walk(root: string): { originals: string[]; temporaries: string[] } {
  const originals: string[] = [];
  const temporaries: string[] = [];
  const visit = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (entry.name.endsWith('.tmp')) temporaries.push(relative(root, path));
      else if (SHA256_HEX.test(entry.name)) originals.push(entry.name);
    }
  };
  if (existsSync(root)) visit(root);
  return { originals: originals.sort(), temporaries };
}
