/** Files a command hands to someone else (referral packages, status replies): whole or not at all. */
import { randomBytes } from 'node:crypto';
import { linkSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { InvalidInput } from '../core/errors.ts';
import { isFsError } from '../runtime/fsErrors.ts';
import type { CommandIo } from './command.ts';

/**
 * Writes a temporary file beside `target`, then links it into place: the target appears complete, and
 * an existing file is never overwritten (a package someone has not sent yet is not lost).
 */
export function writeNewFile(io: CommandIo, target: string, text: string | Uint8Array): string {
  const path = resolve(io.cwd, target);
  const temporary = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  writeFileSync(temporary, text, { flag: 'wx', mode: 0o600 });
  try {
    linkSync(temporary, path);
  } catch (error) {
    if (isFsError(error) && error.code === 'EEXIST')
      throw new InvalidInput(target, 'already exists; choose another file name');
    throw error;
  } finally {
    unlinkSync(temporary);
  }
  return path;
}

export function readTextFile(io: CommandIo, file: string, maxBytes: number): string {
  const path = resolve(io.cwd, file);
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    if (isFsError(error) && error.code === 'ENOENT') throw new InvalidInput(file, 'no such file');
    throw error;
  }
  if (bytes.byteLength > maxBytes) throw new InvalidInput(file, `is larger than ${maxBytes} bytes`);
  return bytes.toString('utf8');
}
