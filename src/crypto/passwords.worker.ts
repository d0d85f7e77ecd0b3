/**
 * A password-hashing worker thread (started by passwordPool.ts): runs Argon2id off the main thread,
 * so a sign-in flood cannot block the event loop that answers every other request. Each job is one
 * message; derived keys go back as transferred buffers, so no copy stays in this thread's heap.
 */
import { parentPort } from 'node:worker_threads';
import type { PasswordJob, PasswordJobMessage, PasswordJobReply } from './passwordJobs.ts';
import { deriveKeyFromPassword, hashPassword, verifyPassword } from './passwords.ts';
import { randomBytes } from './sodium.ts';

let throwawayVerifier: string | null = null;

function run(job: PasswordJob): { value: unknown; transfer: ArrayBuffer[] } {
  switch (job.kind) {
    case 'hash':
      return { value: hashPassword(job.password, job.params), transfer: [] };
    case 'derive': {
      const key = deriveKeyFromPassword(job.password, job.salt, job.params);
      return { value: key, transfer: [key.buffer as ArrayBuffer] };
    }
    case 'verify': {
      if (!verifyPassword(job.hash, job.password)) return { value: null, transfer: [] };
      const key = deriveKeyFromPassword(job.password, job.salt, job.params);
      return { value: key, transfer: [key.buffer as ArrayBuffer] };
    }
    case 'burn':
      throwawayVerifier ??= hashPassword(Buffer.from(randomBytes(16)).toString('hex'));
      verifyPassword(throwawayVerifier, job.password);
      return { value: null, transfer: [] };
  }
}

parentPort?.on('message', ({ id, job }: PasswordJobMessage) => {
  let reply: PasswordJobReply;
  let transfer: ArrayBuffer[] = [];
  try {
    const result = run(job);
    reply = { id, ok: true, value: result.value };
    transfer = result.transfer;
  } catch (error) {
    // Never the password: only what went wrong (e.g. an unsupported KDF algorithm).
    reply = { id, ok: false, message: error instanceof Error ? error.message : 'password hashing failed' };
  }
  parentPort?.postMessage(reply, transfer);
});
