import { describe, expect, it } from 'vitest';
import { bitCount } from './captureTable.ts';
import {
  candidateInteractions,
  enumerateHierarchicalModels,
  neighbourModels,
  parentTerms,
} from './hierarchicalModels.ts';

describe('hierarchical model space', () => {
  it('has 2^(k choose 2) two-way models and never the k-way term', () => {
    expect(enumerateHierarchicalModels(candidateInteractions(3, 2), 1e6)!.length).toBe(8);
    expect(enumerateHierarchicalModels(candidateInteractions(5, 2), 1e6)!.length).toBe(1024);
    expect(candidateInteractions(3, 5)).not.toContain(0b111);
    expect(candidateInteractions(4, 4).every((term) => bitCount(term) <= 3)).toBe(true);
  });

  it('keeps only hierarchical models when three-way terms are allowed', () => {
    const models = enumerateHierarchicalModels(candidateInteractions(4, 3), 1e6)!;
    for (const model of models) {
      for (const term of model) for (const parent of parentTerms(term)) expect(model).toContain(parent);
    }
    // 3 lists, K = 2: the 8 graphs; 4 lists, K = 3: more than the 64 graphs, since each triangle
    // may carry its three-way term.
    expect(models.length).toBeGreaterThan(64);
  });

  it('gives up (null) beyond the limit instead of enumerating forever', () => {
    expect(enumerateHierarchicalModels(candidateInteractions(8, 2), 1000)).toBeNull();
  });

  it('steps to neighbours that stay hierarchical', () => {
    const abc = 0b111;
    const neighbours = neighbourModels([0b011, 0b101, 0b110], candidateInteractions(4, 3));
    expect(neighbours.some((model) => model.includes(abc))).toBe(true);
    for (const model of neighbours) {
      for (const term of model) for (const parent of parentTerms(term)) expect(model).toContain(parent);
    }
  });
});
