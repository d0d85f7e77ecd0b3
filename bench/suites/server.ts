/**
 * HTTP API under load: requests/s and p95 latency for the incident list, an incident page (with its
 * evidence) and search, with 50 concurrent clients, on PGlite and on PostgreSQL. The database is
 * seeded in bulk SQL with 10,000 incidents (2 acts, 1–2 claims and 1 source each; 100,000 with
 * `--full` or ATTEST_BENCH_FULL=1). Server and load generator share this process and its cores,
 * so the figures are a floor for a dedicated server.
 *
 * PostgreSQL: ATTEST_BENCH_PG_URL (an admin URL) or postgres://postgres@127.0.0.1:5432/postgres; a
 * fresh database is created and dropped. Skipped with a note when it does not answer.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { buildServer } from '../../src/server/buildServer.ts';
import { initOrganisation } from '../../src/services/accounts/accounts.ts';
import { releaseActor } from '../../src/services/accounts/actor.ts';
import { login } from '../../src/services/accounts/login.ts';
import type { Db } from '../../src/store/db.ts';
import { openStore, type Store } from '../../src/store/openStore.ts';
import { INCIDENT_TEXTS, uuid } from '../bulkLoad.ts';
import { type BenchRow, type BenchSuite, percentile } from '../harness.ts';

const FULL = process.argv.includes('--full') || process.env.ATTEST_BENCH_FULL === '1';
const INCIDENTS = FULL ? 100_000 : 10_000;
const CONNECTIONS = 50;
const SECONDS = Number(process.env.ATTEST_BENCH_SECONDS ?? 10);
const KDF = { algorithm: 'argon2id13' as const, opsLimit: 1, memLimit: 1024 * 1024 };
const PASSWORD = 'bench password long enough';

/**
 * Bulk seed in SQL, a few statements in all: sources (one per 5 incidents), incidents in five
 * languages with their search vectors, acts, claims (every fifth incident also has a denial).
 */
async function seed(db: Db, incidents: number): Promise<string[]> {
  const sources = Math.ceil(incidents / 5);
  await db.exec(`
    insert into sources (id, sha256, byte_size, media_type, file_name, title, url, published_on, language, text,
                         search_config, search, search_lead, captured_by, suggestions)
    select ${uuid(`'s' || g`)}, encode(sha256(('source ' || g)::bytea), 'hex'), 200, 'text/plain', 'bench-' || g || '.txt',
           'Relatório ' || g, 'https://outlet' || (g % 40) || '.example.org/' || g, date '2015-01-01' + (g % 3000), 'pt',
           'Cinco ativistas foram presos em Moscou na quinta-feira. A polícia negou as detenções. Relatório ' || g,
           'attest_pt', to_tsvector('attest_pt', 'Cinco ativistas foram presos em Moscou na quinta-feira. A polícia negou as detenções.'),
           to_tsvector('attest_pt', 'Cinco ativistas foram presos em Moscou na quinta-feira. A polícia negou as detenções.'),
           'bench', '{"language":"pt","published":null,"pii":[],"events":[],"claims":[],"interventions":[]}'
      from generate_series(1, ${sources}) g;

    insert into incidents (id, title, summary, status, place_name, country, date_from, date_to, date_precision, tags, language,
                           search_config, search, created_by)
    select ${uuid(`'i' || g`)}, t.title, t.summary, (array['alleged','corroborated','verified'])[1 + g % 3], t.place, t.country,
           date '2015-01-01' + (g % 3000), date '2015-01-01' + (g % 3000), 'day', '{}', t.language, t.config::regconfig,
           setweight(to_tsvector(t.config::regconfig, t.title), 'A') || setweight(to_tsvector(t.config::regconfig, t.summary), 'B')
             || setweight(to_tsvector(t.config::regconfig, t.place), 'C'),
           'bench'
      from generate_series(1, ${incidents}) g,
      ${INCIDENT_TEXTS};

    insert into acts (id, incident_id, type, victims_min, victims_max, victim_group, place_name, country, date_from, date_to, date_precision, perpetrators)
    select ${uuid(`'a' || g || '-' || k`)}, ${uuid(`'i' || g`)},
           (array['detention','threat','disappearance','torture','killing'])[1 + (g + k) % 5], 1 + g % 20, 1 + g % 20, 'activists',
           'Moscow', 'RU', date '2015-01-01' + (g % 3000), null, 'day', '[{"name":"police","actorId":null}]'
      from generate_series(1, ${incidents}) g, generate_series(1, 2) k;

    insert into incident_sources (incident_id, source_id)
    select ${uuid(`'i' || g`)}, ${uuid(`'s' || (1 + g % ${sources})`)} from generate_series(1, ${incidents}) g;

    insert into claims (id, incident_id, act_id, source_id, stance, text, span_start, span_end)
    select ${uuid(`'c' || g`)}, ${uuid(`'i' || g`)}, ${uuid(`'a' || g || '-1'`)}, ${uuid(`'s' || (1 + g % ${sources})`)},
           'asserts', 'Cinco ativistas foram presos em Moscou na quinta-feira.', 0, 55
      from generate_series(1, ${incidents}) g;
    insert into claims (id, incident_id, act_id, source_id, stance, text, span_start, span_end)
    select ${uuid(`'d' || g`)}, ${uuid(`'i' || g`)}, null, ${uuid(`'s' || (1 + g % ${sources})`)},
           'denies', 'A polícia negou as detenções.', 56, 85
      from generate_series(5, ${incidents}, 5) g;
    analyze;
  `);
  const rows = await db.query<{ id: string }>('select id from incidents order by random() limit 500');
  return rows.map((row) => row.id);
}

interface Load {
  rps: number;
  p95: number;
  errors: number;
}

async function load(url: string, token: string, paths: () => string): Promise<Load> {
  const times: number[] = [];
  let non2xx = 0;
  const result = await new Promise<autocannon.Result>((resolveRun, rejectRun) => {
    const instance = autocannon(
      {
        url,
        connections: CONNECTIONS,
        duration: SECONDS,
        headers: { authorization: `Bearer ${token}` },
        requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, path: paths() }) }],
      },
      (error, done) => (error ? rejectRun(error) : resolveRun(done)),
    );
    instance.on('response', (_client, status, _bytes, responseTime) => {
      times.push(responseTime);
      if (status < 200 || status >= 300) non2xx++;
    });
  });
  times.sort((a, b) => a - b);
  return {
    rps: result.requests.average,
    p95: percentile(times, 95),
    errors: non2xx + result.errors + result.timeouts,
  };
}

async function measure(backend: string, store: Store): Promise<BenchRow[]> {
  const started = performance.now();
  const ids = await seed(store.db, INCIDENTS);
  const seedSeconds = (performance.now() - started) / 1000;
  await initOrganisation(
    store.db,
    { name: 'Bench', adminEmail: 'bench@example.org', password: PASSWORD },
    KDF,
  );
  const session = await login(store.db, { email: 'bench@example.org', password: PASSWORD });
  releaseActor(session.actor);
  // 'fatal': requests still running when a load run ends fail as the store closes, which is expected noise.
  const app = await buildServer({ store, webDist: null, logLevel: 'fatal' });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  let n = 0;
  const queries = [
    'ativistas presos',
    'journalists threatened',
    'desaparición',
    'задержание',
    'militants arrêtés',
    'moscou',
  ];
  const rows: BenchRow[] = [
    { metric: `${backend}: seed ${INCIDENTS} incidents`, value: seedSeconds, unit: 's' },
  ];
  try {
    const cases: Array<[string, () => string]> = [
      ['incident list', () => `/api/incidents?limit=50&offset=${(n++ % 20) * 50}`],
      ['incident page', () => `/api/incidents/${ids[n++ % ids.length]}`],
      ['search', () => `/api/search?q=${encodeURIComponent(queries[n++ % queries.length]!)}&limit=20`],
    ];
    for (const [name, paths] of cases) {
      const result = await load(url, session.token, paths);
      // Requests abandoned when a run ends are still queued in the database (PGlite runs one query
      // at a time); wait for them so they do not slow the next case.
      await fetch(`${url}/api/health`);
      // The load average says how much of the shared machine this run really had.
      const note = `${CONNECTIONS} clients, ${SECONDS} s, load avg ${loadavg()[0]!.toFixed(1)}${result.errors ? `, ${result.errors} errors/timeouts` : ''}`;
      rows.push({ metric: `${backend}: ${name} throughput`, value: result.rps, unit: 'req/s', note });
      rows.push({ metric: `${backend}: ${name} p95 latency`, value: result.p95, unit: 'ms', note });
    }
  } finally {
    await app.close();
  }
  return rows;
}

async function withPostgres<T>(work: (url: string) => Promise<T>): Promise<T | null> {
  const adminUrl = process.env.ATTEST_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `attest_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 3_000 });
  try {
    await admin.connect();
  } catch {
    return null;
  }
  await admin.query(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  try {
    return await work(url.toString());
  } finally {
    await admin.query(`drop database if exists ${name} with (force)`).catch(() => {});
    await admin.end();
  }
}

export const suite: BenchSuite = {
  name: 'server',
  async run() {
    const rows: BenchRow[] = [];
    const dataDir = mkdtempSync(join(tmpdir(), 'attest-bench-server-'));
    try {
      const store = await openStore({ dataDir });
      try {
        rows.push(...(await measure('pglite', store)));
      } finally {
        await store.close();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
    const pgDir = mkdtempSync(join(tmpdir(), 'attest-bench-server-pg-'));
    try {
      const pgRows = await withPostgres(async (databaseUrl) => {
        const store = await openStore({ dataDir: pgDir, databaseUrl });
        try {
          return await measure('postgres', store);
        } finally {
          await store.close();
        }
      });
      rows.push(
        ...(pgRows ?? [
          { metric: 'postgres', value: Number.NaN, unit: '', note: 'PostgreSQL not reachable: skipped' },
        ]),
      );
    } finally {
      rmSync(pgDir, { recursive: true, force: true });
    }
    return rows;
  },
};
