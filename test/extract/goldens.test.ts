/**
 * Golden tests in every language: realistic news passages (test/extract/golden/*.txt) and, beside
 * each, the suggestions a documentation officer would accept, written by hand as one line per
 * event ("type min-max group @country month"), claim and intervention type. A failure prints a
 * line diff that says exactly which act was missed, invented or mis-counted.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Suggestions } from '../../src/core/suggestions.ts';
import { extract } from '../../src/extract/extract.ts';
import { project } from './projection.ts';

const dir = join(import.meta.dirname, 'golden');
const cases = readdirSync(dir)
  .filter((file) => file.endsWith('.txt'))
  .map((file) => file.slice(0, -4))
  .sort();

interface Expected {
  published: string;
  events: string[];
  claims: string[];
  interventions: string[];
}

describe('golden extraction', () => {
  it('covers every language with a violation report, a text without violations and a denial', () => {
    for (const lang of ['pt', 'en', 'es', 'ru', 'fr']) {
      expect(cases.filter((name) => name.startsWith(`${lang}-`)).length).toBeGreaterThanOrEqual(3);
    }
  });

  for (const name of cases) {
    it(name, () => {
      const text = readFileSync(join(dir, `${name}.txt`), 'utf8');
      const expected = JSON.parse(readFileSync(join(dir, `${name}.expected.json`), 'utf8')) as Expected;
      const lang = name.slice(0, 2);
      const result = extract(text, { published: expected.published, lang });
      expect(Suggestions.parse(result)).toEqual(result);
      // Detection must agree with the file's language too, or real input would take another lexicon.
      expect(extract(text, { published: expected.published }).language).toBe(lang);
      expect(project(result)).toEqual({
        events: expected.events,
        claims: expected.claims,
        interventions: expected.interventions,
      });
      for (const e of result.events) expect(e.end).toBeGreaterThan(e.start);
    });
  }
});
