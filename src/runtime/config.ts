/**
 * Every environment variable Attest reads, validated in one place with zod. A bad value stops the
 * command with a usage error naming the variable (exit 2), never quoting it: DATABASE_URL carries a
 * password. Unset and empty variables take their defaults. The README's configuration table lists
 * the same variables (a test keeps the two in step).
 *
 * Passwords and one-time codes (SECRET_VARIABLES) are read only where a command needs one
 * (`environmentSecret`), so they are not held in a long-lived object.
 */
import { z } from 'zod';
import { UsageError } from '../core/errors.ts';

const whole = (min: number) =>
  z.coerce.number().int('must be a whole number').min(min, `must be at least ${min}`);
const postgresUrl = z
  .string()
  .regex(/^postgres(ql)?:\/\/\S+$/, 'must be a postgres:// or postgresql:// connection URL');
const text = z.string().min(1);

/** Variable → schema. Documented in README.md ("Configuration") and docs/decoding.md. */
export const ENVIRONMENT_VARIABLES = {
  ATTEST_DATA: text,
  DATABASE_URL: postgresUrl,
  DATABASE_OWNER_URL: postgresUrl,
  ATTEST_PORT: whole(0).max(65_535, 'must be at most 65535'),
  ATTEST_MAX_FILE_MB: z.coerce.number().positive('must be a positive number of megabytes'),
  ATTEST_USER: text,
  ATTEST_TOTP: text,
  ATTEST_DEBUG: text,
  ATTEST_DECODE_TIMEOUT_MS: whole(100),
  ATTEST_EXTRACT_TIMEOUT_MS: whole(100),
  ATTEST_DECODE_HEAP_MB: whole(32),
  ATTEST_DECODE_WORKERS: whole(1).max(64, 'must be at most 64'),
  ATTEST_DECODE_MAX_UNZIPPED_MB: whole(1),
  ATTEST_DECODE_MAX_RATIO: whole(2),
  ATTEST_DECODE_MAX_ZIP_ENTRIES: whole(1),
  ATTEST_DECODE_MAX_PDF_PAGES: whole(1),
  ATTEST_DECODE_MAX_HTML_ELEMENTS: whole(1),
  ATTEST_DECODE_MAX_HTML_DEPTH: whole(1),
  ATTEST_DECODE_MAX_TEXT_CHARS: whole(1),
  ATTEST_OCR_MAX_PAGES: whole(1),
  ATTEST_OCR_MAX_MEGAPIXELS: whole(1),
  ATTEST_OCR_TIMEOUT_MS: whole(1000),
  ATTEST_OCR_MEMORY_MB: whole(128),
  // Web capture and trusted timestamps (services/capture/captureSettings.ts, docs/cli.md).
  ATTEST_CHROMIUM: text,
  ATTEST_CAPTURE_TIMEOUT_MS: whole(1000),
  ATTEST_CAPTURE_MAX_MB: z.coerce.number().positive('must be a positive number of megabytes'),
  ATTEST_CAPTURE_ALLOW_PRIVATE: z.enum(['yes', 'no'], 'must be yes or no'),
  ATTEST_TSA_URL: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }),
  ATTEST_TSA_CA_FILE: text,
  // Background jobs (services/jobs, docs/deploy.md).
  ATTEST_JOB_TIMEOUT_S: whole(5),
  ATTEST_JOB_CONCURRENCY: whole(1).max(64, 'must be at most 64'),
  ATTEST_WORKER_GRACE_S: whole(2).max(3600, 'must be at most 3600'),
  ATTEST_TEST_JOB_DELAY_MS: whole(0),
  // Small-cell suppression of the statistics page's public view (services/stats.ts, docs/analysis.md).
  ATTEST_STATS_THRESHOLD: whole(2).max(1000, 'must be at most 1000'),
} as const;

/** Read where a command needs them, never kept in the configuration. */
export const SECRET_VARIABLES = [
  'ATTEST_PASSWORD',
  'ATTEST_NEW_PASSWORD',
  'ATTEST_RECOVERY_KEY',
  'ATTEST_INVITATION',
] as const;

type Variables = typeof ENVIRONMENT_VARIABLES;
export type Environment = Record<string, string | undefined>;

/** The validated value of one variable, undefined when unset or empty. */
export function environmentValue<Name extends keyof Variables>(
  env: Environment,
  name: Name,
): z.output<Variables[Name]> | undefined {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return undefined;
  const parsed = ENVIRONMENT_VARIABLES[name].safeParse(raw);
  if (!parsed.success) throw new UsageError(`${name} ${parsed.error.issues[0]?.message ?? 'is not valid'}`);
  return parsed.data as z.output<Variables[Name]>;
}

/** A password from the environment, exactly as given (spaces count), or undefined. */
export function environmentSecret(
  env: Environment,
  name: (typeof SECRET_VARIABLES)[number],
): string | undefined {
  const value = env[name];
  return value === undefined || value === '' ? undefined : value;
}

/** What the process-level settings come to; each command takes the parts it needs. */
export interface RuntimeConfig {
  dataDir: string | undefined;
  databaseUrl: string | undefined;
  databaseOwnerUrl: string | undefined;
  port: number | undefined;
  maxFileBytes: number | undefined;
  user: string | undefined;
  totp: string | undefined;
  debug: boolean;
  /** Longest a background job may run before it counts as dead and is retried. */
  jobTimeoutSeconds: number | undefined;
  /** Ingest jobs at once per working process. */
  jobConcurrency: number | undefined;
  /** How long a working process may miss its heartbeat before its jobs are retried elsewhere. */
  workerGraceSeconds: number | undefined;
  /** TEST ONLY: a pause before each ingest job, so a test can kill a worker in the middle of one. */
  testJobDelayMs: number | undefined;
}

/** The non-secret settings, all validated now, so a mistake in any of them is named at once. */
export function runtimeConfigFrom(env: Environment): RuntimeConfig {
  for (const name of Object.keys(ENVIRONMENT_VARIABLES) as Array<keyof Variables>)
    environmentValue(env, name);
  const maxFileMb = environmentValue(env, 'ATTEST_MAX_FILE_MB');
  return {
    dataDir: environmentValue(env, 'ATTEST_DATA'),
    databaseUrl: environmentValue(env, 'DATABASE_URL'),
    databaseOwnerUrl: environmentValue(env, 'DATABASE_OWNER_URL'),
    port: environmentValue(env, 'ATTEST_PORT'),
    maxFileBytes: maxFileMb === undefined ? undefined : Math.floor(maxFileMb * 1024 * 1024),
    user: environmentValue(env, 'ATTEST_USER'),
    totp: environmentValue(env, 'ATTEST_TOTP'),
    debug: environmentValue(env, 'ATTEST_DEBUG') !== undefined,
    jobTimeoutSeconds: environmentValue(env, 'ATTEST_JOB_TIMEOUT_S'),
    jobConcurrency: environmentValue(env, 'ATTEST_JOB_CONCURRENCY'),
    workerGraceSeconds: environmentValue(env, 'ATTEST_WORKER_GRACE_S'),
    testJobDelayMs: environmentValue(env, 'ATTEST_TEST_JOB_DELAY_MS'),
  };
}
