import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  symlinkSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jsonOf, runCli } from '../support/cli.ts';
import { aPortugueseArticle } from '../support/shared.ts';
import { backends, createPostgresDatabase } from '../support/stores.ts';

/** The seed where ../shared has it, else the project's own Portuguese article. */
const seed = aPortugueseArticle().path;

interface IngestJson {
  sources: Array<{
    id: string;
    sha256: string;
    duplicate: boolean;
    file: string;
    language: string;
    suggestions: { events: unknown[] };
  }>;
  errors: Array<{ file: string; error: string }>;
}
interface SearchJson {
  total: number;
  hits: Array<{ kind: string; id: string; title: string; snippet: string }>;
}

describe.each(backends())('attest ingest and search on %s', (backend) => {
  let work: string;
  let env: Record<string, string>;
  let dropDatabase = async () => {};

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'attest-cli-'));
    env = { ATTEST_DATA: join(work, 'data'), ATTEST_USER: 'officer@example.org' };
    if (backend === 'postgres') {
      const database = await createPostgresDatabase();
      env.DATABASE_URL = database.url;
      dropDatabase = database.drop;
    }
  });
  afterAll(async () => {
    await dropDatabase();
    rmSync(work, { recursive: true, force: true });
  });

  it('preserves the seed once, reports the second ingest as a duplicate, and finds it by stem', async () => {
    const first = await runCli(['ingest', '--json', '--published', '2017-05-12', seed], { env });
    expect(first.code, first.stderr).toBe(0);
    const [stored] = jsonOf<IngestJson>(first).sources;
    expect(stored).toMatchObject({ duplicate: false, language: 'pt' });
    expect(stored?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(stored?.suggestions.events.length).toBeGreaterThan(0);

    const second = await runCli(['ingest', '--json', seed], { env });
    expect(second.code, second.stderr).toBe(0);
    expect(jsonOf<IngestJson>(second).sources[0]).toMatchObject({
      id: stored?.id,
      sha256: stored?.sha256,
      duplicate: true,
    });

    const found = await runCli(['search', '--json', 'ativista preso'], { env });
    expect(found.code, found.stderr).toBe(0);
    const result = jsonOf<SearchJson>(found);
    expect(result.total).toBe(1);
    expect(result.hits[0]).toMatchObject({ kind: 'source', id: stored?.id });
    expect(result.hits[0]?.snippet).toMatch(/ativistas/i);

    // The original bytes are preserved under their hash.
    const sha = stored!.sha256;
    expect(readdirSync(join(env.ATTEST_DATA!, 'files', sha.slice(0, 2), sha.slice(2, 4)))).toEqual([sha]);
  });

  it('reports each bad file by name, stores the good ones and loses nothing already stored', async () => {
    const dir = join(work, 'batch');
    mkdirSync(join(dir, 'nested'), { recursive: true });
    writeFileSync(join(dir, 'empty.txt'), '');
    writeFileSync(
      join(dir, 'garbage.bin'),
      Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)),
    );
    writeFileSync(
      join(dir, 'nested', 'cp1251.txt'),
      iconv.encode('В Чечне задержаны более ста мужчин, сообщила «Новая газета».', 'win1251'),
    );
    writeFileSync(
      join(dir, 'good.txt'),
      'Police detained twelve protesters in Grozny on Monday, witnesses said.',
    );
    symlinkSync(join(dir, 'missing-target.txt'), join(dir, 'dangling.txt'));
    const huge = join(dir, 'huge.txt');
    writeFileSync(huge, '');
    truncateSync(huge, 200 * 1024 * 1024);

    const result = await runCli(['ingest', '--json', dir], { env });
    expect(result.code).toBe(1);
    const report = jsonOf<IngestJson>(result);
    expect(report.sources.map((s) => s.file.replace(`${dir}/`, '')).sort()).toEqual([
      'good.txt',
      'nested/cp1251.txt',
    ]);
    expect(report.sources.find((s) => s.file.endsWith('cp1251.txt'))?.language).toBe('ru');
    const errors = Object.fromEntries(report.errors.map((e) => [e.file.replace(`${dir}/`, ''), e.error]));
    expect(Object.keys(errors).sort()).toEqual(['dangling.txt', 'empty.txt', 'garbage.bin', 'huge.txt']);
    expect(errors['empty.txt']).toMatch(/empty\.txt: empty file/);
    expect(errors['garbage.bin']).toMatch(/garbage\.bin: binary/);
    expect(errors['huge.txt']).toMatch(/huge\.txt: file too large \(200 MB/);
    expect(errors['dangling.txt']).toMatch(/no such file/);
    for (const name of Object.keys(errors)) expect(result.stderr).toContain(name);

    // Everything stored before is still there and searchable; the Russian text is found by stem.
    const seedStill = jsonOf<SearchJson>(await runCli(['search', '--json', 'ativistas presos'], { env }));
    expect(seedStill.total).toBe(1);
    const russian = jsonOf<SearchJson>(await runCli(['search', '--json', 'задержанный мужчина'], { env }));
    expect(russian.hits.map((h) => h.title ?? '')).toHaveLength(1);
  });

  it('refuses a malformed date as a usage error and a missing query likewise', async () => {
    const badDate = await runCli(['ingest', '--published', '2017-13-45', seed], { env });
    expect(badDate.code).toBe(2);
    expect(badDate.stderr).toMatch(/--published/);
    expect((await runCli(['search'], { env })).code).toBe(2);
    expect((await runCli(['ingest'], { env })).code).toBe(2);
    const badJobs = await runCli(['ingest', '--jobs', '0', seed], { env });
    expect(badJobs.code).toBe(2);
    expect(badJobs.stderr).toMatch(/--jobs expects a whole number/);
  });
});

describe('attest storage errors', () => {
  it('refuses a data directory that is not ours, naming it, and leaves it untouched', async () => {
    const foreign = mkdtempSync(join(tmpdir(), 'attest-foreign-'));
    writeFileSync(join(foreign, 'thesis.docx'), 'someone else’s work');
    try {
      const result = await runCli(['ingest', '--data', foreign, seed]);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`data directory ${foreign} is not an Attest data directory`);
      expect(readdirSync(foreign)).toEqual(['thesis.docx']);
    } finally {
      rmSync(foreign, { recursive: true, force: true });
    }
  });

  it('says PostgreSQL is down, names where it looked, and never prints the password', async () => {
    const work = mkdtempSync(join(tmpdir(), 'attest-pgdown-'));
    try {
      const result = await runCli(['search', '--json', 'x'], {
        env: { ATTEST_DATA: work, DATABASE_URL: 'postgres://attest:s3cret-pass@127.0.0.1:1/attest' },
      });
      expect(result.code).toBe(1);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(
        /cannot connect to PostgreSQL at 127\.0\.0\.1:1\/attest \(from DATABASE_URL\)/,
      );
      expect(result.stderr).not.toContain('s3cret-pass');
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});
