/**
 * The resident memory of an idle `attest serve` (the compiled build, as an operator starts it): the
 * server is started on a data directory (embedded PGlite, or PostgreSQL with DATABASE_URL), asked
 * for /api/health once, left idle for a moment, and its VmRSS read from /proc. No GC is forced: this
 * is what the operating system sees.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const attest = join(import.meta.dirname, '../bin/attest.js');

export async function idleServerRssMiB(dataDir: string, databaseUrl?: string): Promise<number> {
  return (await serverRssMiB(dataDir, databaseUrl)).idle;
}

/**
 * The served process's resident memory idle, then after `work` (given its base URL) has made its
 * requests and the server has been left idle again for a moment (what a page at scale leaves
 * behind), and the peak resident memory of its whole life (VmHWM).
 */
export async function serverRssMiB(
  dataDir: string,
  databaseUrl?: string,
  work?: (url: string) => Promise<void>,
): Promise<{ idle: number; after: number; peak: number }> {
  const env: NodeJS.ProcessEnv = { ...process.env, ATTEST_DATA: dataDir };
  if (databaseUrl) env.DATABASE_URL = databaseUrl;
  else delete env.DATABASE_URL;
  return rssMiB([attest, 'serve', '--port', '0'], env, work);
}

const BARE_SERVER = `require('node:http').createServer((q, s) => s.end('ok')).listen(0, '127.0.0.1', function () { process.stderr.write('serving on http://127.0.0.1:' + this.address().port + '\\n'); }); process.on('SIGTERM', () => process.exit(0));`;

/** The floor: a bare Node HTTP server, measured the same way. */
export async function idleNodeRssMiB(): Promise<number> {
  return (await rssMiB(['-e', BARE_SERVER], process.env)).idle;
}

async function rssMiB(
  args: string[],
  env: NodeJS.ProcessEnv,
  work?: (url: string) => Promise<void>,
): Promise<{ idle: number; after: number; peak: number }> {
  const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  try {
    const url = await new Promise<string>((resolve, reject) => {
      child.stderr.on('data', (chunk: Buffer) => {
        stderr += chunk.toString('utf8');
        const match = /serving on (\S+)/.exec(stderr);
        if (match?.[1]) resolve(match[1]);
      });
      child.on('exit', (code) => reject(new Error(`attest serve exited with ${code}: ${stderr}`)));
    });
    await fetch(`${url}/api/health`).catch(() => null);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    const status = (field: 'VmRSS' | 'VmHWM') =>
      Number(
        new RegExp(`${field}:\\s+(\\d+) kB`).exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ??
          Number.NaN,
      ) / 1024;
    const idle = status('VmRSS');
    if (!work) return { idle, after: idle, peak: status('VmHWM') };
    await work(url);
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    return { idle, after: status('VmRSS'), peak: status('VmHWM') };
  } finally {
    const exited = new Promise((resolve) => child.on('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
}
