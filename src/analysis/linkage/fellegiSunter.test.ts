import { describe, expect, it } from 'vitest';
import { seededRandom } from '../seededRandom.ts';
import { estimateFellegiSunter, levelWeights, matchProbability, patternWeight } from './fellegiSunter.ts';

describe('Fellegi–Sunter EM', () => {
  it('recovers known m, u and prior from simulated comparison vectors', () => {
    const random = seededRandom(3);
    const m = [
      [0.9, 0.07, 0.03],
      [0.85, 0.15],
      [0.8, 0.2],
    ];
    const u = [
      [0.05, 0.15, 0.8],
      [0.1, 0.9],
      [0.5, 0.5],
    ];
    const counts = new Map<string, number>();
    for (let k = 0; k < 20000; k++) {
      const probabilities = random() < 0.2 ? m : u;
      const levels = probabilities.map((p) => {
        let r = random();
        for (let l = 0; l < p.length; l++) {
          r -= p[l]!;
          if (r < 0) return l;
        }
        return p.length - 1;
      });
      counts.set(levels.join(','), (counts.get(levels.join(',')) ?? 0) + 1);
    }
    const patterns = [...counts.keys()].map((key) => Uint8Array.from(key.split(',').map(Number)));
    const model = estimateFellegiSunter({ levelCounts: [3, 2, 2], patterns, counts: [...counts.values()] });
    expect(model.converged).toBe(true);
    expect(model.prior).toBeCloseTo(0.2, 1);
    expect(model.m[0]![0]!).toBeCloseTo(0.9, 1);
    expect(model.u[0]![2]!).toBeCloseTo(0.8, 1);
    const weights = levelWeights(model);
    const agree = patternWeight(weights, Uint8Array.from([0, 0, 0]));
    const disagree = patternWeight(weights, Uint8Array.from([2, 1, 1]));
    expect(matchProbability(agree, model.prior)).toBeGreaterThan(0.95);
    expect(matchProbability(disagree, model.prior)).toBeLessThan(0.01);
  });

  it('keeps weights non-increasing from the most to the least similar level', () => {
    const weights = levelWeights({
      prior: 0.1,
      m: [[0.5, 0.1, 0.4]],
      u: [[0.1, 0.5, 0.4]],
      iterations: 1,
      converged: true,
    });
    expect(weights[0]![1]!).toBeLessThanOrEqual(weights[0]![0]!);
    expect(weights[0]![2]!).toBeLessThanOrEqual(weights[0]![1]!);
  });

  it('treats a missing field as no evidence', () => {
    expect(patternWeight([[3, -3]], Uint8Array.from([255]))).toBe(0);
    expect(matchProbability(0, 0.25)).toBeCloseTo(0.25, 10);
  });
});
