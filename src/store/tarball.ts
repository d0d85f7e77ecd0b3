/**
 * Plain (ustar) tarballs of a directory of regular files, the format PGlite's loadDataDir reads:
 * the migrated template is shipped as one, and laid down as files on a first start, which is far
 * cheaper than starting the database engine to load it. Every entry must stay inside the target.
 * Extracted files are not fsynced one by one (a thousand fsyncs take seconds): see flushFiles.
 */
import { execFileSync } from 'node:child_process';
import {
  closeSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  statSync,
  writeSync,
} from 'node:fs';
import { join, normalize, sep } from 'node:path';

const BLOCK = 512;

/** Returns the paths of the files written. */
export function extractTar(tar: Uint8Array, target: string): string[] {
  const written: string[] = [];
  const decoder = new TextDecoder();
  const field = (offset: number, length: number) =>
    decoder.decode(tar.subarray(offset, offset + length)).replace(/\0.*$/s, '');
  mkdirSync(target, { recursive: true, mode: 0o700 });
  let offset = 0;
  while (offset + BLOCK <= tar.byteLength && tar[offset] !== 0) {
    const prefix = field(offset + 345, 155);
    const name = prefix ? `${prefix}/${field(offset, 100)}` : field(offset, 100);
    const size = Number.parseInt(field(offset + 124, 12).trim() || '0', 8);
    const type = String.fromCharCode(tar[offset + 156] ?? 0);
    const relative = normalize(name).replace(/^\/+/, '');
    if (relative.startsWith('..') || relative.split(sep).includes('..')) {
      throw new Error(`tar entry outside the target: ${name}`);
    }
    const path = join(target, relative);
    const body = offset + BLOCK;
    if (type === '5') mkdirSync(path, { recursive: true, mode: 0o700 });
    else if (type === '0' || type === '\0') {
      const fd = openSync(path, 'w', 0o600);
      try {
        writeSync(fd, tar, body, size);
      } finally {
        closeSync(fd);
      }
      written.push(path);
    } else throw new Error(`unsupported tar entry type '${type}': ${name}`);
    offset = body + Math.ceil(size / BLOCK) * BLOCK;
  }
  return written;
}

/**
 * Puts the files on disk: one syncfs(2) of their file system through coreutils' `sync -f` where it
 * exists, else an fsync of each file.
 */
export function flushFiles(directory: string, files: string[]): void {
  try {
    execFileSync('sync', ['-f', directory], { stdio: 'ignore' });
    return;
  } catch {
    for (const file of files) {
      const fd = openSync(file, 'r');
      try {
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
    }
  }
}

/** A tarball of every directory and regular file under `directory`, names rooted at `/`. */
export function createTar(directory: string): Uint8Array {
  const blocks: Uint8Array[] = [];
  const visit = (relative: string) => {
    for (const name of readdirSync(join(directory, relative)).sort()) {
      const path = relative ? `${relative}/${name}` : name;
      const stats = statSync(join(directory, path));
      if (stats.isDirectory()) {
        blocks.push(tarHeader(`/${path}`, 0, '5', 0o750));
        visit(path);
      } else if (stats.isFile()) {
        const bytes = readFileSync(join(directory, path));
        blocks.push(tarHeader(`/${path}`, bytes.byteLength), bytes);
        const padding = (BLOCK - (bytes.byteLength % BLOCK)) % BLOCK;
        if (padding) blocks.push(new Uint8Array(padding));
      }
    }
  };
  visit('');
  blocks.push(new Uint8Array(BLOCK * 2));
  return Buffer.concat(blocks);
}

/** One ustar header block: a regular file ('0') or a directory ('5'). */
export function tarHeader(name: string, size: number, type: '0' | '5' = '0', mode = 0o600): Uint8Array {
  const block = Buffer.alloc(BLOCK);
  if (Buffer.byteLength(name) > 100) throw new Error(`tar entry name longer than 100 bytes: ${name}`);
  block.write(name, 0);
  block.write(`${mode.toString(8).padStart(7, '0')}\0`, 100);
  block.write('0000000\0', 108);
  block.write('0000000\0', 116);
  block.write(`${size.toString(8).padStart(11, '0')}\0`, 124);
  block.write(
    `${Math.floor(Date.now() / 1000)
      .toString(8)
      .padStart(11, '0')}\0`,
    136,
  );
  block.write(type, 156);
  block.write('ustar\u000000', 257);
  block.write(`${tarChecksum(block).toString(8).padStart(6, '0')}\0 `, 148);
  return block;
}

/** The header checksum: every byte summed, the checksum field itself counted as spaces. */
export function tarChecksum(header: Uint8Array): number {
  let sum = 0;
  for (let index = 0; index < BLOCK; index += 1) sum += index >= 148 && index < 156 ? 0x20 : header[index]!;
  return sum;
}
