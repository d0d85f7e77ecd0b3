/**
 * Argon2id off the main thread, bounded. A fixed number of worker threads (passwords.worker.ts) run
 * the hashing; callers first reserve a place, and a reservation is refused at once — RateLimited with
 * a Retry-After — when the queue is full or the expected wait exceeds the deadline. Without this, 60
 * concurrent sign-ins at 64 MiB each blocked the event loop for seconds, timed out the database pool
 * and answered 500; with it the process stays responsive and a flood gets 429.
 *
 * Reserving is separate from running so that sign-in can refuse a flood before it claims an attempt
 * (see services/accounts/login.ts): a reservation, once granted, always runs. The pool is process-wide
 * (`passwordPool()`), because the bound only means something if every caller shares it.
 */
import type { Worker } from 'node:worker_threads';
import { RateLimited } from '../core/errors.ts';
import { startWorker } from '../runtime/workerScript.ts';
import type { PasswordJob, PasswordJobReply, PasswordJobResults } from './passwordJobs.ts';

export interface PasswordPoolOptions {
  /** Hashing threads, i.e. Argon2id computations at once (each takes its memlimit: 64 MiB). */
  threads?: number;
  /** Jobs that may wait for a thread; beyond them reservations are refused. */
  maxQueued?: number;
  /** Refuse a reservation whose expected wait for a thread is longer than this. */
  maxWaitMs?: number;
}

export interface Reservation {
  run<K extends PasswordJob['kind']>(job: Extract<PasswordJob, { kind: K }>): Promise<PasswordJobResults[K]>;
  /** Gives the place back unused (the caller decided not to hash after all). */
  release(): void;
}

export interface PasswordPool {
  /** A place in the queue, or RateLimited (429) when the pool cannot serve it in time. */
  reserve(): Reservation;
  /** Reserve and run at once. */
  run<K extends PasswordJob['kind']>(job: Extract<PasswordJob, { kind: K }>): Promise<PasswordJobResults[K]>;
  /** Reserved or running jobs. */
  pending(): number;
  close(): Promise<void>;
}

interface Slot {
  worker: Worker;
  busy: boolean;
}

interface Queued {
  job: PasswordJob;
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

// The first estimate of one job (a verify-and-derive at 64 MiB on a slow shared core), refined by
// measuring every job.
const INITIAL_JOB_MS = 600;

export function createPasswordPool(options: PasswordPoolOptions = {}): PasswordPool {
  const threads = options.threads ?? 2;
  const maxQueued = options.maxQueued ?? 16;
  const maxWaitMs = options.maxWaitMs ?? 5_000;
  const slots: Slot[] = [];
  const queue: Queued[] = [];
  const inFlight = new Map<number, Queued & { slot: Slot; startedAt: number }>();
  let reserved = 0;
  let nextId = 1;
  let jobMs = INITIAL_JOB_MS;
  let closed = false;

  function failWorker(slot: Slot, error: Error): void {
    slots.splice(slots.indexOf(slot), 1);
    for (const [id, entry] of inFlight)
      if (entry.slot === slot) {
        inFlight.delete(id);
        entry.reject(error);
      }
    dispatch();
  }

  function startSlot(): Slot {
    const worker = startWorker(new URL('./passwords.worker.ts', import.meta.url));
    const slot: Slot = { worker, busy: false };
    worker.on('message', (reply: PasswordJobReply) => {
      const entry = inFlight.get(reply.id);
      if (!entry) return;
      inFlight.delete(reply.id);
      jobMs = 0.8 * jobMs + 0.2 * (performance.now() - entry.startedAt);
      slot.busy = false;
      if (reply.ok) entry.resolve(reply.value);
      else entry.reject(new Error(`password hashing failed: ${reply.message}`));
      dispatch();
    });
    worker.on('error', (error) => failWorker(slot, error));
    worker.on('exit', (code) => {
      if (slots.includes(slot)) failWorker(slot, new Error(`password worker exited (${code})`));
    });
    slots.push(slot);
    return slot;
  }

  function dispatch(): void {
    while (queue.length > 0 && !closed) {
      const slot =
        slots.find((candidate) => !candidate.busy) ?? (slots.length < threads ? startSlot() : null);
      if (!slot) break;
      const entry = queue.shift()!;
      const id = nextId++;
      slot.busy = true;
      inFlight.set(id, { ...entry, slot, startedAt: performance.now() });
      slot.worker.postMessage({ id, job: entry.job });
    }
    // Idle threads must not keep a finished CLI command (or a test process) alive.
    for (const slot of slots) {
      if (slot.busy) slot.worker.ref();
      else slot.worker.unref();
    }
  }

  function submit(job: PasswordJob): Promise<unknown> {
    if (closed) return Promise.reject(new Error('the password pool is closed'));
    return new Promise((resolve, reject) => {
      queue.push({ job, resolve, reject });
      dispatch();
    });
  }

  function reserve(): Reservation {
    const ahead = reserved;
    // Jobs beyond the free threads wait; each round of `threads` jobs takes about one job's time.
    const waitMs = ahead < threads ? 0 : Math.ceil((ahead - threads + 1) / threads) * jobMs;
    if (ahead >= threads + maxQueued || waitMs > maxWaitMs) {
      const seconds = Math.max(1, Math.ceil(waitMs / 1000));
      throw new RateLimited(`too many sign-ins at once; try again in ${seconds} s`, seconds);
    }
    reserved += 1;
    let used = false;
    return {
      run(job) {
        if (used) return Promise.reject(new Error('a reservation runs one job'));
        used = true;
        return submit(job).finally(() => {
          reserved -= 1;
        }) as never;
      },
      release() {
        if (used) return;
        used = true;
        reserved -= 1;
      },
    };
  }

  return {
    reserve,
    run: (job) => reserve().run(job),
    pending: () => reserved,
    async close() {
      closed = true;
      for (const entry of queue.splice(0)) entry.reject(new Error('the password pool is closed'));
      await Promise.all(slots.splice(0).map((slot) => slot.worker.terminate()));
    },
  };
}

let shared: PasswordPool | null = null;
let sharedOptions: PasswordPoolOptions = {};

/** The process-wide pool every password operation goes through. */
export function passwordPool(): PasswordPool {
  shared ??= createPasswordPool(sharedOptions);
  return shared;
}

/**
 * Sets the shared pool's bounds (the server does, from its options). A pool already started is
 * replaced; its threads end now if idle, else they finish their jobs and stay parked (unref'd).
 */
export function configurePasswordPool(options: PasswordPoolOptions): void {
  sharedOptions = options;
  const previous = shared;
  shared = null;
  if (previous && previous.pending() === 0) void previous.close();
}
