/**
 * Starts a worker thread from the same kind of file as its parent. Attest runs from compiled
 * JavaScript in dist/ (what `npx attest` starts) and from the TypeScript sources (tests, `npm run
 * bench`); from sources the worker first registers tsx, because a worker does not inherit the
 * parent's loader.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

const compiled = import.meta.url.endsWith('.js');

/**
 * `source` is the worker module's URL as written in the sources, e.g.
 * `new URL('./decode.worker.ts', import.meta.url)`; it becomes `.js` when running compiled.
 */
export function startWorker(source: URL, options: WorkerOptions = {}): Worker {
  if (!source.pathname.endsWith('.ts')) throw new Error(`a worker module is a .ts file: ${source.pathname}`);
  if (compiled) return new Worker(new URL(source.href.replace(/\.ts$/, '.js')), options);
  const tsx = tsxEsmApi();
  const bootstrap = `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(source.href)}); })`;
  return new Worker(bootstrap, { ...options, eval: true });
}

/** The ESM entry of tsx's API (its CommonJS entry cannot register hooks from a worker). */
function tsxEsmApi(): string {
  const manifest = createRequire(import.meta.url).resolve('tsx/package.json');
  const exports = JSON.parse(readFileSync(manifest, 'utf8')).exports['./esm/api'].import.default as string;
  return new URL(exports, pathToFileURL(manifest)).href;
}
