/**
 * How fast Attest starts, as a person starts it (`node bin/attest.js`, the compiled build), beside a
 * floor: a bare Node HTTP server answering its first request. Each figure is the median of several
 * runs. Targets from the store issue: the first `serve` on a fresh directory answers /api/health in
 * ≤ 5 s and a restart in ≤ 2 s; a command that opens the store does `--help`-sized work in ≤ 1.5 s;
 * `attest --help`, `extract`, `estimate` and `link` start in ≤ 0.3 s; peak RSS of a first start ≤ 400 MB.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { atMost, type BenchRow, type BenchSuite } from '../harness.ts';

const root = join(import.meta.dirname, '../..');
const attest = join(root, 'bin/attest.js');
const RUNS = Number(process.env.ATTEST_BENCH_STARTUP_RUNS ?? 5);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

/** Wall time of one command, in seconds. */
function timeCommand(args: string[], env: NodeJS.ProcessEnv = {}): number {
  const started = performance.now();
  execFileSync(process.execPath, args, { env: { ...process.env, ...env }, stdio: 'ignore' });
  return (performance.now() - started) / 1000;
}

/** Starts a server process, waits until `url` answers 200, returns seconds and peak RSS; stops it. */
async function timeToAnswer(
  args: string[],
  healthPath: string,
): Promise<{ seconds: number; peakMiB: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  const url = await new Promise<string>((resolve, reject) => {
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
      const match = /(?:serving on|listening on) (\S+)/.exec(stderr);
      if (match?.[1]) resolve(match[1]);
    });
    child.on('exit', (code) => reject(new Error(`exited with ${code}: ${stderr}`)));
  });
  for (;;) {
    const response = await fetch(`${url}${healthPath}`).catch(() => null);
    if (response?.status === 200) break;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  const seconds = (performance.now() - started) / 1000;
  const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
  const peakMiB = Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? Number.NaN) / 1024;
  const exited = new Promise((resolve) => child.on('exit', resolve));
  child.kill('SIGTERM');
  await exited;
  return { seconds, peakMiB };
}

const FLOOR_SERVER = `require('node:http').createServer((q, s) => s.end('ok')).listen(0, '127.0.0.1', function () { process.stderr.write('listening on http://127.0.0.1:' + this.address().port + '\\n'); }); process.on('SIGTERM', () => process.exit(0));`;

export const suite: BenchSuite = {
  name: 'startup',
  async run(): Promise<BenchRow[]> {
    execFileSync(process.execPath, [join(root, 'scripts/build.mjs')], { stdio: 'ignore' });
    const work = mkdtempSync(join(tmpdir(), 'attest-bench-startup-'));
    const text = join(work, 'report.txt');
    writeFileSync(text, 'Police in Moscow detained five activists on 11 May 2017.\n');
    const csv = join(work, 'lists.csv');
    writeFileSync(csv, 'A,B,count\n1,0,30\n0,1,20\n1,1,10\n');
    const rows: BenchRow[] = [];
    try {
      const floor = [];
      for (let run = 0; run < RUNS; run += 1)
        floor.push((await timeToAnswer(['-e', FLOOR_SERVER], '/')).seconds);
      rows.push({ metric: 'floor: bare Node HTTP server, first answer', value: median(floor), unit: 's' });

      const first = [];
      const restart = [];
      const peaks = [];
      for (let run = 0; run < RUNS; run += 1) {
        const data = join(work, `data-${run}`);
        const serve = [attest, 'serve', '--port', '0', '--data', data];
        const fresh = await timeToAnswer(serve, '/api/health');
        first.push(fresh.seconds);
        peaks.push(fresh.peakMiB);
        restart.push((await timeToAnswer(serve, '/api/health')).seconds);
      }
      rows.push({
        metric: 'first serve on a fresh directory, /api/health',
        value: median(first),
        unit: 's',
        ...atMost(median(first), 5),
      });
      rows.push({
        metric: 'serve restart, /api/health',
        value: median(restart),
        unit: 's',
        ...atMost(median(restart), 2),
      });
      rows.push({
        metric: 'peak RSS of a first serve',
        value: Math.max(...peaks),
        unit: 'MiB',
        ...atMost(Math.max(...peaks), 400),
      });

      const data = join(work, 'data-0');
      const commands: Array<[string, string[], number]> = [
        ['attest --help', ['--help'], 0.3],
        ['attest extract (one short text)', ['extract', '--json', text], 0.3],
        ['attest estimate (three lists)', ['estimate', '--json', csv], 0.3],
        ['attest link --help', ['link', '--help'], 0.3],
        ['attest search (opens the store)', ['search', '--json', '--data', data, 'activists'], 1.5],
        ['attest audit verify (opens the store)', ['audit', 'verify', '--json', '--data', data], 1.5],
      ];
      for (const [metric, args, target] of commands) {
        const times = [];
        for (let run = 0; run < RUNS; run += 1) times.push(timeCommand([attest, ...args]));
        rows.push({ metric, value: median(times), unit: 's', ...atMost(median(times), target) });
      }
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
    return rows;
  },
};
