/**
 * OCR's limits, from the environment (validated in runtime/config.ts). A scanned PDF of thousands
 * of pages is read up to `maxPages` pages and marked as partly read; an image declaring more than
 * `maxMegapixels` is preserved unread; each tool run has its own time and memory budget.
 */
import { type Environment, environmentValue } from '../../runtime/config.ts';

export interface OcrSettings {
  /** Pages of one scanned PDF read by OCR; the rest are named in a warning. */
  maxPages: number;
  /** Declared size above which an image is not decoded (an image bomb, or a map too big to read). */
  maxMegapixels: number;
  /** Wall-clock budget of one tool run (one page). */
  pageTimeoutMs: number;
  /** Address space of one tool run. */
  memoryMb: number;
}

export const DEFAULT_OCR_SETTINGS: OcrSettings = {
  maxPages: 200,
  maxMegapixels: 50,
  pageTimeoutMs: 60_000,
  memoryMb: 1024,
};

/** Settings from `env`; unset or empty variables keep their defaults. Throws UsageError naming the variable. */
export function ocrSettingsFrom(env: Environment): OcrSettings {
  const defaults = DEFAULT_OCR_SETTINGS;
  return {
    maxPages: environmentValue(env, 'ATTEST_OCR_MAX_PAGES') ?? defaults.maxPages,
    maxMegapixels: environmentValue(env, 'ATTEST_OCR_MAX_MEGAPIXELS') ?? defaults.maxMegapixels,
    pageTimeoutMs: environmentValue(env, 'ATTEST_OCR_TIMEOUT_MS') ?? defaults.pageTimeoutMs,
    memoryMb: environmentValue(env, 'ATTEST_OCR_MEMORY_MB') ?? defaults.memoryMb,
  };
}
