/**
 * One owner per embedded data directory. Two processes opening the same PGlite files each believe
 * they alone write them, and one silently loses the other's records. The owner holds an exclusive
 * flock(2) on `attest.lock` for as long as it runs; the kernel drops it when the process ends, however
 * it ends, so there is no stale lock to clean. The file's content only tells others who holds it.
 */
import { closeSync, ftruncateSync, openSync, readFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import fsExt from 'fs-ext';
import { z } from 'zod';
import { StorageUnavailable } from '../core/errors.ts';
import { describeFsError } from '../runtime/fsErrors.ts';

export const LOCK_FILE = 'attest.lock';

const LockHolder = z.object({
  pid: z.number().int(),
  command: z.string(),
  since: z.string(),
  /** The local socket through which the holder runs other commands (attest serve only). */
  socket: z.string().optional(),
  url: z.string().optional(),
});
export type LockHolder = z.infer<typeof LockHolder>;

export interface DataDirLock {
  readonly holder: LockHolder;
  /** Records more about the holder (the server's socket and address once it listens). */
  update(fields: Partial<Pick<LockHolder, 'socket' | 'url'>>): void;
  release(): void;
}

/** Takes the directory's lock or throws StorageUnavailable naming the process that holds it. */
export function lockDataDir(root: string, command: string): DataDirLock {
  const path = join(root, LOCK_FILE);
  let fd: number;
  try {
    fd = openSync(path, 'a+', 0o600);
  } catch (error) {
    throw new StorageUnavailable(`cannot use data directory ${root}: ${describeFsError(error)} (${path})`);
  }
  // A few short retries: another command's probe (dataDirHolder) holds a shared lock for microseconds.
  for (let attempt = 1; ; attempt += 1) {
    try {
      fsExt.flockSync(fd, 'exnb');
      break;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'EWOULDBLOCK' && code !== 'EAGAIN') {
        closeSync(fd);
        throw error;
      }
      const holder = readLockHolder(root);
      if (holder || attempt === 5) {
        closeSync(fd);
        throw new StorageUnavailable(inUseMessage(root, holder));
      }
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
    }
  }
  let holder: LockHolder = { pid: process.pid, command, since: new Date().toISOString() };
  const write = () => {
    ftruncateSync(fd);
    writeSync(fd, `${JSON.stringify(holder)}\n`, 0);
  };
  write();
  let released = false;
  return {
    get holder() {
      return holder;
    },
    update(fields) {
      holder = { ...holder, ...fields };
      write();
    },
    release() {
      if (released) return;
      released = true;
      ftruncateSync(fd);
      closeSync(fd);
    },
  };
}

/**
 * Who holds the directory now, or null when nobody does. The probe takes the lock and lets it go at
 * once, so a holder that has just exited is not reported.
 */
export function dataDirHolder(root: string): LockHolder | null {
  let fd: number;
  try {
    fd = openSync(join(root, LOCK_FILE), 'r');
  } catch {
    return null;
  }
  try {
    fsExt.flockSync(fd, 'shnb');
    return null;
  } catch {
    return readLockHolder(root) ?? { pid: 0, command: 'unknown', since: '' };
  } finally {
    closeSync(fd);
  }
}

function readLockHolder(root: string): LockHolder | null {
  try {
    const parsed = LockHolder.safeParse(JSON.parse(readFileSync(join(root, LOCK_FILE), 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export function inUseMessage(root: string, holder: LockHolder | null): string {
  const who = holder
    ? `process ${holder.pid} (attest ${holder.command}${holder.url ? ` on ${holder.url}` : ''})`
    : 'another process';
  const advice =
    holder?.command === 'serve'
      ? 'stop that server first, or run the command while it is up so it goes through the server'
      : 'wait for it to finish or stop it';
  return `data directory ${root} is in use by ${who}: ${advice}`;
}
