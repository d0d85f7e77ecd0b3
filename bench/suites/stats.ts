/**
 * The incident list and the statistics at scale (issue 17): on N generated sources (bench/bulkLoad.ts:
 * one incident per ten sources, two acts each) in PostgreSQL, CPU and wall time per call of
 *   - the incident list under each filter set of the search suite: its first page with the total,
 *     a deep page (offset 10,000, or the last page when fewer match), and the page after a cursor
 *     10,000 rows in (store/keysetPage.ts); the source list likewise (its own filter sets);
 *   - each statistics call: timeline, the map's countries, act totals, the breakdown by each
 *     dimension (internal and public views), the map's marks;
 * and the resident memory of `attest serve` (the compiled build: run `npm run build` first) idle,
 * after the statistics page's requests, and its peak.
 *
 * `npm run bench -- stats [--sources 1000000]` loads into a scratch database (default 100,000
 * sources); ATTEST_BENCH_STATS_DB=<url> measures an already loaded database instead (kept).
 * CPU time counts this process and the PostgreSQL backends (from /proc, see callTiming.ts), parallel
 * query off so that a backend does all of a statement's work: the machine is shared, so wall time
 * is given beside it with the load average.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ListPage } from '../../src/core/validation.ts';
import { type IncidentFiltersInput, listIncidents } from '../../src/services/incidents/incidents.ts';
import { listSources } from '../../src/services/review/sources.ts';
import {
  actBreakdown,
  actTotals,
  byCountry,
  mapMarks,
  STAT_DIMENSIONS,
  timeline,
} from '../../src/services/stats.ts';
import type { Db } from '../../src/store/db.ts';
import { openStore } from '../../src/store/openStore.ts';
import { createDatabaseAt } from '../../test/support/postgresDatabase.ts';
import { bulkLoad } from '../bulkLoad.ts';
import { benchSessionToken, sizeLabel, timeCalls } from '../callTiming.ts';
import { atMost, type BenchRow, type BenchSuite } from '../harness.ts';
import { serverRssMiB } from '../serverMemory.ts';

const PG_ADMIN_URL = process.env.ATTEST_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const argValue = (name: string) => {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
};
const SOURCES = Number(argValue('--sources') ?? process.env.ATTEST_BENCH_STATS_SOURCES ?? 100_000);
const EXISTING_DB = process.env.ATTEST_BENCH_STATS_DB;
const ROUNDS = Number(process.env.ATTEST_BENCH_STATS_ROUNDS ?? 3);
const DEEP_OFFSET = 10_000;
const PAGE = 50;

/** The search suite's filter sets for the incident list. */
const LIST_FILTERS: IncidentFiltersInput[] = [
  {},
  { country: 'RU' },
  { status: 'verified' },
  { type: 'torture' },
  { from: '2015-01-01', to: '2015-12-31' },
  { country: 'BR', type: 'detention', from: '2013-01-01' },
];
const STATS_FILTERS: IncidentFiltersInput[] = [{}, { country: 'RU' }, { type: 'killing' }];
const SOURCE_FILTERS: Parameters<typeof listSources>[1][] = [
  {},
  { language: 'pt' },
  { reviewed: false },
  { from: '2015-01-01', to: '2015-12-31' },
  { sort: 'published' },
];
/**
 * CPU ms p50 a list page may cost at 1M sources, however deep by cursor: a page reads its rows off
 * an index, and the capped count reads at most 10,001 index entries (measured 13–25 ms).
 */
const LIST_PAGE_TARGET_MS = 50;

/**
 * The database URL with parallel query off for the bench's own connections (unless the URL sets its
 * options): a parallel worker's CPU is not in the backend's /proc figures, so with workers on the
 * CPU column would leave out most of the work. Wall times are then those of one core. JIT stays off,
 * as in the server (store/postgresDb.ts).
 */
function serialPlans(url: string | undefined): string | undefined {
  if (!url) return url;
  const parsed = new URL(url);
  if (!parsed.searchParams.has('options'))
    parsed.searchParams.set('options', '-c jit=off -c max_parallel_workers_per_gather=0');
  return parsed.toString();
}

/** Wall and CPU (bench + database) p50/p95 of `work` over the items, ROUNDS times after a warm-up. */
async function timed<T>(
  db: Db,
  label: string,
  items: T[],
  work: (item: T) => Promise<unknown>,
  targetMs?: number,
) {
  const timing = await timeCalls(db, { postgres: true, rounds: ROUNDS }, items, work);
  const note = `${items.length} × ${ROUNDS}; wall p50 ${timing.p50.toFixed(0)} ms, p95 ${timing.p95.toFixed(0)} ms; load avg ${loadavg()[0]?.toFixed(1)}`;
  const target = targetMs === undefined ? {} : atMost(timing.cpuP50, targetMs);
  return [
    { metric: `${label} CPU p50`, value: timing.cpuP50, unit: 'ms CPU', note, ...target },
    { metric: `${label} CPU p95`, value: timing.cpuP95, unit: 'ms CPU', note: 'bench + database' },
  ];
}

/** The cursor `depth` rows into a list, walked 200 at a time (undefined when the list is shorter). */
async function cursorAt(
  list: (page: ListPage) => Promise<{ next: string | null }>,
  depth: number,
): Promise<string | undefined> {
  let after: string | undefined;
  for (let seen = 0; seen < depth; seen += 200) {
    const page = await list({ limit: 200, offset: 0, after });
    if (page.next === null) return after;
    after = page.next;
  }
  return after;
}

/** The source list under each of its filter sets: first page with the total, the page after a deep cursor. */
async function measureSources(db: Db, label: string): Promise<BenchRow[]> {
  const deep = await Promise.all(
    SOURCE_FILTERS.map(async (filters) => ({
      filters,
      after: await cursorAt((page) => listSources(db, filters, page), DEEP_OFFSET),
    })),
  );
  return [
    ...(await timed(
      db,
      `${label}: source list, page 1 + total`,
      SOURCE_FILTERS,
      (filters) => listSources(db, filters, { limit: PAGE, offset: 0 }),
      LIST_PAGE_TARGET_MS,
    )),
    ...(await timed(
      db,
      `${label}: source list, page after a cursor ${DEEP_OFFSET} rows in + total`,
      deep,
      ({ filters, after }) => listSources(db, filters, { limit: PAGE, offset: 0, after }),
      LIST_PAGE_TARGET_MS,
    )),
  ];
}

async function measure(db: Db, label: string): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const investigator = { role: 'investigator' as const };
  const analyst = { role: 'analyst' as const, view: 'public' as const };
  rows.push(
    ...(await timed(db, `${label}: incident list, page 1 + total`, LIST_FILTERS, (filters) =>
      listIncidents(db, filters, { limit: PAGE, offset: 0 }),
    )),
  );
  // The deep page of each filter set: offset 10,000, or the last page of a shorter list.
  const deep = await Promise.all(
    LIST_FILTERS.map(async (filters) => {
      const { total } = await listIncidents(db, filters, { limit: 1, offset: 0 });
      return { filters, offset: Math.max(0, Math.min(DEEP_OFFSET, total - PAGE)) };
    }),
  );
  rows.push(
    ...(await timed(db, `${label}: incident list, deep page + total`, deep, ({ filters, offset }) =>
      listIncidents(db, filters, { limit: PAGE, offset }),
    )),
    ...(await timed(
      db,
      `${label}: incident list, page after a cursor ${DEEP_OFFSET} rows in + total`,
      await Promise.all(
        LIST_FILTERS.map(async (filters) => ({
          filters,
          after: await cursorAt((page) => listIncidents(db, filters, page), DEEP_OFFSET),
        })),
      ),
      ({ filters, after }) => listIncidents(db, filters, { limit: PAGE, offset: 0, after }),
      LIST_PAGE_TARGET_MS,
    )),
    ...(await measureSources(db, label)),
    ...(await timed(db, `${label}: timeline`, STATS_FILTERS, (filters) => timeline(db, filters))),
    ...(await timed(db, `${label}: countries (map shading)`, STATS_FILTERS, ({ country: _, ...filters }) =>
      byCountry(db, filters),
    )),
    ...(await timed(db, `${label}: act totals`, STATS_FILTERS, (filters) => actTotals(db, filters))),
    ...(await timed(db, `${label}: map marks (cell 2)`, STATS_FILTERS, (filters) =>
      mapMarks(db, filters, 2, investigator),
    )),
  );
  for (const dimension of STAT_DIMENSIONS) {
    rows.push(
      ...(await timed(db, `${label}: breakdown by ${dimension}`, STATS_FILTERS, (filters) =>
        actBreakdown(db, filters, dimension, investigator),
      )),
    );
  }
  rows.push(
    ...(await timed(db, `${label}: breakdown by type, public view`, STATS_FILTERS, (filters) =>
      actBreakdown(db, filters, 'type', analyst),
    )),
  );
  return rows;
}

/** The statistics, map and timeline pages' requests, as the browser makes them, signed in. */
async function statisticsPages(db: Db): Promise<(url: string) => Promise<void>> {
  const token = await benchSessionToken(db);
  const paths = [
    '/api/stats/timeline',
    '/api/stats/map',
    '/api/stats/places?cell=2',
    '/api/stats/places?cell=0.25',
    ...STAT_DIMENSIONS.map((by) => `/api/stats/breakdown?by=${by}`),
    `/api/incidents?limit=${PAGE}`,
    `/api/incidents?limit=${PAGE}&offset=${DEEP_OFFSET}`,
  ];
  return async (url) => {
    for (const path of paths) {
      const response = await fetch(`${url}${path}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
      await response.arrayBuffer();
    }
  };
}

export const suite: BenchSuite = {
  name: 'stats',
  async run() {
    const dataDir = mkdtempSync(join(tmpdir(), 'attest-bench-stats-'));
    const scratch = EXISTING_DB ? null : await createDatabaseAt(PG_ADMIN_URL).catch(() => null);
    const databaseUrl = serialPlans(EXISTING_DB ?? scratch?.url);
    if (!databaseUrl)
      return [{ metric: 'stats', value: Number.NaN, unit: '', note: 'PostgreSQL not reachable: skipped' }];
    const label = `postgres ${sizeLabel(SOURCES)}`;
    try {
      const store = await openStore({ dataDir, databaseUrl });
      const rows: BenchRow[] = [];
      let pages: (url: string) => Promise<void>;
      try {
        if (!EXISTING_DB) await bulkLoad(store.db, { sources: SOURCES });
        rows.push(...(await measure(store.db, label)));
        pages = await statisticsPages(store.db);
      } finally {
        await store.close();
      }
      const memory = await serverRssMiB(
        mkdtempSync(join(tmpdir(), 'attest-bench-serve-')),
        databaseUrl,
        pages,
      );
      rows.push(
        { metric: `${label}: server RSS idle`, value: memory.idle, unit: 'MiB', note: 'attest serve (dist)' },
        {
          metric: `${label}: server RSS after the statistics pages`,
          value: memory.after,
          unit: 'MiB',
          note: 'timeline, map, places ×2, 6 breakdowns, incident list page 1 and deep; 2 s idle',
        },
        { metric: `${label}: server peak RSS`, value: memory.peak, unit: 'MiB', note: 'VmHWM over its life' },
      );
      return rows;
    } finally {
      await scratch?.drop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  },
};
