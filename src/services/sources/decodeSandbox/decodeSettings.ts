/**
 * The decode sandbox's settings, from the environment (validated in runtime/config.ts): every limit
 * can be raised or lowered by an operator, and a bad value stops the program at startup with the
 * variable named.
 */
import { cpus } from 'node:os';
import { DEFAULT_DECODE_LIMITS, type DecodeLimits } from '../../../decode/decodeLimits.ts';
import { type Environment, environmentValue } from '../../../runtime/config.ts';

export interface DecodeSettings {
  limits: DecodeLimits;
  /** Wall-clock budget for decoding one file (type sniffing, unzipping, parsing). */
  timeoutMs: number;
  /** Budget for proposing suggestions from the decoded text; past it the text is kept without them. */
  extractTimeoutMs: number;
  /** V8 heap of one worker; a file needing more is not decoded. */
  heapMb: number;
  workers: number;
}

export const DEFAULT_DECODE_SETTINGS: DecodeSettings = {
  limits: DEFAULT_DECODE_LIMITS,
  timeoutMs: 30_000,
  extractTimeoutMs: 120_000,
  heapMb: 256,
  // Two cores' worth of decoding at most: the server's own thread must stay free to answer.
  workers: Math.max(1, Math.min(2, cpus().length)),
};

/** ATTEST_DECODE_WORKERS when set (validated), else undefined: commands choose their own default. */
export function decodeWorkersFrom(env: Environment): number | undefined {
  return environmentValue(env, 'ATTEST_DECODE_WORKERS') as number | undefined;
}

/** Settings from `env`; unset or empty variables keep their defaults. Throws UsageError naming the variable. */
export function decodeSettingsFrom(env: Environment): DecodeSettings {
  const read = (name: Parameters<typeof environmentValue>[1]) =>
    environmentValue(env, name) as number | undefined;
  const defaults = DEFAULT_DECODE_SETTINGS;
  const unzippedMb = read('ATTEST_DECODE_MAX_UNZIPPED_MB');
  return {
    timeoutMs: read('ATTEST_DECODE_TIMEOUT_MS') ?? defaults.timeoutMs,
    extractTimeoutMs: read('ATTEST_EXTRACT_TIMEOUT_MS') ?? defaults.extractTimeoutMs,
    heapMb: read('ATTEST_DECODE_HEAP_MB') ?? defaults.heapMb,
    workers: read('ATTEST_DECODE_WORKERS') ?? defaults.workers,
    limits: {
      maxUnzippedBytes:
        unzippedMb !== undefined ? unzippedMb * 1024 * 1024 : defaults.limits.maxUnzippedBytes,
      maxCompressionRatio: read('ATTEST_DECODE_MAX_RATIO') ?? defaults.limits.maxCompressionRatio,
      maxZipEntries: read('ATTEST_DECODE_MAX_ZIP_ENTRIES') ?? defaults.limits.maxZipEntries,
      maxPdfPages: read('ATTEST_DECODE_MAX_PDF_PAGES') ?? defaults.limits.maxPdfPages,
      maxHtmlElements: read('ATTEST_DECODE_MAX_HTML_ELEMENTS') ?? defaults.limits.maxHtmlElements,
      maxHtmlDepth: read('ATTEST_DECODE_MAX_HTML_DEPTH') ?? defaults.limits.maxHtmlDepth,
      maxTextChars: read('ATTEST_DECODE_MAX_TEXT_CHARS') ?? defaults.limits.maxTextChars,
    },
  };
}
