/**
 * `attest capture` and `attest timestamp` through the real command line, against fixture pages and a
 * local time-stamping authority on 127.0.0.1, with Debian's Chromium, on PGlite and PostgreSQL.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CapturePages, RUSSIAN_PAGE_WORD, startCapturePages } from '../support/capturePages.ts';
import { jsonOf, runCli } from '../support/cli.ts';
import { type LocalTsa, startLocalTsa } from '../support/localTsa.ts';
import { backends, createPostgresDatabase } from '../support/stores.ts';

interface CaptureJson {
  source: {
    id: string;
    sha256: string;
    duplicate: boolean;
    title: string | null;
    language: string;
    url: string;
  };
  capture: {
    id: string;
    requestedUrl: string;
    finalUrl: string;
    redirects: Array<{ url: string; status: number; location: string }>;
    httpStatus: number;
    capturedAt: string;
    capturedBy: string;
    browserVersion: string;
    warnings: string[];
  };
  files: Array<{ role: string; sha256: string; byteSize: number; mediaType: string }>;
  timestamps?: Array<{ sha256: string; status: string; time: string | null; authority: string | null }>;
}

const originalPath = (dataDir: string, sha: string) =>
  join(dataDir, 'files', sha.slice(0, 2), sha.slice(2, 4), sha);

/** Every original under files/ (by hash), so a refused capture is seen to leave nothing. */
function storedOriginals(dataDir: string): string[] {
  const root = join(dataDir, 'files');
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /^[0-9a-f]{64}$/.test(entry.name))
    .map((entry) => entry.name);
}

describe.each(backends())('attest capture on %s', (backend) => {
  let work: string;
  let env: Record<string, string>;
  let pages: CapturePages;
  let tsa: LocalTsa;
  let dropDatabase = async () => {};

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'attest-capture-'));
    pages = await startCapturePages();
    tsa = await startLocalTsa();
    env = {
      ATTEST_DATA: join(work, 'data'),
      ATTEST_USER: 'officer@example.org',
      ATTEST_CAPTURE_ALLOW_PRIVATE: 'yes',
      ATTEST_TSA_URL: tsa.url,
      ATTEST_TSA_CA_FILE: tsa.caFile,
    };
    if (backend === 'postgres') {
      const database = await createPostgresDatabase();
      env.DATABASE_URL = database.url;
      dropDatabase = database.drop;
    }
  });
  afterAll(async () => {
    await pages.close();
    await tsa.close();
    await dropDatabase();
    rmSync(work, { recursive: true, force: true });
  });

  it('preserves a redirected Russian page with its image as one source: every file by its SHA-256, stamped', async () => {
    const requested = `${pages.origin}/old-address`;
    const result = await runCli(['capture', '--json', requested], { env });
    expect(result.code, result.stderr).toBe(0);
    const captured = jsonOf<CaptureJson>(result);

    expect(captured.capture).toMatchObject({
      requestedUrl: requested,
      finalUrl: `${pages.origin}/ru`,
      httpStatus: 200,
      redirects: [
        { url: requested, status: 301, location: `${pages.origin}/moved` },
        { url: `${pages.origin}/moved`, status: 302, location: `${pages.origin}/ru` },
      ],
    });
    expect(captured.capture.browserVersion).toMatch(/^Chromium \d+\./);
    expect(captured.capture.capturedBy).not.toBe('');
    expect(Math.abs(Date.parse(captured.capture.capturedAt) - Date.now())).toBeLessThan(120_000);
    expect(captured.source).toMatchObject({ duplicate: false, language: 'ru', title: 'Задержание в Казани' });
    expect(pages.imageRequests()).toBeGreaterThan(0);

    expect(captured.files.map((file) => file.role)).toEqual([
      'document',
      'headers',
      'screenshot',
      'pdf',
      'mhtml',
    ]);
    for (const file of captured.files) {
      const bytes = readFileSync(originalPath(env.ATTEST_DATA!, file.sha256));
      expect(createHash('sha256').update(bytes).digest('hex'), file.role).toBe(file.sha256);
      expect(bytes.byteLength, file.role).toBe(file.byteSize);
    }
    const file = (role: string) =>
      readFileSync(originalPath(env.ATTEST_DATA!, captured.files.find((f) => f.role === role)!.sha256));
    expect(captured.files[0]!.sha256).toBe(captured.source.sha256);
    expect(file('document').toString('utf8')).toContain(RUSSIAN_PAGE_WORD);
    expect(JSON.parse(file('headers').toString('utf8'))).toMatchObject({
      status: 200,
      headers: expect.arrayContaining([['x-fixture', 'attest']]),
    });
    expect(file('screenshot').subarray(1, 4).toString('ascii')).toBe('PNG');
    expect(file('pdf').subarray(0, 5).toString('ascii')).toBe('%PDF-');
    const mhtml = file('mhtml').toString('utf8');
    expect(mhtml).toMatch(/multipart\/related/i);
    expect(mhtml).toContain(`${pages.origin}/red.png`); // the image is inside the archive

    // Every preserved file got a verified token from the local authority.
    expect(captured.timestamps?.map((stamp) => stamp.sha256).sort()).toEqual(
      captured.files.map((f) => f.sha256).sort(),
    );
    for (const stamp of captured.timestamps ?? []) {
      expect(stamp.status).toBe('stamped');
      expect(stamp.authority).toContain('Attest Test TSA');
    }

    // The text went through extraction like any source: found by a Russian word.
    const found = await runCli(['search', '--json', RUSSIAN_PAGE_WORD], { env });
    expect(found.code, found.stderr).toBe(0);
    expect(jsonOf<{ hits: Array<{ id: string }> }>(found).hits.map((hit) => hit.id)).toContain(
      captured.source.id,
    );

    // Fixity covers the capture's files too.
    const verified = await runCli(['verify', '--json'], { env });
    expect(verified.code, verified.stderr).toBe(0);
    expect(jsonOf<{ unreferenced: string[] }>(verified).unreferenced).toEqual([]);
  });

  it('preserves a removed page (404) with its status, and queues timestamps while the authority is offline', async () => {
    tsa.setOffline(true);
    const result = await runCli(['capture', '--json', `${pages.origin}/removed`], { env });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain('HTTP 404');
    const captured = jsonOf<CaptureJson>(result);
    expect(captured.capture.httpStatus).toBe(404);
    expect(captured.timestamps?.every((stamp) => stamp.status === 'pending')).toBe(true);

    const offline = await runCli(['timestamp', '--pending', '--json'], { env });
    expect(offline.code).toBe(1);
    expect(offline.stderr).toMatch(/authority answered HTTP 503/);

    // An ingested original is stamped like a captured one.
    const text = join(work, 'statement.txt');
    writeFileSync(text, 'Statement of the press service, 13 May 2017: no one was detained.');
    const ingested = await runCli(['ingest', '--json', text], { env });
    expect(ingested.code, ingested.stderr).toBe(0);
    const ingestedSha = jsonOf<{ sources: Array<{ sha256: string }> }>(ingested).sources[0]!.sha256;

    tsa.setOffline(false);
    const retried = await runCli(['timestamp', '--pending', '--json'], { env });
    expect(retried.code, retried.stderr).toBe(0);
    const report = jsonOf<{ stamped: Array<{ sha256: string }>; pending: number }>(retried);
    expect(report.pending).toBe(0);
    expect(report.stamped.map((stamp) => stamp.sha256)).toEqual(
      expect.arrayContaining([...captured.files.map((file) => file.sha256), ingestedSha]),
    );
  });

  it.each([
    ['a redirect loop', '/loop-a', /redirect loop/],
    ['a server error (500), preserved with its status', '/broken', null],
  ])('%s', async (_name, path, refusal) => {
    const result = await runCli(['capture', '--json', `${pages.origin}${path}`], { env });
    if (refusal === null) {
      expect(result.code, result.stderr).toBe(0);
      expect(jsonOf<CaptureJson>(result).capture.httpStatus).toBe(500);
    } else {
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(refusal);
    }
  });
});

describe('attest capture refuses what it must not fetch, storing nothing', () => {
  let work: string;
  let pages: CapturePages;
  let env: Record<string, string>;

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'attest-capture-bad-'));
    pages = await startCapturePages();
    env = {
      ATTEST_DATA: join(work, 'data'),
      ATTEST_USER: 'officer@example.org',
      ATTEST_CAPTURE_ALLOW_PRIVATE: 'yes',
      ATTEST_CAPTURE_TIMEOUT_MS: '6000',
      ATTEST_CAPTURE_MAX_MB: '5',
    };
  });
  afterAll(async () => {
    await pages.close();
    rmSync(work, { recursive: true, force: true });
  });

  it.each([
    ['file://', () => 'file:///etc/passwd', {}, 2, /only http and https/],
    ['javascript:', () => 'javascript:alert(1)', {}, 2, /only http and https/],
    ['not a URL', () => 'example', {}, 2, /not a URL/],
    [
      'a private address by default',
      () => `${pages.origin}/ru`,
      { ATTEST_CAPTURE_ALLOW_PRIVATE: '' },
      2,
      /private, loopback or link-local.*ATTEST_CAPTURE_ALLOW_PRIVATE=yes/,
    ],
    [
      'localhost by name by default',
      () => 'http://localhost:9/',
      { ATTEST_CAPTURE_ALLOW_PRIVATE: '' },
      2,
      /private/,
    ],
    ['a page that never answers', () => `${pages.origin}/slow`, {}, 1, /did not answer in time/],
    ['a 200 MB answer', () => `${pages.origin}/huge`, {}, 1, /larger than 5 MB.*nothing was stored/],
    ['a redirect loop', () => `${pages.origin}/loop-a`, {}, 1, /redirect loop/],
    [
      'a missing browser',
      () => `${pages.origin}/ru`,
      { ATTEST_CHROMIUM: '/nonexistent/chromium' },
      3,
      /Chromium not found at \/nonexistent\/chromium/,
    ],
  ])('%s', async (_name, url, extraEnv, code, message) => {
    const started = Date.now();
    const result = await runCli(['capture', '--json', url()], { env: { ...env, ...extraEnv } });
    expect(result.code, result.stderr).toBe(code);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).toBe('');
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(storedOriginals(env.ATTEST_DATA!)).toEqual([]);
  });
});
