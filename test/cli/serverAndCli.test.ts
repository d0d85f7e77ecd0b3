/**
 * The server and the command line on one data directory, as an organisation uses them: while
 * `attest serve` runs, `attest` commands go through it (embedded database) or straight to the
 * database (PostgreSQL), and everything they write is visible in the web app at once and still
 * there after a restart.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openStore } from '../../src/store/openStore.ts';
import { openPgliteDb } from '../../src/store/pgliteDb.ts';
import { jsonOf, runCli } from '../support/cli.ts';
import { TEST_PASSWORD } from '../support/factories.ts';
import { type RunningServer, signInOverHttp, startServer } from '../support/server.ts';
import { backends, createPostgresDatabase } from '../support/stores.ts';

const ADMIN = 'admin@example.org';
const PASSWORD = TEST_PASSWORD;
const INVESTIGATOR = 'investigator@example.org';
const INVESTIGATOR_PASSWORD = 'another long passphrase';
const REPORT = 'Police in Moscow detained five activists on 11 May 2017 as they carried a petition.\n';

describe.each(backends())('attest serve and the CLI together on %s', (backend) => {
  let dataDir: string;
  let databaseUrl: string | undefined;
  let drop: (() => Promise<void>) | undefined;
  let server: RunningServer | undefined;
  const env = (extra: Record<string, string> = {}) => ({
    ATTEST_DATA: dataDir,
    DATABASE_URL: databaseUrl,
    ATTEST_USER: ADMIN,
    ATTEST_PASSWORD: PASSWORD,
    ...extra,
  });
  const cli = (args: string[], extra: Record<string, string> = {}) => runCli(args, { env: env(extra) });

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'attest-serve-cli-'));
    if (backend === 'postgres') ({ url: databaseUrl, drop } = await createPostgresDatabase());
    server = await startServer(env());
  }, 120_000);
  afterAll(async () => {
    await server?.stop('SIGKILL');
    await drop?.();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('runs init, user add, person add and ingest while the server runs, visible in the web app at once', async () => {
    const init = await cli(['init', '--org', 'Test Org', '--admin', ADMIN, '--json']);
    expect(init.code, init.stderr).toBe(0);
    const added = await cli(['user', 'add', '--email', INVESTIGATOR, '--role', 'investigator', '--json'], {
      ATTEST_NEW_PASSWORD: INVESTIGATOR_PASSWORD,
    });
    expect(added.code, added.stderr).toBe(0);
    const person = await cli(['person', 'add', '--name', 'Ilya Test', '--json']);
    expect(person.code, person.stderr).toBe(0);
    const report = join(dataDir, '..', `${join(dataDir).split('/').pop()}-report.txt`);
    writeFileSync(report, REPORT);
    const ingested = await cli(['ingest', '--published', '2017-05-12', '--json', report]);
    rmSync(report);
    expect(ingested.code, ingested.stderr).toBe(0);
    expect(jsonOf<{ sources: unknown[] }>(ingested).sources).toHaveLength(1);

    const url = server!.url;
    const token = await signInOverHttp(url, INVESTIGATOR, INVESTIGATOR_PASSWORD);
    const found = await fetch(`${url}/api/search?q=activists`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(found.status).toBe(200);
    expect(((await found.json()) as { total: number }).total).toBe(1);
  }, 300_000);

  it.runIf(backend === 'pglite')(
    'refuses a second server on the same data directory, naming the first',
    async () => {
      const second = await runCli(['serve', '--port', '0'], { env: env() });
      expect(second.code).toBe(1);
      expect(second.stderr).toContain(`in use by process ${server!.child.pid} (attest serve`);
    },
    60_000,
  );

  it('stops gracefully on SIGTERM, and after a restart everything is still there', async () => {
    const stopped = await server!.stop('SIGTERM');
    expect(stopped.code).toBe(0);
    expect(stopped.ms).toBeLessThan(10_000);
    expect(server!.stderr()).toContain('attest: stopped');

    server = await startServer(env());
    const token = await signInOverHttp(server.url, INVESTIGATOR, INVESTIGATOR_PASSWORD);
    const found = await fetch(`${server.url}/api/search?q=activists`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(((await found.json()) as { total: number }).total).toBe(1);
    const verified = await cli(['audit', 'verify', '--json']);
    expect(verified.code, verified.stderr).toBe(0);
    // init, user add (with its key shares), person add and both sign-ins at least.
    expect(jsonOf<{ ok: boolean; entries: number }>(verified)).toMatchObject({ ok: true });
    expect(jsonOf<{ entries: number }>(verified).entries).toBeGreaterThanOrEqual(5);
    const fixity = await cli(['verify', '--json']);
    expect(fixity.code, fixity.stderr).toBe(0);
    expect(jsonOf(fixity)).toMatchObject({ ok: true, sources: 1, originals: 1, problems: [] });
  }, 300_000);
});

describe('one owner per embedded data directory', () => {
  it('a command says at once which process holds the directory', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'attest-lock-'));
    const template = new Blob([readFileSync(inject('pgliteTemplate'))]);
    const holder = await openStore({ dataDir }, { command: 'ingest', db: await openPgliteDb({ template }) });
    try {
      const started = Date.now();
      const result = await runCli(['search', 'anything'], { env: { ATTEST_DATA: dataDir } });
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`in use by process ${process.pid} (attest ingest)`);
      expect(Date.now() - started).toBeLessThan(30_000);
    } finally {
      await holder.close();
    }
    const after = await runCli(['search', '--json', 'anything'], { env: { ATTEST_DATA: dataDir } });
    expect(after.code, after.stderr).toBe(0);
    rmSync(dataDir, { recursive: true, force: true });
  }, 120_000);
});
