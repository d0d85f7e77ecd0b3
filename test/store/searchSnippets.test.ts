/**
 * Snippets are cut from a text's lead (its first LEAD_CHARACTERS) when a match is there, and from
 * the whole text when none is: ts_headline parses all it is given, so a long text's snippet would
 * cost milliseconds. Real PGlite and PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { search } from '../../src/services/search.ts';
import { LEAD_CHARACTERS, sourcesRepository } from '../../src/store/sources.ts';
import { aSource } from '../support/factories.ts';
import { backends, openTestStore, type TestStore } from '../support/stores.ts';

/** Words without any of the queries' stems, to push a match past the lead. */
const filler = (characters: number) =>
  'The weather was mild and the market opened late. '.repeat(Math.ceil(characters / 49)).slice(0, characters);

describe.each(backends())('search snippets on %s', (backend) => {
  let store: TestStore;

  beforeAll(async () => {
    store = await openTestStore(backend);
  });

  afterAll(async () => {
    await store.close();
  });

  const highlighted = (hit: { snippet: string; highlights: Array<{ start: number; end: number }> }) =>
    hit.highlights.map(({ start, end }) => hit.snippet.slice(start, end));

  it('cuts the snippet from the lead when a match is there', async () => {
    const text = `Activists arrested in Grozny. ${filler(2 * LEAD_CHARACTERS)}Students arrested in Kazan.`;
    await sourcesRepository(store.db).insertUnlessPresent(aSource({ text }));
    const [hit] = (await search(store.db, { query: 'arrested' })).hits;
    expect(highlighted(hit ?? { snippet: '', highlights: [] })).toEqual(['arrested']);
    expect(hit?.snippet).toContain('Grozny');
    // The whole text would also have given Kazan's sentence as a second fragment.
    expect(hit?.snippet).not.toContain('Kazan');
  });

  it('cuts the snippet from the whole text when the match lies past the lead', async () => {
    const text = `${filler(2 * LEAD_CHARACTERS)}Two journalists were threatened in Minsk.`;
    await sourcesRepository(store.db).insertUnlessPresent(aSource({ text }));
    const [hit] = (await search(store.db, { query: 'journalists threatened' })).hits;
    expect(highlighted(hit ?? { snippet: '', highlights: [] })).toEqual(['journalists', 'threatened']);
    expect(hit?.snippet).toContain('Minsk');
  });

  it('ends the lead on a whole word: a word cut at its end does not match', async () => {
    // "detainees" straddles the end of the lead: cut to "detain", it would match the query "detain"
    // that only "detained", far past the lead, matches.
    const text = `${filler(LEAD_CHARACTERS).slice(0, LEAD_CHARACTERS - 7)} detainees spoke. ${filler(LEAD_CHARACTERS)}Nine men were detained in Vitebsk.`;
    expect(text.slice(0, LEAD_CHARACTERS).endsWith(' detain')).toBe(true);
    await sourcesRepository(store.db).insertUnlessPresent(aSource({ text }));
    const [hit] = (await search(store.db, { query: 'detain' })).hits;
    expect(highlighted(hit ?? { snippet: '', highlights: [] })).toEqual(['detained']);
    expect(hit?.snippet).toContain('Vitebsk');
  });
});
