/**
 * The grouped ingest pipeline on both backends: a directory mixing good files with a hostile one, a
 * file that cannot be decoded, an empty one, a copy of another and bytes stored before comes back
 * in file order, every good file stored with its original and one audit entry, the chain intact;
 * and a row the database refuses inside a group costs only that file.
 */
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyAudit } from '../../src/services/audit/audit.ts';
import { createDecodePool, type DecodePool } from '../../src/services/sources/decodeSandbox/decodePool.ts';
import { ingestOne, sourceFrom } from '../../src/services/sources/ingest.ts';
import { ingestFiles } from '../../src/services/sources/ingestFiles.ts';
import { commitGroup } from '../../src/services/sources/ingestGroups.ts';
import { sha256Hex } from '../../src/store/fileStore.ts';
import { sourcesRepository } from '../../src/store/sources.ts';
import { aSource, noSuggestions } from '../support/factories.ts';
import { makeNestedHtml } from '../support/hostileFiles.ts';
import { backends, openTestStore, type TestStore } from '../support/stores.ts';

const TEXTS = [
  'Police detained 15 activists in Moscow on Monday, Memorial said. Lawyers filed a complaint.',
  'Cinco ativistas foram presos em Moscou na segunda-feira, segundo a Anistia Internacional.',
  'Al menos tres periodistas fueron amenazados por hombres armados en Caracas el jueves.',
  'В Москве задержаны двенадцать активистов, сообщает ОВД-Инфо.',
  'Au moins trois militants ont été arrêtés à Bamako jeudi, selon Amnesty International.',
  'Forecasters expect heavy rain in London over the weekend; the book fair drew thousands.',
];

describe.each(backends())('grouped ingest on %s', (backend) => {
  let store: TestStore;
  let decoder: DecodePool;
  let work: string;

  beforeAll(async () => {
    store = await openTestStore(backend);
    decoder = createDecodePool();
    work = mkdtempSync(join(tmpdir(), 'attest-grouped-'));
  });
  afterAll(async () => {
    await decoder.close();
    await store.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('stores every good file once, in order, with its original and audit entry; bad files are named', async () => {
    const inbox = join(work, 'inbox');
    mkdirSync(inbox);
    for (const [index, text] of TEXTS.entries()) writeFileSync(join(inbox, `news-${index}.txt`), text);
    writeFileSync(join(inbox, 'news-2-copy.txt'), TEXTS[2]!); // the same bytes as news-2.txt
    writeFileSync(join(inbox, 'deep.html'), makeNestedHtml(20_000)); // hostile: over a limit
    writeFileSync(join(inbox, 'binary.bin'), Buffer.from(Array.from({ length: 4096 }, (_, i) => i % 32)));
    writeFileSync(join(inbox, 'empty.txt'), '');
    const before = await ingestOne(
      store,
      { fileName: 'earlier.txt', bytes: Buffer.from(TEXTS[4]!), capturedBy: 'officer' },
      { decoder },
    );

    const progress: number[] = [];
    const report = await ingestFiles(store, [inbox], work, {
      capturedBy: 'officer',
      decoder,
      group: { max: 3, waitMs: 5 },
      onProgress: (done) => progress.push(done),
    });

    const name = (file: string) => file.slice(inbox.length + 1);
    expect(report.sources.map((s) => [name(s.file), s.duplicate])).toEqual([
      ['deep.html', false],
      ['news-0.txt', false],
      ['news-1.txt', false],
      ['news-2-copy.txt', false],
      ['news-2.txt', true],
      ['news-3.txt', false],
      ['news-4.txt', true],
      ['news-5.txt', false],
    ]);
    expect(report.errors.map((e) => name(e.file))).toEqual(['binary.bin', 'empty.txt']);
    expect(report.errors[1]?.error).toMatch(/empty file/);
    expect(progress).toEqual(Array.from({ length: 10 }, (_, i) => i + 1));

    const byName = new Map(report.sources.map((s) => [name(s.file), s]));
    expect(byName.get('deep.html')?.notDecoded).toMatch(/HTML nests deeper/);
    expect(byName.get('news-2.txt')?.id).toBe(byName.get('news-2-copy.txt')?.id);
    expect(byName.get('news-4.txt')?.id).toBe(before.id);
    expect(byName.get('news-1.txt')).toMatchObject({ language: 'pt', ocr: null, noText: null });
    expect(byName.get('news-0.txt')?.suggestions.events.length).toBeGreaterThan(0);
    // A duplicate answers like the stored row, without the OCR field of a new source.
    expect(byName.get('news-2.txt')).not.toHaveProperty('ocr');

    const rows = await store.db.query<{ id: string; sha256: string; search: string | null }>(
      'select id, sha256, search::text as search from sources',
    );
    expect(rows).toHaveLength(7); // earlier.txt + 6 new
    for (const row of rows) {
      expect(store.files.has(row.sha256)).toBe(true);
      expect(sha256Hex(store.files.get(row.sha256))).toBe(row.sha256);
    }
    expect(rows.find((r) => r.sha256 === byName.get('news-1.txt')?.sha256)?.search).toMatch(/'ativ':2B/);
    // The grouped insert computes the same search vectors as the single-row one.
    const vectors = await store.db.query<{ same: boolean }>(
      `select search = setweight(to_tsvector(search_config, coalesce(title, '')), 'A')
                       || setweight(to_tsvector(search_config, text), 'B')
          and search_lead = setweight(to_tsvector(search_config, coalesce(title, '')), 'A')
                       || setweight(to_tsvector(search_config, left(text, 1000)), 'B') as same
         from sources`,
    );
    expect(vectors.every((row) => row.same)).toBe(true);

    const created = await store.db.query<{ record_id: string }>(
      "select record_id from audit_log where action = 'source.create' order by seq",
    );
    const newIds = report.sources.filter((s) => !s.duplicate).map((s) => s.id);
    expect(created.map((r) => r.record_id).sort()).toEqual([before.id, ...newIds].sort());
    expect((await verifyAudit(store.db)).ok).toBe(true);
  });

  it('the grouped insert stores every field as given and skips bytes already stored', async () => {
    const tricky = aSource({
      text: 'Quotes " and \' , a backslash \\ and {braces}, NULL as a word,\nnew lines\tand tabs, emoji 🕊️.',
      title: 'A "title" with \\ and ,',
      url: 'https://example.org/a?b="c"',
      publishedOn: '2017-05-12',
      language: 'pt',
      warnings: ['a "quoted" warning', 'another, with a comma'],
      suggestions: { ...noSuggestions('pt'), published: '2017-05-12' },
    });
    const plain = aSource({ text: 'Nothing special here.', encoding: null, notDecoded: 'PDF too large' });
    const sources = sourcesRepository(store.db);
    expect(await sources.insertManyUnlessPresent([tricky, plain])).toEqual([true, true]);
    const again = aSource({ text: 'the same bytes again', sha256: tricky.sha256 });
    expect(await sources.insertManyUnlessPresent([again])).toEqual([false]);

    const stored = new Map(
      (await sources.findBySha256s([tricky.sha256, plain.sha256])).map((r) => [r.id, r]),
    );
    for (const given of [tricky, plain]) {
      const {
        capturedAt: _at,
        originReliability,
        contentReliability,
        compartmentId,
        ...row
      } = stored.get(given.id) ?? {};
      expect(row).toEqual(given);
      expect([originReliability, contentReliability, compartmentId]).toEqual([null, null, null]);
    }
  });

  it('compresses a long text with lz4 on PostgreSQL (cheaper to store), pglz on PGlite (built without lz4)', async () => {
    // Varied words, so the text compresses a little but stays over the 2 KB at which values are compressed.
    const words = Array.from({ length: 1500 }, (_, index) => `word${(index * 7919) % 1000}`).join(' ');
    const long = aSource({ text: words, title: 'A long article' });
    expect(await sourcesRepository(store.db).insertManyUnlessPresent([long])).toEqual([true]);
    const [row] = await store.db.query<{ text: string | null }>(
      'select pg_column_compression(text) as text from sources where id = $1',
      [long.id],
    );
    expect(row?.text).toBe(backend === 'postgres' ? 'lz4' : 'pglz');
  });

  it('a row the database refuses inside a group costs that file only', async () => {
    const item = (text: string, publishedOn: string | null) => {
      const bytes = Buffer.from(text);
      const source = sourceFrom({ fileName: 'x.txt', bytes, capturedBy: 'officer' }, sha256Hex(bytes), {
        kind: 'not-decoded',
        reason: 'test',
      });
      return { source: { ...source, id: randomUUID(), publishedOn }, bytes, ocr: null, media: null };
    };
    const items = [
      item('first good row of the group', null),
      item('a row with an impossible date', '2017-02-30'),
      item('second good row of the group', '2017-05-12'),
    ];
    const answers = await commitGroup(store, items);
    expect(answers.map((a) => a.kind)).toEqual(['stored', 'failed', 'stored']);
    const stored = await store.db.query<{ sha256: string }>(
      'select sha256 from sources where sha256 = any($1)',
      [items.map((i) => i.source.sha256)],
    );
    expect(stored.map((r) => r.sha256).sort()).toEqual(
      [items[0]!.source.sha256, items[2]!.source.sha256].sort(),
    );
    expect((await verifyAudit(store.db)).ok).toBe(true);
  });
});
