/**
 * `npm run bench -- ingest` (issue 17): `attest ingest`'s pipeline on 2,000 generated news-size
 * files (bench/corpus.ts) into PostgreSQL and into PGlite, each beside its floors:
 *
 * - decode + extract only: the same files decoded and extracted in the same worker pool, nothing
 *   stored — the work ingest cannot avoid;
 * - one COPY of the same texts into a table with a generated to_tsvector column — what storing the
 *   texts costs the database at the least.
 *
 * Floors and ingest are measured warm, as a long ingest or a running server sees them: the pool
 * first decodes 300 other files per worker (the extractor's JIT settles after a few hundred), and
 * each store first takes 200 other files, reported apart as "first 200 files into a fresh store"
 * (PGlite's WebAssembly tiering up, a PostgreSQL backend loading dictionaries and catalogue
 * caches). Warm, the pool's decode + extract costs about what it costs inline on one thread (the
 * "inline" floor row; 1.0–1.3× measured with two workers on a loaded machine, 1.0× with one): the
 * sandbox's round trip (shared bytes in, text and suggestions out) is not where ingest's CPU goes
 * (sending suggestions as JSON text instead of a structured clone measured no different).
 *
 * Where PostgreSQL's CPU goes per 2,000 files (backend CPU from /proc, measured for migration 098):
 * the search vectors about 1.4 CPU-s (to_tsvector of the text 1.1, mostly the parser, not the
 * stemmers; the lead's 1,000 characters again 0.3: parsing the lead and the rest apart and joining
 * the vectors costs more, not less), the group's JSON document about 0.5 (validated, then taken
 * apart into rows, suggestions made jsonb), pglz compression 0.25 before lz4, GIN upkeep about 0.15.
 *
 * CPU is what counts on a machine shared with other work: `process.cpuUsage()` covers every thread
 * of this process (the main thread, the decode workers and PGlite, which runs in-process); for
 * PostgreSQL the server's backends are separate processes, read from /proc (the server must be
 * local). "files/s on N cores" is files ÷ (CPU seconds ÷ N): the rate the run's CPU would allow
 * with the machine's cores to itself. Wall-clock rates are reported beside them, with the load.
 * ATTEST_BENCH_INGEST_FILES sets the corpus size (default 2,000).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import pg from 'pg';
import { decodeDocument } from '../../src/decode/decodeDocument.ts';
import { extract } from '../../src/extract/extract.ts';
import { createDecodePool, type DecodePool } from '../../src/services/sources/decodeSandbox/decodePool.ts';
import { DEFAULT_DECODE_SETTINGS } from '../../src/services/sources/decodeSandbox/decodeSettings.ts';
import { ingestFiles } from '../../src/services/sources/ingestFiles.ts';
import { prepareDataDir } from '../../src/store/dataDir.ts';
import { DurableNodeFS, durableStartParams } from '../../src/store/durableNodeFs.ts';
import { openStore, type Store } from '../../src/store/openStore.ts';
import { builtTemplatePath, createPgliteTemplate } from '../../src/store/pgliteTemplate.ts';
import { searchConfigFor } from '../../src/store/searchConfig.ts';
import { extractTar, flushFiles } from '../../src/store/tarball.ts';
import { createDatabaseAt } from '../../test/support/postgresDatabase.ts';
import { generateNewsTexts, type NewsText } from '../corpus.ts';
import { atLeast, atMost, type BenchRow, type BenchSuite } from '../harness.ts';

const FILES = Number(process.env.ATTEST_BENCH_INGEST_FILES ?? 2_000);
const PG_ADMIN_URL = process.env.ATTEST_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const CORES = availableParallelism();
const TARGET_FILES_PER_SECOND = { postgres: 500, pglite: 200 } as const;
/** Ingest may cost at most this many times the decode + extract floor's CPU. */
const TARGET_FLOOR_RATIO = 2;

type Backend = 'postgres' | 'pglite';

/** CPU seconds of this process, every thread included. */
function processCpu(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
}

const CLOCK_TICKS = 100; // USER_HZ on Linux

/** CPU seconds a process has used, from /proc (0 when it is gone or unreadable). */
function procCpu(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS;
  } catch {
    return 0;
  }
}

/**
 * The CPU the PostgreSQL server spends for one database: its backends are sampled every 100 ms
 * (a backend that starts and ends between samples would be missed; the pool keeps them open).
 */
async function serverCpuMeter(database: string) {
  const admin = new pg.Client({ connectionString: PG_ADMIN_URL });
  await admin.connect();
  const adminPid = (await admin.query<{ pid: number }>('select pg_backend_pid() as pid')).rows[0]!.pid;
  const start = new Map<number, number>();
  const latest = new Map<number, number>();
  const sample = async (into: Map<number, number>, first: boolean) => {
    const rows = await admin.query<{ pid: number }>('select pid from pg_stat_activity where datname = $1', [
      database,
    ]);
    for (const { pid } of rows.rows) {
      if (pid === adminPid) continue;
      const cpu = procCpu(pid);
      if (first && !start.has(pid)) start.set(pid, cpu);
      if (cpu > 0) into.set(pid, Math.max(into.get(pid) ?? 0, cpu));
    }
  };
  await sample(latest, true);
  let sampling = Promise.resolve();
  const timer = setInterval(() => {
    sampling = sampling.then(() => sample(latest, false)).catch(() => {});
  }, 100);
  return {
    async stop(): Promise<number> {
      clearInterval(timer);
      await sampling;
      await sample(latest, false);
      await admin.end();
      let total = 0;
      for (const [pid, cpu] of latest) total += cpu - (start.get(pid) ?? 0);
      return total;
    },
  };
}

interface Measured {
  wallSeconds: number;
  cpuSeconds: number;
  serverCpuSeconds: number;
}

async function measure(work: () => Promise<void>, database: string | null): Promise<Measured> {
  const meter = database ? await serverCpuMeter(database) : null;
  const cpu = processCpu();
  const started = performance.now();
  await work();
  const wallSeconds = (performance.now() - started) / 1000;
  const cpuSeconds = processCpu() - cpu;
  return { wallSeconds, cpuSeconds, serverCpuSeconds: (await meter?.stop()) ?? 0 };
}

const databaseOf = (url: string) => new URL(url).pathname.slice(1);

/** The migrated PGlite template: the built one when `npm run build` made it, else made now. */
async function pgliteTemplate(): Promise<Uint8Array> {
  const built = builtTemplatePath(join(import.meta.dirname, '..', '..', 'dist', 'store'));
  try {
    return readFileSync(built);
  } catch {
    return createPgliteTemplate();
  }
}

/** A fresh store on `backend`, its data directory made from the template (not measured). */
async function withStore<T>(
  backend: Backend,
  template: Uint8Array,
  work: (store: Store, database: string | null) => Promise<T>,
): Promise<T> {
  const dataDir = mkdtempSync(join(tmpdir(), 'attest-bench-ingest-'));
  let drop = async () => {};
  let databaseUrl: string | undefined;
  if (backend === 'postgres') ({ url: databaseUrl, drop } = await createDatabaseAt(PG_ADMIN_URL));
  else {
    const { database } = prepareDataDir(dataDir);
    flushFiles(database, extractTar(template, database));
  }
  const store = await openStore({ dataDir, databaseUrl });
  try {
    return await work(store, databaseUrl ? databaseOf(databaseUrl) : null);
  } finally {
    await store.close();
    await drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const FLOOR_TABLE = `create table ingest_floor (config regconfig not null, text text not null,
  search tsvector generated always as (to_tsvector(config, text)) stored)`;

function floorCsv(texts: readonly NewsText[]): Buffer {
  const quote = (value: string) => `"${value.replaceAll('"', '""')}"`;
  return Buffer.from(texts.map((t) => `${searchConfigFor(t.lang)},${quote(t.text)}\n`).join(''));
}

/** COPY … FROM STDIN through node-postgres's own protocol hooks (no extra package). */
function copyIn(client: pg.Client, sql: string, data: Buffer): Promise<void> {
  return new Promise((resolve, reject) => {
    let failed: Error | null = null;
    // node-postgres calls these hooks on a Submittable; the copy hooks' connection is its own.
    const submittable: pg.Submittable & Record<string, unknown> = {
      submit(connection: pg.Connection) {
        connection.query(sql);
      },
      handleCopyInResponse(connection: { sendCopyFromChunk(chunk: Buffer): void; endCopyFrom(): void }) {
        for (let at = 0; at < data.length; at += 64 * 1024)
          connection.sendCopyFromChunk(data.subarray(at, at + 64 * 1024));
        connection.endCopyFrom();
      },
      handleCommandComplete() {},
      handleError(error: Error) {
        failed = error;
      },
      handleReadyForQuery() {
        if (failed) reject(failed);
        else resolve();
      },
    };
    client.query(submittable);
  });
}

async function copyFloorPostgres(texts: readonly NewsText[]): Promise<Measured> {
  const { url, drop } = await createDatabaseAt(PG_ADMIN_URL);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    // The same accent-insensitive stemmers as the sources table: the migrations' configurations.
    await client.query(
      readFileSync(join(import.meta.dirname, '../../src/store/migrations/001_foundation.sql'), 'utf8'),
    );
    await client.query(FLOOR_TABLE);
    const csv = floorCsv(texts);
    return await measure(
      () => copyIn(client, 'copy ingest_floor (config, text) from stdin with (format csv)', csv),
      databaseOf(url),
    );
  } finally {
    await client.end();
    await drop();
  }
}

async function copyFloorPglite(texts: readonly NewsText[], template: Uint8Array): Promise<Measured> {
  const dataDir = mkdtempSync(join(tmpdir(), 'attest-bench-copy-'));
  const database = join(dataDir, 'db');
  flushFiles(database, extractTar(template, database));
  const db = await PGlite.create({
    fs: new DurableNodeFS(database),
    startParams: durableStartParams(),
    extensions: { unaccent, pg_trgm },
  });
  try {
    await db.exec(FLOOR_TABLE);
    const blob = new Blob([floorCsv(texts)]);
    return await measure(async () => {
      await db.query("copy ingest_floor (config, text) from '/dev/blob' with (format csv)", [], { blob });
    }, null);
  } finally {
    await db.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Decode and extract every file in the pool, storing nothing. */
async function extractFloor(decoder: DecodePool, texts: readonly NewsText[]): Promise<Measured> {
  const encoded = texts.map((t) => new TextEncoder().encode(t.text));
  return measure(async () => {
    await Promise.all(encoded.map((bytes, i) => decoder.decode(bytes, `news-${i}.txt`, '2017-05-12')));
  }, null);
}

/** The same work inline on this thread, outside the sandbox: what the sandbox's round trip adds. */
async function inlineFloor(texts: readonly NewsText[]): Promise<Measured> {
  const encoded = texts.map((t) => new TextEncoder().encode(t.text));
  return measure(async () => {
    for (const [i, bytes] of encoded.entries()) {
      const decoded = await decodeDocument(bytes, `news-${i}.txt`, DEFAULT_DECODE_SETTINGS.limits);
      extract(decoded.text, { published: '2017-05-12' });
    }
  }, null);
}

/** Files ingested into each store before the measured run, from another corpus (not measured alone). */
const STORE_WARM_UP_FILES = 200;

/** Ingests one directory, failing the bench on any error or duplicate. */
async function ingestDirectory(store: Store, decoder: DecodePool, directory: string): Promise<void> {
  const report = await ingestFiles(store, [directory], directory, {
    capturedBy: 'bench',
    published: '2017-05-12',
    decoder,
  });
  if (report.errors.length > 0) throw new Error(`ingest failed: ${report.errors[0]?.error}`);
  if (report.sources.some((s) => s.duplicate)) throw new Error('the corpus has duplicates');
}

/**
 * The first files into a fresh store pay one-time costs (PGlite's WebAssembly tiering up, a
 * PostgreSQL backend loading its dictionaries and catalogue caches): they are measured apart, as
 * `cold`, and the measured run then goes into the same store, as a long ingest or a server would.
 */
async function ingestRun(
  backend: Backend,
  template: Uint8Array,
  decoder: DecodePool,
  corpusDir: string,
  warmUpDir: string,
): Promise<{ cold: Measured; run: Measured }> {
  return withStore(backend, template, async (store, database) => {
    const cold = await measure(() => ingestDirectory(store, decoder, warmUpDir), database);
    const run = await measure(() => ingestDirectory(store, decoder, corpusDir), database);
    return { cold, run };
  });
}

const totalCpu = (m: Measured) => m.cpuSeconds + m.serverCpuSeconds;

export const suite: BenchSuite = {
  name: 'ingest',
  async run() {
    const texts = generateNewsTexts(FILES, 17);
    const megabytes = texts.reduce((sum, t) => sum + Buffer.byteLength(t.text), 0) / 2 ** 20;
    const corpusDir = mkdtempSync(join(tmpdir(), 'attest-bench-corpus-'));
    for (const [index, item] of texts.entries())
      writeFileSync(join(corpusDir, `news-${String(index).padStart(5, '0')}.txt`), item.text);
    const warmUpDir = mkdtempSync(join(tmpdir(), 'attest-bench-warm-up-'));
    for (const [index, item] of generateNewsTexts(STORE_WARM_UP_FILES, 18).entries())
      writeFileSync(join(warmUpDir, `warm-${String(index).padStart(5, '0')}.txt`), item.text);
    const template = await pgliteTemplate();
    // The pool `attest ingest` uses: one worker per core. Warmed first (worker start-up and JIT are
    // not per-file costs; the extractor's many rules need a few hundred files to be optimised).
    const decoder = createDecodePool({ ...DEFAULT_DECODE_SETTINGS, workers: CORES });
    const rows: BenchRow[] = [];
    const corpus = `${FILES} files, ${megabytes.toFixed(1)} MB, ${CORES} cores`;
    try {
      await extractFloor(decoder, generateNewsTexts(300 * CORES, 19));
      const floor = await extractFloor(decoder, texts);
      rows.push({
        metric: 'floor: decode + extract only',
        value: FILES / floor.cpuSeconds,
        unit: 'files/CPU-s',
        note: `${corpus}; ${floor.cpuSeconds.toFixed(2)} CPU-s, ${floor.wallSeconds.toFixed(2)} s wall, nothing stored`,
      });
      await inlineFloor(generateNewsTexts(300, 20));
      const inline = await inlineFloor(texts);
      rows.push({
        metric: 'floor: decode + extract inline, one thread, no sandbox',
        value: FILES / inline.cpuSeconds,
        unit: 'files/CPU-s',
        note: `${inline.cpuSeconds.toFixed(2)} CPU-s: the sandbox adds ${(floor.cpuSeconds / inline.cpuSeconds).toFixed(2)}× (1 = nothing)`,
      });
      for (const backend of ['postgres', 'pglite'] as const) {
        const load = loadavg()[0]!.toFixed(1);
        const copy =
          backend === 'postgres' ? await copyFloorPostgres(texts) : await copyFloorPglite(texts, template);
        const { cold, run } = await ingestRun(backend, template, decoder, corpusDir, warmUpDir);
        const cpu = totalCpu(run);
        const onCores = FILES / (cpu / CORES);
        const server =
          backend === 'postgres'
            ? ` + ${run.serverCpuSeconds.toFixed(2)} CPU-s in the server's backends`
            : '';
        rows.push(
          {
            metric: `floor: one COPY with to_tsvector, ${backend}`,
            value: FILES / totalCpu(copy),
            unit: 'files/CPU-s',
            note: `${totalCpu(copy).toFixed(2)} CPU-s (${copy.serverCpuSeconds.toFixed(2)} server), ${copy.wallSeconds.toFixed(2)} s wall`,
          },
          {
            metric: `ingest ${backend}, files/s on ${CORES} cores (from CPU)`,
            value: onCores,
            unit: 'files/s',
            ...atLeast(onCores, TARGET_FILES_PER_SECOND[backend]),
            note: `${corpus}; ${run.cpuSeconds.toFixed(2)} CPU-s in this process${server}; read, hash, decode, extract, fsync, commit in groups`,
          },
          {
            metric: `ingest ${backend}, first ${STORE_WARM_UP_FILES} files into a fresh store`,
            value: STORE_WARM_UP_FILES / (totalCpu(cold) / CORES),
            unit: 'files/s',
            note: `from CPU on ${CORES} cores: ${totalCpu(cold).toFixed(2)} CPU-s (${cold.serverCpuSeconds.toFixed(2)} server), one-time costs included`,
          },
          {
            metric: `ingest ${backend}, files/s wall`,
            value: FILES / run.wallSeconds,
            unit: 'files/s',
            note: `${run.wallSeconds.toFixed(2)} s on a shared machine (load ${load} at the start)`,
          },
          {
            metric: `ingest ${backend} CPU ÷ decode + extract floor`,
            value: cpu / floor.cpuSeconds,
            unit: '×',
            ...atMost(cpu / floor.cpuSeconds, TARGET_FLOOR_RATIO),
            note: `${cpu.toFixed(2)} ÷ ${floor.cpuSeconds.toFixed(2)} CPU-s`,
          },
          {
            metric: `ingest ${backend} CPU ÷ one COPY`,
            value: cpu / totalCpu(copy),
            unit: '×',
            note: 'issue 17 measured 19× before the pipeline',
          },
        );
      }
    } finally {
      await decoder.close();
      rmSync(corpusDir, { recursive: true, force: true });
      rmSync(warmUpDir, { recursive: true, force: true });
    }
    return rows;
  },
};
