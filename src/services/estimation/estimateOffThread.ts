/**
 * The estimate in a worker thread of its own, under a heap limit and a time limit, at most two at a
 * time per process: the model search is pure CPU (1.4 s for the six UK lists, far more for many
 * lists or a higher order), and on the main thread it would stop the server answering anyone else.
 */
import type { CaptureTable } from '../../analysis/mse/captureTable.ts';
import type { PopulationEstimate } from '../../analysis/mse/estimatePopulation.ts';
import type { EstimateOptions } from '../../analysis/mse/estimateStratum.ts';
import { InvalidInput, RateLimited } from '../../core/errors.ts';
import { startWorker } from '../../runtime/workerScript.ts';

export const ESTIMATE_LIMITS = { concurrent: 2, timeMs: 120_000, heapMb: 1024 };

let running = 0;

export async function estimateOffThread(
  table: CaptureTable,
  options: Partial<EstimateOptions>,
  limits = ESTIMATE_LIMITS,
): Promise<PopulationEstimate> {
  if (running >= limits.concurrent)
    throw new RateLimited(`${limits.concurrent} estimates are already running: try again in a minute`, 30);
  running += 1;
  const worker = startWorker(new URL('./estimate.worker.ts', import.meta.url), {
    workerData: { table, options },
    resourceLimits: { maxOldGenerationSizeMb: limits.heapMb },
  });
  try {
    return await new Promise<PopulationEstimate>((resolve, reject) => {
      const timer = setTimeout(() => {
        reject(
          new InvalidInput(
            'body.lists',
            `the estimate took longer than ${Math.round(limits.timeMs / 1000)} s and was stopped: choose fewer lists, or a lower highest order`,
          ),
        );
      }, limits.timeMs);
      worker.once('message', (result: PopulationEstimate) => {
        clearTimeout(timer);
        resolve(result);
      });
      worker.once('error', (error: NodeJS.ErrnoException) => {
        clearTimeout(timer);
        reject(
          error.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? new InvalidInput(
                'body.lists',
                `the estimate needed more than ${limits.heapMb} MB and was stopped: choose fewer lists, or a lower highest order`,
              )
            : error,
        );
      });
    });
  } finally {
    running -= 1;
    void worker.terminate();
  }
}
