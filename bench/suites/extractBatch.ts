/**
 * `attest extract --json FOLDER` throughput: news-size texts (bench/corpus.ts) written as files, then
 * read, decoded and extracted in one process as the batch mode does, one JSON line each. Target
 * ≥ 300 documents/s per core, measured per CPU-second so other work on the machine does not count.
 * A first, smaller batch loads the modules (here compiled from TypeScript on the fly, which the built
 * CLI never does) and is reported apart as the cold figure; the target applies to the batch after it.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { main } from '../../src/cli/main.ts';
import { generateNewsTexts } from '../corpus.ts';
import { atLeast, type BenchRow, type BenchSuite } from '../harness.ts';

const DOCUMENTS = Number(process.env.ATTEST_BENCH_EXTRACT_BATCH_DOCS ?? 3_000);
const WARM_UP_DOCUMENTS = 300;

function writeTexts(folder: string, texts: ReturnType<typeof generateNewsTexts>): void {
  mkdirSync(folder);
  for (const [i, t] of texts.entries())
    writeFileSync(join(folder, `${String(i).padStart(6, '0')}.txt`), t.text);
}

export const suite: BenchSuite = {
  name: 'extractBatch',
  async run(): Promise<BenchRow[]> {
    const dir = mkdtempSync(join(tmpdir(), 'attest-bench-batch-'));
    try {
      writeTexts(join(dir, 'warm'), generateNewsTexts(WARM_UP_DOCUMENTS, 2025));
      writeTexts(join(dir, 'batch'), generateNewsTexts(DOCUMENTS, 2026));
      let lines = 0;
      // Stands for the pipe a shell would give: it only counts lines, as cheaply as it can.
      const stdout = new Writable({
        write(chunk: Buffer, _encoding, done) {
          for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
          done();
        },
      });
      const stderr = new Writable({ write: (_chunk, _encoding, done) => done() });
      const io = { stdout, stderr, stdin: process.stdin, env: process.env, cwd: dir };
      const run = async (folder: string, files: number) => {
        const started = performance.now();
        const cpuStart = process.cpuUsage();
        const code = await main(['extract', '--json', folder], io);
        const cpu = process.cpuUsage(cpuStart);
        const wall = files / ((performance.now() - started) / 1000);
        return { code, perCpuSecond: files / ((cpu.user + cpu.system) / 1e6), wall };
      };
      const cold = await run('warm', WARM_UP_DOCUMENTS);
      lines = 0;
      const batch = await run('batch', DOCUMENTS);
      return [
        {
          metric: 'documents per CPU-second (batch, one process)',
          value: batch.perCpuSecond,
          unit: 'docs/s',
          ...atLeast(batch.perCpuSecond, 300),
          note: `${DOCUMENTS} files, exit ${batch.code}, ${lines} JSON lines, ${batch.wall.toFixed(0)} docs/s wall`,
        },
        {
          metric: 'documents per CPU-second (first batch, modules loading)',
          value: cold.perCpuSecond,
          unit: 'docs/s',
          note: `${WARM_UP_DOCUMENTS} files, exit ${cold.code}, ${cold.wall.toFixed(0)} docs/s wall`,
        },
      ];
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
