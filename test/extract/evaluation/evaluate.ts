/**
 * The extraction evaluation (docs/extraction.md, "Evaluation"): passages written for this project in
 * the five languages (test/extract/evaluation/xx.json), each with the acts a reviewer would accept as
 * "type count country" and the number of denials. It scores document-level F1 per act type (does the
 * document report this type at all), strict F1 on whole acts (type, count and country agree) and the
 * share of denial statements found. Historical events are background, not predictions.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Suggestions } from '../../../src/core/suggestions.ts';
import { extract } from '../../../src/extract/extract.ts';

export interface Passage {
  id: string;
  class: string;
  published: string;
  text: string;
  events: string[];
  denials: number;
}

export const passages: Passage[] = readdirSync(import.meta.dirname)
  .filter((file) => file.endsWith('.json'))
  .sort()
  .flatMap((file) => JSON.parse(readFileSync(join(import.meta.dirname, file), 'utf8')) as Passage[]);

export interface Scores {
  /** Per act type: F1 of "the document reports this type", over every passage. */
  documentF1: Record<string, number>;
  strictF1: number;
  denialRecall: number;
  /** Per passage, what was expected and found, for a readable failure. */
  misses: string[];
}

function actsOf(s: Suggestions): string[] {
  return s.events
    .filter((e) => !e.historical)
    .map((e) => `${e.type} ${e.victims?.min ?? '?'} ${e.place?.country ?? '-'}`);
}

const f1 = (tp: number, fp: number, fn: number) =>
  tp === 0 ? (fp + fn === 0 ? 1 : 0) : (2 * tp) / (2 * tp + fp + fn);

export function evaluate(set: readonly Passage[] = passages): Scores {
  const perType = new Map<string, { tp: number; fp: number; fn: number }>();
  const strict = { tp: 0, fp: 0, fn: 0 };
  let denialsExpected = 0;
  let denialsFound = 0;
  const misses: string[] = [];
  for (const p of set) {
    const result = extract(p.text, { published: p.published, lang: p.id.slice(0, 2) });
    const found = actsOf(result);
    const typesOf = (acts: string[]) => new Set(acts.map((a) => a.split(' ')[0]!));
    const [want, got] = [typesOf(p.events), typesOf(found)];
    for (const type of new Set([...want, ...got])) {
      const c = perType.get(type) ?? { tp: 0, fp: 0, fn: 0 };
      if (want.has(type) && got.has(type)) c.tp++;
      else if (got.has(type)) c.fp++;
      else c.fn++;
      perType.set(type, c);
    }
    const unmatched = [...found];
    for (const act of p.events) {
      const i = unmatched.indexOf(act);
      if (i >= 0) {
        strict.tp++;
        unmatched.splice(i, 1);
      } else strict.fn++;
    }
    strict.fp += unmatched.length;
    const denials = result.claims.filter((c) => c.stance === 'denies').length;
    denialsExpected += p.denials;
    denialsFound += Math.min(p.denials, denials);
    if (JSON.stringify([...p.events].sort()) !== JSON.stringify([...found].sort()) || denials !== p.denials)
      misses.push(
        `${p.id}: want ${JSON.stringify(p.events)} ${p.denials}d, got ${JSON.stringify(found)} ${denials}d`,
      );
  }
  const documentF1 = Object.fromEntries(
    [...perType].sort().map(([type, c]) => [type, Math.round(f1(c.tp, c.fp, c.fn) * 100) / 100]),
  );
  return {
    documentF1,
    strictF1: Math.round(f1(strict.tp, strict.fp, strict.fn) * 100) / 100,
    denialRecall: denialsExpected === 0 ? 1 : Math.round((denialsFound / denialsExpected) * 100) / 100,
    misses,
  };
}
