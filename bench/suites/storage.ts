/**
 * Storage benchmarks (issue: foundation): ingest throughput of 10,000 generated news texts in five
 * languages into PGlite and PostgreSQL, search latency (p50/p95) at 100,000 sources on both, and
 * peak memory. ATTEST_BENCH_SOURCES overrides the search corpus size for quick runs. Ingest's CPU
 * beside its floors (decode + extract only, one COPY) is `npm run bench -- ingest`.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { search } from '../../src/services/search.ts';
import { ingestFiles } from '../../src/services/sources/ingestFiles.ts';
import { prepareDataDir } from '../../src/store/dataDir.ts';
import { sha256Hex } from '../../src/store/fileStore.ts';
import { openStore, type Store } from '../../src/store/openStore.ts';
import { openPgliteDb } from '../../src/store/pgliteDb.ts';
import { searchConfigFor } from '../../src/store/searchConfig.ts';
import { LEAD_CHARACTERS } from '../../src/store/sources.ts';
import { createDatabaseAt } from '../../test/support/postgresDatabase.ts';
import { generateNewsTexts, SEARCH_QUERIES } from '../corpus.ts';
import { atLeast, atMost, type BenchRow, type BenchSuite, peakRssMiB, percentile } from '../harness.ts';

const INGEST_COUNT = Number(process.env.ATTEST_BENCH_INGEST ?? 10_000);
const SEARCH_SOURCES = Number(process.env.ATTEST_BENCH_SOURCES ?? 100_000);
const PG_ADMIN_URL = process.env.ATTEST_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

type Backend = 'pglite' | 'postgres';

async function withBenchStore<T>(
  backend: Backend,
  work: (store: Store) => Promise<T>,
  options: { durable?: boolean } = {},
): Promise<T> {
  const dataDir = mkdtempSync(join(tmpdir(), 'attest-bench-'));
  let dropDatabase = async () => {};
  let databaseUrl: string | undefined;
  if (backend === 'postgres')
    ({ url: databaseUrl, drop: dropDatabase } = await createDatabaseAt(PG_ADMIN_URL));
  const db =
    backend === 'pglite' && options.durable === false
      ? await openPgliteDb({ dataDir: prepareDataDir(dataDir).database, durable: false })
      : undefined;
  const store = await openStore({ dataDir, databaseUrl }, db ? { db } : {});
  try {
    return await work(store);
  } finally {
    await store.close();
    await dropDatabase();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Ingests the corpus from files on disk through the same path as `attest ingest <dir>`. */
async function benchIngest(backend: Backend, durable = true): Promise<BenchRow[]> {
  const texts = generateNewsTexts(INGEST_COUNT, 7);
  const megabytes = texts.reduce((sum, t) => sum + Buffer.byteLength(t.text), 0) / 2 ** 20;
  const corpusDir = mkdtempSync(join(tmpdir(), 'attest-bench-corpus-'));
  for (const [index, item] of texts.entries()) {
    writeFileSync(join(corpusDir, `news-${String(index).padStart(5, '0')}.txt`), item.text);
  }
  try {
    return await withBenchStore(
      backend,
      async (store) => {
        const started = performance.now();
        const report = await ingestFiles(store, [corpusDir], corpusDir, {
          capturedBy: 'bench',
          published: '2017-05-12',
          onProgress: (done, total) => {
            if (done % 1000 === 0) process.stderr.write(`  ingest ${backend}: ${done}/${total}\n`);
          },
        });
        const seconds = (performance.now() - started) / 1000;
        if (report.errors.length > 0) throw new Error(`ingest failed: ${report.errors[0]?.error}`);
        const perSecond = report.sources.length / seconds;
        const target = backend === 'postgres' ? 500 : 200;
        if (!durable) {
          return [
            {
              metric: `ingest ${backend}, fsync off (what durability costs)`,
              value: perSecond,
              unit: 'texts/s',
              note: 'the same run with PGlite as it ships: commits not flushed to disk',
            },
          ];
        }
        return [
          {
            metric: `ingest ${backend}`,
            value: perSecond,
            unit: 'texts/s',
            ...atLeast(perSecond, target),
            note: `${texts.length} files, ${megabytes.toFixed(1)} MB: read, hash, decode, extract, originals fsynced and rows committed in groups`,
          },
        ];
      },
      { durable },
    );
  } finally {
    rmSync(corpusDir, { recursive: true, force: true });
  }
}

/** Fills the store with `count` sources in bulk SQL (the ingest path is measured above). */
async function bulkLoadSources(store: Store, count: number): Promise<void> {
  const base = generateNewsTexts(Math.min(count, 5_000), 11);
  const batch = 1_000;
  for (let offset = 0; offset < count; offset += batch) {
    const rows = Array.from({ length: Math.min(batch, count - offset) }, (_, i) => {
      const n = offset + i;
      const item = base[n % base.length]!;
      const text = `${item.text}\nRef ${n}`;
      return { id: randomUUID(), sha256: sha256Hex(new TextEncoder().encode(text)), text, lang: item.lang };
    });
    await store.db.query(
      `insert into sources (id, sha256, byte_size, media_type, encoding, file_name, language, text, search_config, search,
         search_lead, captured_by, suggestions)
       select r.id::uuid, r.sha256, length(r.text), 'text/plain', 'utf-8', 'bulk.txt', r.lang, r.text, r.cfg::regconfig,
              to_tsvector(r.cfg::regconfig, r.text), to_tsvector(r.cfg::regconfig, left(r.text, ${LEAD_CHARACTERS})),
              'bench', '{}'::jsonb
         from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) as r(id, sha256, text, lang, cfg)`,
      [
        rows.map((r) => r.id),
        rows.map((r) => r.sha256),
        rows.map((r) => r.text),
        rows.map((r) => r.lang),
        rows.map((r) => searchConfigFor(r.lang)),
      ],
    );
    if ((offset / batch) % 10 === 9) process.stderr.write(`  load: ${offset + batch}/${count}\n`);
  }
  await store.db.query('analyze sources');
}

async function benchSearch(backend: Backend): Promise<BenchRow[]> {
  return withBenchStore(backend, async (store) => {
    await bulkLoadSources(store, SEARCH_SOURCES);
    for (const query of SEARCH_QUERIES) await search(store.db, { query }); // warm caches
    const timings: number[] = [];
    for (let round = 0; round < 5; round++) {
      for (const query of SEARCH_QUERIES) {
        const started = performance.now();
        await search(store.db, { query, limit: 20 });
        timings.push(performance.now() - started);
      }
    }
    timings.sort((a, b) => a - b);
    const p95 = percentile(timings, 95);
    return [
      {
        metric: `search ${backend} p50`,
        value: percentile(timings, 50),
        unit: 'ms',
        note: `${SEARCH_SOURCES} sources`,
      },
      {
        metric: `search ${backend} p95`,
        value: p95,
        unit: 'ms',
        ...atMost(p95, backend === 'postgres' ? 50 : 150),
        note: `${SEARCH_SOURCES} sources, ${timings.length} queries in 5 languages, with snippets`,
      },
    ];
  });
}

export const suite: BenchSuite = {
  name: 'storage',
  async run() {
    const rows: BenchRow[] = [];
    for (const backend of ['postgres', 'pglite'] as const) rows.push(...(await benchIngest(backend)));
    rows.push(...(await benchIngest('pglite', false)));
    for (const backend of ['postgres', 'pglite'] as const) rows.push(...(await benchSearch(backend)));
    rows.push({
      metric: 'peak memory',
      value: peakRssMiB(),
      unit: 'MiB',
      note: 'resident set of the bench process',
    });
    return rows;
  },
};
