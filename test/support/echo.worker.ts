// A worker for the workerScript test: answers with its input plus one, typed so only tsx can load it.
import { parentPort, workerData } from 'node:worker_threads';

const input: number = workerData;
parentPort?.postMessage(input + 1);
