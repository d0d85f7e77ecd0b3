/**
 * PGlite's file system for a data directory on disk, made durable. PGlite starts PostgreSQL with
 * fsync off, and Emscripten's NODEFS has no fsync: a committed transaction could sit in the page
 * cache and be lost by a power cut. Here fsync reaches the disk (fs.fsyncSync on the real file) and
 * PostgreSQL is started with fsync on and the WAL flushed with fsync (PGlite makes fdatasync a
 * no-op), so a commit returns only after its WAL is on disk.
 */
import { fsyncSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { NodeFS } from '@electric-sql/pglite/nodefs';

type FsInit = Awaited<ReturnType<NodeFS['init']>>;
type EmscriptenModule = { NODEFS: { stream_ops: Record<string, unknown> } };

/** Counts fsyncs reaching the disk; tests read it to prove commits are flushed. */
export const durability = { fsyncs: 0 };

export class DurableNodeFS extends NodeFS {
  override async init(...args: Parameters<NodeFS['init']>): Promise<FsInit> {
    const result = await super.init(...args);
    const preRun = result.emscriptenOpts.preRun ?? [];
    const enableFsync = (mod: EmscriptenModule) => {
      mod.NODEFS.stream_ops.fsync = (stream: { nfd: number }) => {
        fsyncSync(stream.nfd);
        durability.fsyncs += 1;
        return 0;
      };
    };
    return {
      ...result,
      emscriptenOpts: {
        ...result.emscriptenOpts,
        preRun: [...(Array.isArray(preRun) ? preRun : [preRun]), enableFsync],
      },
    };
  }
}

/**
 * PGlite's start parameters with fsync on (its default `-F` turns it off) and WAL sync by fsync.
 * Shared buffers are 32 MB rather than 128 MB: they live in the process's WebAssembly memory, and
 * the operating system's page cache keeps the data files warm anyway.
 */
export function durableStartParams(): string[] {
  return [
    ...PGlite.defaultStartParams.filter((param) => param !== '-F'),
    ...['-c', 'wal_sync_method=fsync', '-c', 'shared_buffers=32MB'],
  ];
}
