/**
 * `attest extract --json FOLDER` throughput: news-size texts (bench/corpus.ts) written as files, then
 * read, decoded and extracted in one process as the batch mode does, one JSON line each. Target
 * ≥ 300 documents/s per core, measured per CPU-second so other work on the machine does not count.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { main } from '../../src/cli/main.ts';
import { generateNewsTexts } from '../corpus.ts';
import { atLeast, type BenchRow, type BenchSuite } from '../harness.ts';

const DOCUMENTS = Number(process.env.ATTEST_BENCH_EXTRACT_BATCH_DOCS ?? 3_000);

export const suite: BenchSuite = {
  name: 'extractBatch',
  async run(): Promise<BenchRow[]> {
    const dir = mkdtempSync(join(tmpdir(), 'attest-bench-batch-'));
    try {
      const texts = generateNewsTexts(DOCUMENTS, 2026);
      for (const [i, t] of texts.entries())
        writeFileSync(join(dir, `${String(i).padStart(6, '0')}.txt`), t.text);
      let lines = 0;
      const stdout = new Writable({
        write(chunk: Buffer, _encoding, done) {
          for (const byte of chunk) if (byte === 10) lines++;
          done();
        },
      });
      const stderr = new Writable({ write: (_chunk, _encoding, done) => done() });
      const io = { stdout, stderr, stdin: process.stdin, env: process.env, cwd: dir };
      const started = performance.now();
      const cpuStart = process.cpuUsage();
      const code = await main(['extract', '--json', '.'], io);
      const seconds = (performance.now() - started) / 1000;
      const cpu = process.cpuUsage(cpuStart);
      const perCpuSecond = DOCUMENTS / ((cpu.user + cpu.system) / 1e6);
      return [
        {
          metric: 'documents per CPU-second (batch, one process)',
          value: perCpuSecond,
          unit: 'docs/s',
          ...atLeast(perCpuSecond, 300),
          note: `${DOCUMENTS} files, exit ${code}, ${lines} JSON lines, ${(DOCUMENTS / seconds).toFixed(0)} docs/s wall`,
        },
      ];
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
