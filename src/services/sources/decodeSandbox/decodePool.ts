/**
 * Decoding untrusted files off the main thread: a small pool of worker threads, each under a heap
 * limit, each job under a wall-clock budget. A worker that runs out of time or memory is terminated
 * and replaced, its file is reported "not decoded: <limit>", and the next file goes on; the
 * server's own thread only moves bytes and answers requests meanwhile.
 */
import type { Worker } from 'node:worker_threads';
import { InvalidInput } from '../../../core/errors.ts';
import type { Suggestions } from '../../../core/suggestions.ts';
import type { DecodedDocument } from '../../../decode/decodeDocument.ts';
import { inSharedMemory } from '../../../runtime/sharedBytes.ts';
import { startWorker } from '../../../runtime/workerScript.ts';
import type { DecodeJob, WorkerReply, WorkerSetup } from './decodeMessages.ts';
import { DEFAULT_DECODE_SETTINGS, type DecodeSettings } from './decodeSettings.ts';

export type SandboxOutcome =
  | {
      kind: 'decoded';
      decoded: DecodedDocument;
      /** null when extraction ran out of time or memory; `extractionProblem` says which. */
      suggestions: Suggestions | null;
      extractionProblem: string | null;
    }
  | { kind: 'not-decoded'; reason: string };

export interface DecodePool {
  /** Decodes and extracts one file; throws InvalidInput for a corrupt or unsupported file. */
  decode(bytes: Uint8Array, fileName: string, published: string | null): Promise<SandboxOutcome>;
  close(): Promise<void>;
}

interface Pending {
  job: DecodeJob;
  resolve(outcome: SandboxOutcome): void;
  reject(error: Error): void;
  decoded: DecodedDocument | null;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  current: Pending | null;
  timer: NodeJS.Timeout | null;
  /** Why this worker is being stopped or why it died, for the file it held. */
  stopReason: string | null;
}

const seconds = (ms: number) => `${Math.round(ms / 100) / 10} s`;

export function createDecodePool(settings: DecodeSettings = DEFAULT_DECODE_SETTINGS): DecodePool {
  const queue: Pending[] = [];
  const slots = new Set<Slot>();
  let nextJob = 1;
  let closed = false;
  let failedStarts = 0;
  const memoryLimit = `memory limit (${settings.heapMb} MB)`;

  const spawn = () => {
    const setup: WorkerSetup = { limits: settings.limits };
    const worker = startWorker(new URL('./decode.worker.ts', import.meta.url), {
      workerData: setup,
      resourceLimits: { maxOldGenerationSizeMb: settings.heapMb, maxYoungGenerationSizeMb: 32 },
    });
    // A starting worker, or one holding a job, keeps the process alive; an idle one never does.
    const slot: Slot = { worker, ready: false, current: null, timer: null, stopReason: null };
    slots.add(slot);
    worker.on('message', (reply: WorkerReply) => onReply(slot, reply));
    worker.on('error', (error: NodeJS.ErrnoException) => {
      slot.stopReason ??= error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? memoryLimit : 'decoder crashed';
    });
    worker.on('exit', () => onExit(slot));
  };

  const onReply = (slot: Slot, reply: WorkerReply) => {
    if (reply.kind === 'ready') {
      slot.ready = true;
      failedStarts = 0;
      pump();
      if (!slot.current) slot.worker.unref();
      return;
    }
    const pending = slot.current;
    if (!pending || pending.job.job !== reply.job) return;
    switch (reply.kind) {
      case 'decoded':
        pending.decoded = reply.decoded;
        startTimer(slot, settings.extractTimeoutMs);
        return;
      case 'extracted':
        return finish(slot, {
          kind: 'decoded',
          decoded: pending.decoded!,
          suggestions: reply.suggestions,
          extractionProblem: null,
        });
      case 'over-limit':
        return finish(slot, { kind: 'not-decoded', reason: reply.reason });
      case 'invalid':
        return finish(slot, new InvalidInput(reply.field, reply.reason));
      case 'failed':
        return finish(slot, failure(pending, 'decoder failed'));
    }
  };

  const failure = (pending: Pending, reason: string): SandboxOutcome =>
    pending.decoded
      ? { kind: 'decoded', decoded: pending.decoded, suggestions: null, extractionProblem: reason }
      : { kind: 'not-decoded', reason };

  const finish = (slot: Slot, outcome: SandboxOutcome | Error) => {
    const pending = slot.current;
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    slot.current = null;
    slot.worker.unref();
    if (!pending) return;
    if (outcome instanceof Error) pending.reject(outcome);
    else pending.resolve(outcome);
    pump();
  };

  const startTimer = (slot: Slot, ms: number) => {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = setTimeout(() => {
      slot.stopReason = `time limit (${seconds(ms)})`;
      void slot.worker.terminate();
    }, ms);
  };

  const onExit = (slot: Slot) => {
    slots.delete(slot);
    if (slot.timer) clearTimeout(slot.timer);
    const pending = slot.current;
    slot.current = null;
    if (!slot.ready && !pending) {
      // A worker that cannot even start (a broken install) would be replaced forever: give up on the queue.
      if (++failedStarts >= 3)
        for (const waiting of queue.splice(0)) waiting.reject(new Error('decode worker failed to start'));
    }
    if (pending) {
      if (closed) pending.reject(new Error('decode pool closed'));
      else pending.resolve(failure(pending, slot.stopReason ?? 'decoder crashed'));
    }
    pump();
  };

  const pump = () => {
    if (closed) return;
    for (const slot of slots) {
      if (queue.length === 0) return;
      if (slot.ready && !slot.current) assign(slot, queue.shift()!);
    }
    const starting = [...slots].filter((slot) => !slot.ready).length;
    if (queue.length > starting && slots.size < settings.workers) spawn();
  };

  const assign = (slot: Slot, pending: Pending) => {
    slot.current = pending;
    slot.worker.ref();
    startTimer(slot, settings.timeoutMs);
    slot.worker.postMessage(pending.job);
  };

  return {
    async decode(bytes, fileName, published) {
      if (closed) throw new Error('decode pool closed');
      // Shared, not copied by postMessage: the worker reads the caller's bytes in place.
      const job = { job: nextJob++, bytes: await inSharedMemory(bytes), fileName, published };
      return new Promise<SandboxOutcome>((resolve, reject) => {
        queue.push({ job, resolve, reject, decoded: null });
        pump();
      });
    },
    async close() {
      closed = true;
      for (const waiting of queue.splice(0)) waiting.reject(new Error('decode pool closed'));
      await Promise.all([...slots].map((slot) => slot.worker.terminate()));
    },
  };
}

let shared: DecodePool | null = null;

/** One pool for the process, with the default settings, for callers that configure none. */
export function defaultDecodePool(): DecodePool {
  shared ??= createDecodePool();
  return shared;
}
