/**
 * The backup archive's container: a gzip-compressed ustar file, written and read as a stream so
 * neither the database dump nor large originals have to fit in memory. Hand-written (a few dozen
 * lines of a 1988 format) rather than a dependency; it writes only regular files with short names.
 */
import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, rmSync } from 'node:fs';
import { open, rename } from 'node:fs/promises';
import { pipeline } from 'node:stream';
import { createGunzip, createGzip } from 'node:zlib';
import { tarChecksum, tarHeader } from './tarball.ts';

const BLOCK = 512;

export interface ArchiveWriter {
  add(name: string, bytes: Uint8Array): Promise<void>;
  /** Streams a file into the archive; `onChunk` sees every chunk written (to hash it on the way). */
  addFile(name: string, path: string, size: number, onChunk: (chunk: Uint8Array) => void): Promise<void>;
  /** Ends the archive, fsyncs it and renames it into place: the archive appears whole or not at all. */
  finish(): Promise<void>;
  /** Removes the partial archive. */
  abort(): void;
}

export function writeArchive(path: string): ArchiveWriter {
  const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  const gzip = createGzip();
  const out = createWriteStream(temporary, { flags: 'wx', mode: 0o600 });
  // A failed disk write (full disk, no permission) must fail the backup, not stall it.
  const failed = new Promise<never>((_, reject) => {
    out.on('error', reject);
    gzip.on('error', reject);
  });
  failed.catch(() => {});
  const closed = new Promise<void>((resolve) => out.on('close', resolve));
  gzip.pipe(out);
  const write = (chunk: Uint8Array) =>
    Promise.race([
      new Promise<void>((resolve, reject) => {
        gzip.write(chunk, (error) => (error ? reject(error) : resolve()));
      }),
      failed,
    ]);
  const padding = (size: number) => new Uint8Array((BLOCK - (size % BLOCK)) % BLOCK);
  return {
    async add(name, bytes) {
      await write(tarHeader(name, bytes.byteLength));
      await write(bytes);
      await write(padding(bytes.byteLength));
    },
    async addFile(name, path, size, onChunk) {
      await write(tarHeader(name, size));
      let read = 0;
      for await (const chunk of createReadStream(path)) {
        const bytes = chunk as Buffer;
        read += bytes.byteLength;
        if (read > size) throw new Error(`${name} grew while it was being archived`);
        onChunk(bytes);
        await write(bytes);
      }
      if (read !== size) throw new Error(`${name} shrank while it was being archived`);
      await write(padding(size));
    },
    async finish() {
      await write(new Uint8Array(BLOCK * 2));
      gzip.end();
      await Promise.race([closed, failed]);
      const file = await open(temporary, 'r');
      try {
        await file.sync();
      } finally {
        await file.close();
      }
      await rename(temporary, path);
    },
    abort() {
      gzip.destroy();
      out.destroy();
      rmSync(temporary, { force: true });
    },
  };
}

export type ArchiveEvent =
  | { kind: 'entry'; name: string; size: number }
  | { kind: 'data'; chunk: Uint8Array }
  | { kind: 'end' };

/** Why an archive cannot be read: the caller names the file. */
export class DamagedArchive extends Error {}

/**
 * Reads an archive as events: `entry`, its `data` chunks, `end`, for every entry in order. Throws
 * DamagedArchive for a broken gzip stream (truncation, altered bytes: gzip's CRC covers every byte),
 * a bad header checksum, or an archive that ends early.
 */
export async function* readArchive(path: string): AsyncGenerator<ArchiveEvent> {
  let pending: Buffer = Buffer.alloc(0);
  let remaining = 0; // data bytes left in the current entry
  let skip = 0; // padding bytes left after it
  let inEntry = false;
  let finished = false;
  // pipeline, not pipe: a read error (missing file) must reach the loop below instead of stalling it.
  const source = pipeline(createReadStream(path), createGunzip(), () => {});
  try {
    for await (const chunk of source) {
      pending = pending.byteLength === 0 ? (chunk as Buffer) : Buffer.concat([pending, chunk as Buffer]);
      for (;;) {
        if (finished) break;
        if (remaining > 0) {
          if (pending.byteLength === 0) break;
          const take = Math.min(remaining, pending.byteLength);
          yield { kind: 'data', chunk: pending.subarray(0, take) };
          pending = pending.subarray(take);
          remaining -= take;
          continue;
        }
        if (inEntry) {
          yield { kind: 'end' };
          inEntry = false;
        }
        if (skip > 0) {
          const take = Math.min(skip, pending.byteLength);
          pending = pending.subarray(take);
          skip -= take;
          if (skip > 0) break;
        }
        if (pending.byteLength < BLOCK) break;
        const header = pending.subarray(0, BLOCK);
        pending = pending.subarray(BLOCK);
        if (header.every((byte) => byte === 0)) {
          finished = true;
          break;
        }
        const stored = Number.parseInt(header.subarray(148, 156).toString('ascii').trim() || 'x', 8);
        if (stored !== tarChecksum(header)) throw new DamagedArchive('an archive header is corrupt');
        const name = header.subarray(0, 100).toString('utf8').replace(/\0.*$/s, '');
        const size = Number.parseInt(header.subarray(124, 136).toString('ascii').trim() || 'x', 8);
        if (!Number.isSafeInteger(size) || size < 0)
          throw new DamagedArchive(`entry ${name} has no valid size`);
        yield { kind: 'entry', name, size };
        inEntry = true;
        remaining = size;
        skip = (BLOCK - (size % BLOCK)) % BLOCK;
      }
    }
  } catch (error) {
    if (error instanceof DamagedArchive) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EACCES' || code === 'EISDIR') throw error;
    throw new DamagedArchive(`not a readable gzip archive (${(error as Error).message})`);
  } finally {
    source.destroy();
  }
  if (inEntry && remaining === 0) yield { kind: 'end' };
  if (!finished || remaining > 0) throw new DamagedArchive('the archive ends early (truncated)');
}
