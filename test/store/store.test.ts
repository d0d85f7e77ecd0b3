import { describe, expect, it } from 'vitest';
import { search } from '../../src/services/search.ts';
import { migrate } from '../../src/store/migrate.ts';
import { sourcesRepository } from '../../src/store/sources.ts';
import { aSource } from '../support/factories.ts';
import { backends, openTestStore } from '../support/stores.ts';

describe.each(backends())('store on %s', (backend) => {
  it('migrates once and re-running migrations changes nothing', async () => {
    const store = await openTestStore(backend);
    try {
      expect(await migrate(store.db)).toEqual([]);
      const tables = await store.db.query<{ table_name: string }>(
        "select table_name from information_schema.tables where table_schema = 'public' order by 1",
      );
      expect(tables.map((t) => t.table_name)).toEqual(
        expect.arrayContaining(['sources', 'incidents', 'acts', 'claims']),
      );
    } finally {
      await store.close();
    }
  });

  it('stores the same bytes once and reports the second as a duplicate', async () => {
    const store = await openTestStore(backend);
    try {
      const sources = sourcesRepository(store.db);
      const first = aSource({ text: 'Cinco ativistas foram presos em Moscou', language: 'pt' });
      expect(await sources.insertUnlessPresent(first)).toEqual({ id: first.id, duplicate: false });
      const again = { ...first, id: '00000000-0000-4000-8000-000000000000' };
      expect(await sources.insertUnlessPresent(again)).toEqual({ id: first.id, duplicate: true });
      expect(await sources.count()).toBe(1);
      const stored = await sources.findBySha256(first.sha256);
      expect(stored?.text).toBe(first.text);
      expect(stored?.capturedAt).toBeInstanceOf(Date);
    } finally {
      await store.close();
    }
  });

  it('rolls back a failed transaction completely', async () => {
    const store = await openTestStore(backend);
    try {
      const source = aSource({ text: 'Jornalistas foram ameaçados', language: 'pt' });
      await expect(
        store.db.transaction(async (tx) => {
          await sourcesRepository(tx).insertUnlessPresent(source);
          await tx.query('select 1/0');
        }),
      ).rejects.toThrow();
      expect(await sourcesRepository(store.db).count()).toBe(0);
    } finally {
      await store.close();
    }
  });

  describe('search', () => {
    it('finds stemmed, accent-insensitive matches in each language, with highlighted snippets', async () => {
      const store = await openTestStore(backend);
      try {
        const sources = sourcesRepository(store.db);
        const pt = aSource({
          language: 'pt',
          title: 'Chechênia',
          text: 'Cinco ativistas foram presos em Moscou na quinta-feira.',
        });
        const ru = aSource({ language: 'ru', text: 'В Чечне задержаны более ста мужчин.' });
        const es = aSource({ language: 'es', text: 'Los activistas fueron detenidos en Chechenia.' });
        const fr = aSource({ language: 'fr', text: 'Des militants ont été arrêtés en Tchétchénie.' });
        const en = aSource({ language: 'en', text: 'Journalists reporting on the purge were threatened.' });
        for (const source of [pt, ru, es, fr, en]) await sources.insertUnlessPresent(source);

        const portuguese = await search(store.db, { query: 'ativista preso' });
        expect(portuguese.hits.map((h) => h.id)).toEqual([pt.id]);
        const hit = portuguese.hits[0]!;
        expect(hit.highlights.map(({ start, end }) => hit.snippet.slice(start, end))).toEqual([
          'ativistas',
          'presos',
        ]);

        expect((await search(store.db, { query: 'chechenia' })).hits.map((h) => h.id).sort()).toEqual(
          [pt.id, es.id].sort(),
        );
        expect((await search(store.db, { query: 'задержан мужчина' })).hits.map((h) => h.id)).toEqual([
          ru.id,
        ]);
        expect((await search(store.db, { query: 'arrêté tchetchenie' })).hits.map((h) => h.id)).toEqual([
          fr.id,
        ]);
        expect((await search(store.db, { query: 'threatening journalist' })).hits.map((h) => h.id)).toEqual([
          en.id,
        ]);
        expect((await search(store.db, { query: 'activista detenido' })).hits.map((h) => h.id)).toEqual([
          es.id,
        ]);
        expect((await search(store.db, { query: 'ativista', kind: 'incident' })).total).toBe(0);
        expect((await search(store.db, { query: 'nothing-like-this' })).total).toBe(0);
      } finally {
        await store.close();
      }
    });

    it('rejects an empty query with a message naming it', async () => {
      const store = await openTestStore(backend);
      try {
        await expect(search(store.db, { query: '   ' })).rejects.toThrow(/query: empty query/);
      } finally {
        await store.close();
      }
    });
  });
});
