/**
 * Search at scale and a million sources (issue 17). For each size and backend: N generated sources
 * (one incident per ten, two acts each) loaded in bulk SQL (bench/bulkLoad.ts), then
 *   - search through the service (the search page's call: capped total, facets, snippets), p50/p95,
 *     beside its floor: a raw GIN lookup of 20 ids for the same query (the ratio says what Attest's
 *     fixed work costs on top). That lookup builds the bitmap of every match; the search looks
 *     through the newest 25,000 sources first (SEARCH_WINDOW), so for a common word at a million
 *     sources it can cost less than its floor (ratio below 1);
 *   - search through HTTP (GET /api/search, signed in) for the same queries, and what it adds;
 *   - the incident list with filters, and statistics (timeline, by country, act totals);
 *   - the idle resident memory of `attest serve` (the compiled build) on that database, beside a
 *     bare Node HTTP server.
 * Each latency is given as wall time (the load average noted: the machine may be shared) and as
 * CPU time per call (this process plus the PostgreSQL backends' own, from /proc: see callTiming.ts);
 * the issue's targets are checked on CPU p95, which a busy machine does not inflate.
 *
 * Sizes: 10,000 and 100,000 on PGlite and PostgreSQL by default (CI=true: 10,000 only);
 * `-- search --sources 1000000` (or ATTEST_BENCH_SEARCH_SOURCES=1000000) runs that size alone, on
 * PostgreSQL only unless `--pglite`. ATTEST_BENCH_SEARCH_DB=<url> searches an already loaded
 * PostgreSQL database instead of loading (kept afterwards). PostgreSQL: ATTEST_BENCH_PG_URL.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildServer } from '../../src/server/buildServer.ts';
import { listIncidents } from '../../src/services/incidents/incidents.ts';
import { facetedSearch } from '../../src/services/search.ts';
import { actTotals, byCountry, timeline } from '../../src/services/stats.ts';
import type { Db } from '../../src/store/db.ts';
import { openStore, type Store } from '../../src/store/openStore.ts';
import { SEARCH_CONFIGS } from '../../src/store/searchConfig.ts';
import { createDatabaseAt } from '../../test/support/postgresDatabase.ts';
import { bulkLoad } from '../bulkLoad.ts';
import { benchSessionToken, type CallTiming, sizeLabel, timeCalls } from '../callTiming.ts';
import { SEARCH_QUERIES } from '../corpus.ts';
import { atMost, type BenchRow, type BenchSuite } from '../harness.ts';
import { idleNodeRssMiB, idleServerRssMiB } from '../serverMemory.ts';

const PG_ADMIN_URL = process.env.ATTEST_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const argValue = (name: string) => {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
};
const ONE_SIZE = Number(argValue('--sources') ?? process.env.ATTEST_BENCH_SEARCH_SOURCES ?? 0);
const SIZES = ONE_SIZE > 0 ? [ONE_SIZE] : process.env.CI === 'true' ? [10_000] : [10_000, 100_000];
const EXISTING_DB = process.env.ATTEST_BENCH_SEARCH_DB;
const ROUNDS = Number(process.env.ATTEST_BENCH_SEARCH_ROUNDS ?? 4);

/** The storage suite's queries, and a name found nowhere. */
const QUERIES = [...SEARCH_QUERIES, 'Zelimkhan Bakayev'];

/** Targets (ms, p95) from issue 17; none for sizes it does not name. */
function searchTarget(backend: string, sources: number): number | undefined {
  if (backend === 'postgres' && sources >= 1_000_000) return 150;
  if (backend === 'postgres' && sources >= 100_000) return 50;
  if (backend === 'pglite' && sources >= 100_000) return 150;
  return undefined;
}

const time = <T>(db: Db, backend: string, items: T[], work: (item: T) => Promise<unknown>) =>
  timeCalls(db, { postgres: backend === 'postgres', rounds: ROUNDS }, items, work);

/** Wall p50/p95 and CPU p50/p95; the target (issue 17) is checked on CPU p95, the shared machine's wall time noted. */
function rowsOf(label: string, timing: CallTiming, note: string, target?: number): BenchRow[] {
  return [
    { metric: `${label} p50`, value: timing.p50, unit: 'ms wall', note },
    { metric: `${label} p95`, value: timing.p95, unit: 'ms wall', note },
    {
      metric: `${label} CPU p50`,
      value: timing.cpuP50,
      unit: 'ms CPU',
      note: `bench + database; mean ${timing.cpuMean.toFixed(1)} ms`,
    },
    {
      metric: `${label} CPU p95`,
      value: timing.cpuP95,
      unit: 'ms CPU',
      ...(target === undefined ? {} : atMost(timing.cpuP95, target)),
      note: 'bench + database; the target is checked on CPU time, the machine being shared',
    },
  ];
}

async function measure(
  backend: 'pglite' | 'postgres',
  store: Store,
  sources: number,
  loaded: { seconds: number; note: string },
) {
  const db = store.db;
  const label = `${backend} ${sizeLabel(sources)}`;
  const load = () => `load avg ${loadavg()[0]!.toFixed(1)}`;
  const rows: BenchRow[] = [];
  const counts = await Promise.all(
    QUERIES.map(async (query) => {
      const result = await facetedSearch(db, { query });
      return result.totalIsLowerBound ? `${result.total}+` : String(result.total);
    }),
  );
  process.stderr.write(`  ${label}: search\n`);
  const service = await time(db, backend, QUERIES, (query) => facetedSearch(db, { query, limit: 20 }));
  // The floor: the same query, read once per language, and 20 matching ids straight off the GIN
  // index. Left to itself, at a million sources the planner chose a sequential scan that, for words
  // found nowhere, read every row (minutes): the search forces the index, and so does its floor.
  const readings = SEARCH_CONFIGS.map((config) => `websearch_to_tsquery('${config}', $1)`).join(' || ');
  const floor = await time(db, backend, QUERIES, async (query) => {
    const [read] = await db.query<{ q: string }>(`select (${readings})::text as q`, [query]);
    return db.transaction(async (tx) => {
      await tx.query("select set_config('enable_seqscan', 'off', true)");
      return tx.query('select id from sources where search @@ $1::tsquery limit 20', [read?.q ?? '']);
    });
  });
  const target = searchTarget(backend, sources);
  rows.push(
    { metric: `${label}: bulk load`, value: loaded.seconds, unit: 's', note: loaded.note },
    ...rowsOf(
      `${label}: search (service)`,
      service,
      `${QUERIES.length} queries × ${ROUNDS}, totals ${counts.join('/')}, ${load()}`,
      target,
    ),
    ...rowsOf(`${label}: floor, raw GIN lookup of 20 ids`, floor, load()),
    {
      metric: `${label}: search / floor`,
      value: service.cpuP95 / floor.cpuP95,
      unit: '× (CPU p95)',
      note: `CPU p50 ${(service.cpuP50 / floor.cpuP50).toFixed(1)}×; wall p95 ${(service.p95 / floor.p95).toFixed(1)}×, p50 ${(service.p50 / floor.p50).toFixed(1)}×`,
    },
    {
      metric: `${label}: browse (no words)`,
      value: (await time(db, backend, [''], (query) => facetedSearch(db, { query }))).cpuP95,
      unit: 'ms CPU p95',
      note: `newest first through sources_browse_idx, ${load()}`,
    },
  );

  process.stderr.write(`  ${label}: HTTP, incident list, statistics\n`);
  // Through HTTP, signed in, for a subset of the queries.
  const token = await benchSessionToken(db);
  const app = await buildServer({ store, webDist: null, logLevel: 'fatal' });
  try {
    const url = await app.listen({ host: '127.0.0.1', port: 0 });
    // The same queries as the service row, so the difference is what HTTP adds (session check,
    // the sealed-source count, validation, serialisation, the client's own fetch).
    const http = await time(db, backend, QUERIES, async (query) => {
      const response = await fetch(`${url}/api/search?q=${encodeURIComponent(query)}&limit=20`, {
        headers: { authorization: `Bearer ${token}` },
      });
      if (response.status !== 200) throw new Error(`search answered ${response.status}`);
      await response.arrayBuffer();
    });
    rows.push(
      ...rowsOf(`${label}: search (HTTP)`, http, `${QUERIES.length} queries × ${ROUNDS}, ${load()}`, target),
      {
        metric: `${label}: HTTP − service`,
        value: http.cpuP50 - service.cpuP50,
        unit: 'ms CPU p50',
        note: `per request, bench client included; p95 ${(http.cpuP95 - service.cpuP95).toFixed(1)} ms`,
      },
    );
  } finally {
    await app.close();
  }

  // The incident list under the filters people use, and the statistics pages.
  const filters = [
    {},
    { country: 'RU' },
    { status: 'verified' as const },
    { type: 'torture' as const },
    { from: '2015-01-01', to: '2015-12-31' },
    { country: 'BR', type: 'detention' as const, from: '2013-01-01' },
  ];
  const list = await time(db, backend, filters, (f) => listIncidents(db, f, { limit: 50, offset: 0 }));
  rows.push(
    ...rowsOf(
      `${label}: incident list with filters`,
      list,
      `${filters.length} filter sets, first page of 50, ${load()}`,
    ),
  );
  const stats = await time(db, backend, [{}, { country: 'RU' }, { type: 'killing' as const }], async (f) => {
    await timeline(db, f);
    await byCountry(db, f.country ? {} : f);
    await actTotals(db, f);
  });
  rows.push(
    ...rowsOf(`${label}: statistics (timeline + map + act totals)`, stats, `3 filter sets, ${load()}`),
  );
  return rows;
}

async function onPostgres(sources: number): Promise<BenchRow[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'attest-bench-search-'));
  const scratch = EXISTING_DB ? null : await createDatabaseAt(PG_ADMIN_URL).catch(() => null);
  const databaseUrl = EXISTING_DB ?? scratch?.url;
  if (!databaseUrl)
    return [{ metric: 'postgres', value: Number.NaN, unit: '', note: 'PostgreSQL not reachable: skipped' }];
  try {
    const store = await openStore({ dataDir, databaseUrl });
    let rows: BenchRow[];
    try {
      const loaded = EXISTING_DB
        ? { seconds: Number.NaN, note: 'an existing database (ATTEST_BENCH_SEARCH_DB)' }
        : await loadInto(store.db, sources);
      rows = await measure('postgres', store, sources, loaded);
    } finally {
      await store.close();
    }
    rows.push({
      metric: `postgres ${sizeLabel(sources)}: idle server RSS`,
      value: await idleServerRssMiB(mkdtempSync(join(tmpdir(), 'attest-bench-serve-')), databaseUrl),
      unit: 'MiB',
      note: 'attest serve (dist), after /api/health and 2 s idle; issue 17 measured 205 MiB',
    });
    return rows;
  } finally {
    await scratch?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function onPglite(sources: number): Promise<BenchRow[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'attest-bench-search-'));
  try {
    const store = await openStore({ dataDir });
    let rows: BenchRow[];
    try {
      rows = await measure('pglite', store, sources, await loadInto(store.db, sources));
    } finally {
      await store.close();
    }
    rows.push({
      metric: `pglite ${sizeLabel(sources)}: idle server RSS`,
      value: await idleServerRssMiB(dataDir),
      unit: 'MiB',
      note: 'attest serve (dist), after /api/health and 2 s idle; issue 17 measured 430 MiB',
    });
    return rows;
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function loadInto(db: Db, sources: number): Promise<{ seconds: number; note: string }> {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const loaded = await bulkLoad(db, {
    sources,
    onProgress: (done, total) => {
      if (total >= 100_000 && done % 100_000 === 0) process.stderr.write(`  load: ${done}/${total}\n`);
    },
  });
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  return {
    seconds,
    note: `${loaded.sources} sources + ${loaded.incidents} incidents, bulk SQL; bench CPU ${((used.user + used.system) / 1e6).toFixed(1)} s, load avg ${loadavg()[0]!.toFixed(1)}`,
  };
}

export const suite: BenchSuite = {
  name: 'search',
  async run() {
    const rows: BenchRow[] = [];
    for (const sources of SIZES) {
      rows.push(...(await onPostgres(sources)));
      if (EXISTING_DB) break;
      if (sources < 1_000_000 || process.argv.includes('--pglite')) rows.push(...(await onPglite(sources)));
    }
    rows.push({
      metric: 'floor: idle bare Node HTTP server RSS',
      value: await idleNodeRssMiB(),
      unit: 'MiB',
      note: 'node:http answering one request, 2 s idle',
    });
    return rows;
  },
};
