/**
 * Runs one estimate off the server's main thread (estimateOffThread.ts): the model search of six
 * lists takes over a second of CPU, more lists or a higher order much longer, and the server must
 * keep answering meanwhile. Receives the capture table and options, answers with the result.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { CaptureTable } from '../../analysis/mse/captureTable.ts';
import { estimatePopulation } from '../../analysis/mse/estimatePopulation.ts';
import type { EstimateOptions } from '../../analysis/mse/estimateStratum.ts';

const { table, options } = workerData as { table: CaptureTable; options: Partial<EstimateOptions> };
parentPort?.postMessage(estimatePopulation(table, options));
