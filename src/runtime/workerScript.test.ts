import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { startWorker } from './workerScript.ts';

describe('startWorker', () => {
  it('starts a TypeScript worker from the sources, with its data and resource limits', async () => {
    const worker = startWorker(new URL('../../test/support/echo.worker.ts', import.meta.url), {
      workerData: 41,
      resourceLimits: { maxOldGenerationSizeMb: 64 },
    });
    const [answer] = await once(worker, 'message');
    expect(answer).toBe(42);
    await worker.terminate();
  });

  it('refuses a module that is not TypeScript source', () => {
    expect(() => startWorker(new URL('./missing.js', import.meta.url))).toThrow(/\.ts file/);
  });
});
