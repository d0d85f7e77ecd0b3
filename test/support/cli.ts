/** Runs the real `attest` command line in a child process, as other tools and people do. */
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from './paths.ts';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
  /** With `measureMemory`: the process's peak resident set (VmHWM, worker threads included). */
  peakRssBytes?: number;
}

/** The high-water mark of a running process's resident memory, from /proc (Linux). */
function peakRssOf(pid: number): number | null {
  try {
    const match = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) * 1024 : null;
  } catch {
    return null; // already gone
  }
}

/** Starts the real `attest` in a child process with a clean environment; the caller reads its pipes. */
export function spawnCli(
  args: string[],
  options: { env?: Record<string, string | undefined>; cwd?: string } = {},
): ChildProcessWithoutNullStreams {
  // A clean environment: a developer's own ATTEST_USER, ATTEST_DATA or DATABASE_URL must never
  // leak into a test's command.
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    TMPDIR: process.env.TMPDIR,
    ...options.env,
  };
  for (const key of Object.keys(env)) if (env[key] === undefined) delete env[key];
  return spawn(process.execPath, [join(repoRoot, 'bin/attest.js'), ...args], {
    cwd: options.cwd ?? repoRoot,
    env,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
}

export function runCli(
  args: string[],
  options: {
    env?: Record<string, string | undefined>;
    cwd?: string;
    input?: string;
    measureMemory?: boolean;
  } = {},
) {
  return new Promise<CliResult>((resolve, reject) => {
    const child = spawnCli(args, options);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString('utf8');
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
    });
    // VmHWM only grows, so the last reading before exit holds the peak up to ~50 ms before it.
    let peakRssBytes = 0;
    const sampler = options.measureMemory
      ? setInterval(() => {
          peakRssBytes = Math.max(peakRssBytes, peakRssOf(child.pid ?? 0) ?? 0);
        }, 50)
      : null;
    child.on('exit', () => {
      if (sampler) clearInterval(sampler);
    });
    child.on('error', reject);
    child.on('close', (code) =>
      resolve({ code: code ?? -1, stdout, stderr, ...(options.measureMemory ? { peakRssBytes } : {}) }),
    );
    child.stdin.end(options.input ?? '');
  });
}

/** Parses stdout as the one JSON document the contract promises with --json. */
export function jsonOf<T>(result: CliResult): T {
  try {
    return JSON.parse(result.stdout) as T;
  } catch {
    throw new Error(
      `stdout is not one JSON document (exit ${result.code}):\n${result.stdout}\n--- stderr:\n${result.stderr}`,
    );
  }
}
