/**
 * A decode worker: decodes one untrusted file at a time and proposes suggestions from its text.
 * It runs under a heap limit and is terminated by its pool when a file takes too long, so nothing
 * here needs to guard against a hostile file beyond the decoders' own limits.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { InvalidInput } from '../../core/errors.ts';
import { decodeDocument } from '../../decode/decodeDocument.ts';
import { DecodeLimitExceeded } from '../../decode/decodeLimits.ts';
import { extract } from '../../extract/extract.ts';
import type { DecodeJob, WorkerReply, WorkerSetup } from './decodeMessages.ts';

const port = parentPort;
if (!port) throw new Error('decode.worker.ts runs as a worker thread');
const { limits } = workerData as WorkerSetup;
const reply = (message: WorkerReply) => port.postMessage(message);

port.on('message', async ({ job, bytes, fileName, published }: DecodeJob) => {
  let decoded: Awaited<ReturnType<typeof decodeDocument>>;
  try {
    decoded = await decodeDocument(bytes, fileName, limits);
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
    reply({ job, kind: 'extracted', suggestions: extract(decoded.text, { published }) });
  } catch {
    reply({ job, kind: 'failed', stage: 'extract' });
  }
});

reply({ job: 0, kind: 'ready' });
