/**
 * Hostile files through the decode sandbox: how long each takes to be refused (not decoded), how
 * long the main thread's event loop was held meanwhile, and the process's peak memory. Before the
 * sandbox these took the process down (100 MB DOCX: out of memory; 200,000-page PDF: 298 s, 4 GB;
 * 2 million nested <b>: event loop blocked over 6 minutes).
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createDecodePool } from '../../src/services/sources/decodeSandbox/decodePool.ts';
import { makeDocxBomb, makeManyPagePdf, makeNestedHtml } from '../../test/support/hostileFiles.ts';
import { atMost, type BenchRow, type BenchSuite, peakRssMiB } from '../harness.ts';

export const suite: BenchSuite = {
  name: 'decode',
  async run(): Promise<BenchRow[]> {
    const files: Array<[string, Uint8Array]> = [
      ['DOCX inflating to 100 MB', makeDocxBomb(100 * 1024 * 1024)],
      ['PDF of 200,000 pages', makeManyPagePdf(200_000)],
      ['HTML, 2 million nested <b>', makeNestedHtml(2_000_000)],
    ];
    const pool = createDecodePool();
    const rows: BenchRow[] = [];
    try {
      // Worker start-up is paid once per process, not per file.
      await pool.decode(new TextEncoder().encode('warm up'), 'w.txt', null);
      const loop = monitorEventLoopDelay({ resolution: 10 });
      loop.enable();
      for (const [label, bytes] of files) {
        const started = performance.now();
        const outcome = await pool.decode(bytes, label, null);
        const seconds = (performance.now() - started) / 1000;
        const verdict = outcome.kind === 'not-decoded' ? `not decoded: ${outcome.reason}` : 'decoded';
        rows.push({
          metric: `${label}: time to verdict`,
          value: seconds,
          unit: 's',
          ...atMost(seconds, 30),
          note: verdict,
        });
      }
      loop.disable();
      const blockedMs = loop.max / 1e6;
      rows.push({
        metric: 'longest event-loop delay meanwhile',
        value: blockedMs,
        unit: 'ms',
        ...atMost(blockedMs, 200),
      });
      const rss = peakRssMiB();
      rows.push({
        metric: 'peak RSS (process, workers included)',
        value: rss,
        unit: 'MiB',
        ...atMost(rss, 1024),
      });
    } finally {
      await pool.close();
    }
    return rows;
  },
};
