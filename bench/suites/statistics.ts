/**
 * The cost of the public statistics (services/publicStatistics.ts): a public table is suppressed
 * against every table with one filter fewer and the tables its filters' values sit in, so with k
 * filters it reads up to 2^k subsets × the dimensions involved. Measured on PGlite (the database
 * runs in this process, so process.cpuUsage holds all the work) over generated acts spread over
 * 12 countries, 60 places, 6 types, 3 statuses and ~8 years, against the internal view of the same
 * table (one query, no suppression), and the public map (every grid, 60 places). Reported: CPU ms per call (median of ROUNDS) and wall ms.
 * ATTEST_BENCH_STATS_ACTS sets the number of acts (default 40,000).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { actBreakdown, mapMarks, type StatDimension } from '../../src/services/stats.ts';
import { openStore } from '../../src/store/openStore.ts';
import { uuid } from '../bulkLoad.ts';
import { type BenchRow, type BenchSuite, percentile } from '../harness.ts';

const ACTS = Number(process.env.ATTEST_BENCH_STATS_ACTS ?? 40_000);
const ROUNDS = 5;

const CASES: Array<{ name: string; dimension: StatDimension; filters: Record<string, string> }> = [
  { name: 'by type', dimension: 'type', filters: {} },
  { name: 'by region', dimension: 'region', filters: {} },
  { name: 'by month, 1 filter (country)', dimension: 'month', filters: { country: 'UA' } },
  {
    name: 'by region, 2 filters (type, from)',
    dimension: 'region',
    filters: { type: 'killing', from: '2016-01-01' },
  },
  {
    name: 'by month, 3 filters (country, status, from)',
    dimension: 'month',
    filters: { country: 'RU', status: 'verified', from: '2015-01-01' },
  },
];

export const suite: BenchSuite = {
  name: 'statistics',
  async run() {
    const dataDir = mkdtempSync(join(tmpdir(), 'attest-bench-stats-'));
    const store = await openStore({ dataDir });
    const rows: BenchRow[] = [];
    try {
      const incidents = Math.ceil(ACTS / 2);
      await store.db.exec(`
        insert into incidents (id, title, status, country, place_name, date_from, date_precision, created_by)
        select ${uuid(`'i' || g`)}, 'incident ' || g, (array['alleged','corroborated','verified'])[1 + g % 3],
               (array['RU','UA','BY','GE','AM','AZ','KZ','KG','TJ','UZ','MD','TM'])[1 + g % 12],
               'place ' || (g % 60), date '2012-01-01' + ((g * 37) % 3000), 'day', 'bench'
          from generate_series(1, ${incidents}) g;
        insert into acts (id, incident_id, type, victims_min, victims_max, place_name, country, date_from,
                          date_precision, perpetrators, latitude, longitude, geo_precision)
        select ${uuid(`'a' || g || '-' || k`)}, ${uuid(`'i' || g`)},
               (array['detention','threat','disappearance','torture','killing','ill-treatment'])[1 + (g * 7 + k) % 6],
               1 + g % 9, 3 + g % 9, 'place ' || (g % 60),
               (array['RU','UA','BY','GE','AM','AZ','KZ','KG','TJ','UZ','MD','TM'])[1 + g % 12],
               date '2012-01-01' + ((g * 37) % 3000), 'day', '[]',
               40 + (g % 60) * 0.13 + k * 0.01, 30 + (g % 60) * 0.21, 1
          from generate_series(1, ${incidents}) g, generate_series(1, 2) k;
        analyze;`);
      const time = async (work: () => Promise<unknown>) => {
        const cpu: number[] = [];
        const wall: number[] = [];
        for (let round = 0; round < ROUNDS; round++) {
          const cpuStart = process.cpuUsage();
          const wallStart = performance.now();
          await work();
          const used = process.cpuUsage(cpuStart);
          cpu.push((used.user + used.system) / 1000);
          wall.push(performance.now() - wallStart);
        }
        return {
          cpu: percentile(
            cpu.sort((a, b) => a - b),
            50,
          ),
          wall: percentile(
            wall.sort((a, b) => a - b),
            50,
          ),
        };
      };
      const note = `${ACTS} acts, PGlite, median of ${ROUNDS}; load ${loadavg()[0]!.toFixed(1)}`;
      for (const { name, dimension, filters } of CASES) {
        const internal = await time(() =>
          actBreakdown(store.db, filters, dimension, { role: 'administrator', view: 'internal' }),
        );
        const published = await time(() =>
          actBreakdown(store.db, filters, dimension, { role: 'administrator', view: 'public' }),
        );
        rows.push(
          { metric: `${name}: internal, CPU`, value: internal.cpu, unit: 'ms', note },
          { metric: `${name}: public, CPU`, value: published.cpu, unit: 'ms', note },
          { metric: `${name}: public, wall`, value: published.wall, unit: 'ms', note },
        );
      }
      const map = await time(() =>
        mapMarks(store.db, { type: 'killing', country: 'UA' }, 1, { role: 'administrator', view: 'public' }),
      );
      rows.push({ metric: 'map, 2 filters: public, CPU', value: map.cpu, unit: 'ms', note });
      return rows;
    } finally {
      await store.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
};
