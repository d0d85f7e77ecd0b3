/**
 * MSE model search speed: every two-way hierarchical model (2^15 = 32,768) for six lists with all
 * overlaps present, target under 5 s; the UK 2013 five-list and six-list searches with their
 * profile intervals, as an analyst runs them.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { CaptureTable } from '../../src/analysis/mse/captureTable.ts';
import { estimatePopulation } from '../../src/analysis/mse/estimatePopulation.ts';
import { parseListsCsv } from '../../src/analysis/mse/parseListsCsv.ts';
import { seededRandom } from '../../src/analysis/seededRandom.ts';
import { atMost, type BenchRow, type BenchSuite } from '../harness.ts';

const fixturesDir = resolve(import.meta.dirname, '../../test/fixtures');

/** Six lists capturing each of 20,000 people independently with probabilities 0.15–0.4. */
function simulatedSixLists(): CaptureTable {
  const random = seededRandom(6);
  const probabilities = [0.15, 0.2, 0.25, 0.3, 0.35, 0.4];
  const counts = new Float64Array(64);
  for (let person = 0; person < 20_000; person += 1) {
    let pattern = 0;
    probabilities.forEach((p, bit) => {
      if (random() < p) pattern |= 1 << bit;
    });
    if (pattern !== 0) counts[pattern]! += 1;
  }
  return { lists: ['A', 'B', 'C', 'D', 'E', 'F'], strata: [{ name: null, counts }] };
}

/** Wall time (the target) and this process's CPU time (what it costs on a busy shared machine). */
function timed<T>(work: () => T): { value: T; seconds: number; cpu: string } {
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  const value = work();
  const cpu = process.cpuUsage(cpuStart);
  return {
    value,
    seconds: (performance.now() - start) / 1000,
    cpu: `CPU ${((cpu.user + cpu.system) / 1e6).toFixed(2)} s`,
  };
}

export const suite: BenchSuite = {
  name: 'estimate',
  async run(): Promise<BenchRow[]> {
    const rows: BenchRow[] = [];
    const six = timed(() => estimatePopulation(simulatedSixLists(), { withInterval: false }));
    rows.push({
      metric: 'search all two-way models, 6 lists',
      value: six.seconds,
      unit: 's',
      ...atMost(six.seconds, 5),
      note: `${six.value.models.length} models, ${Math.round(six.value.models.length / six.seconds)} fits/s, ${six.cpu}`,
    });
    for (const [file, label] of [
      ['UKdat_5.csv', 'UK 2013, 5 lists'],
      ['UKdat.csv', 'UK 2013, 6 lists'],
    ] as const) {
      const table = parseListsCsv(readFileSync(resolve(fixturesDir, 'mse/modern_slavery', file), 'utf8'));
      const run = timed(() => estimatePopulation(table));
      rows.push({
        metric: `search + profile interval, ${label}`,
        value: run.seconds,
        unit: 's',
        ...atMost(run.seconds, 5),
        note: `${run.cpu}; ${run.value.models.length} models; N = ${run.value.estimate?.toFixed(0)} [${run.value.ci95?.map((x) => x.toFixed(0)).join(', ')}]`,
      });
    }
    return rows;
  },
};
