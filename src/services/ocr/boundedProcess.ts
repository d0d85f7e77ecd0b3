/**
 * Runs one external tool (tesseract, pdftoppm, pdfinfo, ffprobe) on an untrusted file under a
 * memory limit (address space, through util-linux's prlimit when present), a CPU-time limit and a
 * wall-clock limit, at low priority, keeping at most a bounded amount of its output. A hostile
 * file can make the tool slow or greedy; it cannot make Attest wait or swap.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { setPriority } from 'node:os';

export interface ProcessLimits {
  timeoutMs: number;
  memoryMb: number;
}

export type ProcessResult =
  | { kind: 'exited'; code: number; stdout: string; stderr: string }
  /** The tool is not installed. */
  | { kind: 'missing' }
  | { kind: 'time-limit' }
  | { kind: 'memory-limit' }
  /** Killed by a signal other than the limits' (a crash on a malformed file). */
  | { kind: 'crashed' };

const MAX_OUTPUT_BYTES = 16 * 1024 * 1024;
const PRLIMIT = ['/usr/bin/prlimit', '/bin/prlimit'].find((path) => existsSync(path)) ?? null;

export function runBounded(command: string, args: string[], limits: ProcessLimits): Promise<ProcessResult> {
  const cpuSeconds = Math.max(1, Math.ceil(limits.timeoutMs / 1000));
  const [file, argv] = PRLIMIT
    ? [PRLIMIT, [`--as=${limits.memoryMb * 1024 * 1024}`, `--cpu=${cpuSeconds}`, '--', command, ...args]]
    : [command, args];
  return new Promise((resolve) => {
    const child = spawn(file, argv, {
      stdio: ['ignore', 'pipe', 'pipe'],
      // One thread per tool: the machine's cores are shared with the server and other decodes.
      env: { PATH: process.env.PATH ?? '/usr/bin:/bin', OMP_THREAD_LIMIT: '1', LC_ALL: 'C.UTF-8' },
    });
    try {
      if (child.pid !== undefined) setPriority(child.pid, 10);
    } catch {
      // Not permitted here: the tool runs at normal priority, still under its limits.
    }
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    let kept = 0;
    let timedOut = false;
    const keep = (into: Buffer[]) => (chunk: Buffer) => {
      if (kept >= MAX_OUTPUT_BYTES) return;
      kept += chunk.length;
      into.push(chunk);
    };
    child.stdout.on('data', keep(stdout));
    child.stderr.on('data', keep(stderr));
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, limits.timeoutMs);
    child.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      resolve(error.code === 'ENOENT' ? { kind: 'missing' } : { kind: 'crashed' });
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const err = Buffer.concat(stderr).toString('utf8');
      if (timedOut || signal === 'SIGXCPU') return resolve({ kind: 'time-limit' });
      if (code === 127 && /failed to execute/.test(err)) return resolve({ kind: 'missing' });
      if (code !== 0 && /bad_alloc|alloc(ate|ation)? failed|out of memory|failed to map segment/i.test(err))
        return resolve({ kind: 'memory-limit' });
      if (signal) return resolve({ kind: 'crashed' });
      resolve({
        kind: 'exited',
        code: code ?? -1,
        stdout: Buffer.concat(stdout).toString('utf8'),
        stderr: err,
      });
    });
  });
}
