/**
 * Acceptance: an article against its gold file — the events (type, count, country, month), no event
 * beyond the optional ones, the denials, the intervention types and the contact's details, and every
 * event's span containing its evidence. The project's own articles (test/fixtures/golden, one per
 * interface language) always run; the seed article against ../shared/bench/seed-gold.json runs
 * where ../shared is present.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type EventSuggestion, Suggestions } from '../../src/core/suggestions.ts';
import { extract } from '../../src/extract/extract.ts';
import { fixturesDir } from '../support/paths.ts';
import { describeWithShared, SEED_ARTICLE, sharedFile } from '../support/shared.ts';

interface GoldEvent {
  type: string[];
  min: Array<number | null>;
  country: string;
  month: string | null;
  evidence: string;
}

interface Gold {
  lang: string;
  published: string;
  events: GoldEvent[];
  optional: Array<{ type: string[] }>;
  denials: number;
  denial_evidence: string[];
  interventions: string[];
  pii: Array<{ kind: string; text: string }>;
}

const goldenDir = join(fixturesDir, 'golden');
const readGold = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Gold;

/** Evidence may elide with "...": each piece must appear, in order. */
function containsEvidence(span: string, evidence: string): boolean {
  let from = 0;
  for (const piece of evidence.split('...').map((p) => p.trim())) {
    const at = span.indexOf(piece, from);
    if (at < 0) return false;
    from = at + piece.length;
  }
  return true;
}

function matches(e: EventSuggestion, g: GoldEvent): boolean {
  const minOk = g.min.includes(null) || g.min.includes(e.victims?.min ?? null);
  const monthOk = g.month === null || e.date?.from?.slice(0, 7) === g.month;
  return g.type.includes(e.type) && minOk && e.place?.country === g.country && monthOk;
}

/** The acceptance checks of one article against its gold. */
function checkAgainstGold(read: () => { text: string; gold: Gold }): void {
  let text: string;
  let gold: Gold;
  let result: Suggestions;
  beforeAll(() => {
    ({ text, gold } = read());
    result = extract(text, { published: gold.published });
  });

  it('validates against the Suggestions schema and detects the gold language', () => {
    expect(Suggestions.parse(result)).toEqual(result);
    expect(result.language).toBe(gold.lang);
  });

  it('finds each gold event once, with its evidence inside the event span', () => {
    const used = new Set<number>();
    for (const g of gold.events) {
      const index = result.events.findIndex(
        (e, i) => !used.has(i) && matches(e, g) && containsEvidence(text.slice(e.start, e.end), g.evidence),
      );
      expect(index, `no event for: ${g.type.join('|')} ${g.evidence}`).toBeGreaterThanOrEqual(0);
      used.add(index);
    }
    const extra = result.events.filter((_, i) => !used.has(i));
    const optionalTypes = new Set(gold.optional.flatMap((o) => o.type));
    expect(extra.map((e) => e.type).filter((t) => !optionalTypes.has(t))).toEqual([]);
    // Each optional act at most once: the same act told twice is one event.
    expect(new Set(extra.map((e) => e.type)).size).toBe(extra.length);
  });

  it('reports exactly the gold denials, each with its words', () => {
    const denials = result.claims.filter((c) => c.stance === 'denies');
    expect(denials).toHaveLength(gold.denials);
    for (const evidence of gold.denial_evidence) {
      expect(
        denials.some((c) => c.text.includes(evidence)),
        evidence,
      ).toBe(true);
    }
    for (const c of result.claims) expect(text.slice(c.start, c.end)).toBe(c.text);
  });

  it('finds the gold intervention types', () => {
    const types = new Set(result.interventions.map((i) => i.type));
    for (const type of gold.interventions) expect(types, type).toContain(type);
    for (const i of result.interventions) expect(text.slice(i.start, i.end)).toBe(i.text);
  });

  it("protects the contact's phone, e-mail and name", () => {
    for (const p of gold.pii) {
      expect(
        result.pii.some((found) => found.kind === p.kind && found.text === p.text),
        `${p.kind} ${p.text}`,
      ).toBe(true);
    }
  });
}

describeWithShared(SEED_ARTICLE, 'seed article (shared/bench/seed-gold.json)', () => {
  checkAgainstGold(() => ({
    text: readFileSync(sharedFile(SEED_ARTICLE), 'utf8'),
    gold: readGold(sharedFile('bench/seed-gold.json')),
  }));
});

const golden = readdirSync(goldenDir).filter((file) => file.endsWith('.txt'));

describe.each(golden)('project article %s (test/fixtures/golden)', (file) => {
  checkAgainstGold(() => ({
    text: readFileSync(join(goldenDir, file), 'utf8'),
    gold: readGold(join(goldenDir, file.replace(/\.txt$/, '.gold.json'))),
  }));
});

it('has a golden article in each of the five interface languages', () => {
  const languages = golden.map(
    (file) => readGold(join(goldenDir, file.replace(/\.txt$/, '.gold.json'))).lang,
  );
  expect(languages.sort()).toEqual(['en', 'es', 'fr', 'pt', 'ru']);
});
