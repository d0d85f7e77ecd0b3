/**
 * A decode worker: decodes one untrusted file at a time and proposes suggestions from its text.
 * It runs under a heap limit and is terminated by its pool when a file takes too long, so nothing
 * here needs to guard against a hostile file beyond the decoders' own limits.
 */
import { setPriority } from 'node:os';
import { parentPort, workerData } from 'node:worker_threads';
import { InvalidInput } from '../../../core/errors.ts';
import { decodeDocument } from '../../../decode/decodeDocument.ts';
import { DecodeLimitExceeded } from '../../../decode/decodeLimits.ts';
import { extract } from '../../../extract/extract.ts';
import type { DecodeJob, WorkerReply, WorkerSetup } from './decodeMessages.ts';

// Decoding is background work: on Linux this lowers only this thread's priority, so the server's
// own thread, which answers requests, gets the CPU first on a busy machine.
try {
  setPriority(0, 10);
} catch {
  // Not permitted on this platform: decoding still runs, at normal priority.
}

const port = parentPort;
if (!port) throw new Error('decode.worker.ts runs as a worker thread');
const { limits } = workerData as WorkerSetup;
const reply = (message: WorkerReply) => port.postMessage(message);

port.on('message', async ({ job, bytes, fileName, published }: DecodeJob) => {
  let decoded: Awaited<ReturnType<typeof decodeDocument>>;
  try {
    // A private copy, made on this thread: the shared original must stay untouched, and decoders
    // (TextDecoder, pdf.js) refuse or detach shared memory.
    decoded = await decodeDocument(bytes.slice(), fileName, limits);
  } catch (error) {
    if (error instanceof DecodeLimitExceeded) reply({ job, kind: 'over-limit', reason: error.reason });
    else if (error instanceof InvalidInput)
      reply({ job, kind: 'invalid', field: error.field, reason: error.reason });
    // A library's own message may quote the document: only the stage leaves the worker.
    else reply({ job, kind: 'failed', stage: 'decode' });
    return;
  }
  reply({ job, kind: 'decoded', decoded });
  try {
    // The date the person gave wins; else the page's own (relative dates like "on Thursday" need one).
    const reference = published ?? decoded.published ?? null;
    reply({ job, kind: 'extracted', suggestions: extract(decoded.text, { published: reference }) });
  } catch {
    reply({ job, kind: 'failed', stage: 'extract' });
  }
});

reply({ job: 0, kind: 'ready' });
