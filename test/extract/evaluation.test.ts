/**
 * The targets of the extraction contract (docs/extraction.md, "Evaluation") on the project's own
 * evaluation passages: document-level F1 per act type, strict F1 on whole acts (type, count and
 * country) and the share of denials found. A failure lists every passage that came out differently.
 */
import { describe, expect, it } from 'vitest';
import { evaluate, passages } from './evaluation/evaluate.ts';

const TARGETS = {
  killing: 0.8,
  detention: 0.9,
  'physical-assault': 0.75,
  abduction: 0.7,
  'sexual-violence': 0.93,
} as const;

describe('extraction evaluation (test/extract/evaluation)', () => {
  const scores = evaluate();

  it('holds at least 40 passages across the five languages, with controls for every language', () => {
    expect(passages.length).toBeGreaterThanOrEqual(40);
    for (const lang of ['en', 'pt', 'es', 'fr', 'ru']) {
      const own = passages.filter((p) => p.id.startsWith(`${lang}-`));
      expect(own.length, lang).toBeGreaterThanOrEqual(8);
      expect(
        own.some((p) => p.class === 'control: no events'),
        lang,
      ).toBe(true);
      expect(
        own.some((p) => p.class === 'control: deaths that are not violations'),
        lang,
      ).toBe(true);
    }
    expect(new Set(passages.map((p) => p.id)).size).toBe(passages.length);
  });

  it.each(Object.entries(TARGETS))('document-level F1 for %s reaches %s', (type, target) => {
    expect(scores.documentF1[type], scores.misses.join('\n')).toBeGreaterThanOrEqual(target);
  });

  it('finds at least 90 % of the denials and a strict F1 of at least 0.92', () => {
    expect(scores.denialRecall, scores.misses.join('\n')).toBeGreaterThanOrEqual(0.9);
    expect(scores.strictF1, scores.misses.join('\n')).toBeGreaterThanOrEqual(0.92);
  });
});
