import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../seededRandom.ts';
import { estimatePopulation } from './estimatePopulation.ts';
import { estimateStratum } from './estimateStratum.ts';

/** Each of `size` people is on list i with probability p_i, independently (a closed population). */
function simulateCaptures(size: number, probabilities: number[], seed: number): Float64Array {
  const random = seededRandom(seed);
  const counts = new Float64Array(1 << probabilities.length);
  for (let person = 0; person < size; person += 1) {
    let pattern = 0;
    probabilities.forEach((p, bit) => {
      if (random() < p) pattern |= 1 << bit;
    });
    if (pattern !== 0) counts[pattern]! += 1;
  }
  return counts;
}

const lists = (k: number) => Array.from({ length: k }, (_, i) => String.fromCharCode(65 + i));

describe('estimateStratum on simulated independent lists', () => {
  it('is close to the truth on average, and the profile interval usually covers it (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 800, max: 3000 }),
        fc.array(fc.double({ min: 0.15, max: 0.5, noNaN: true }), { minLength: 3, maxLength: 4 }),
        fc.integer({ min: 1, max: 2 ** 31 }),
        (size, probabilities, seed) => {
          const relative: number[] = [];
          let covered = 0;
          const runs = 12;
          for (let run = 0; run < runs; run += 1) {
            const counts = simulateCaptures(size, probabilities, seed + run);
            const result = estimateStratum(lists(probabilities.length), counts, null, {
              model: 'independence',
              criterion: 'aic',
              maxOrder: 2,
              exhaustiveLimit: 65_536,
              withInterval: true,
            });
            relative.push(result.estimate! / size);
            if (result.ci95![0] <= size && size <= result.ci95![1]) covered += 1;
          }
          const mean = relative.reduce((a, b) => a + b, 0) / runs;
          // The mean of 12 runs has a relative standard error of about 2 % at the lowest capture
          // probabilities drawn here; 8 % is four of them, so a failure means bias, not bad luck.
          expect(Math.abs(mean - 1)).toBeLessThan(0.08);
          // 95% nominal; 12 runs: fewer than 8 covered would be very unlikely (p < 1e-4).
          expect(covered).toBeGreaterThanOrEqual(8);
        },
      ),
      { numRuns: 8 },
    );
  });

  it('selects a model under auto whose estimate is near the truth for independent lists', () => {
    const counts = simulateCaptures(5000, [0.3, 0.25, 0.35, 0.2], 42);
    const result = estimateStratum(lists(4), counts, null);
    expect(result.modelCounts.fitted).toBe(64);
    expect(result.models.length).toBe(50);
    expect(Math.abs(result.estimate! / 5000 - 1)).toBeLessThan(0.1);
    expect(result.ci95![0]).toBeLessThan(result.estimate!);
    expect(result.ci95![1]).toBeGreaterThan(result.estimate!);
  });

  it('leaves out interactions of lists with no overlap, and says so', () => {
    const counts = simulateCaptures(3000, [0.3, 0.3, 0.3], 7);
    counts[0b011] = 0;
    counts[0b111] = 0;
    const result = estimateStratum(['A', 'B', 'C'], counts, null);
    expect(result.unidentifiableTerms).toEqual([{ term: 'A:B', reason: 'no one is on both lists' }]);
    expect(result.models.every((model) => !model.terms.includes('A:B'))).toBe(true);
  });

  it('refuses to estimate when a list records nobody', () => {
    const counts = Float64Array.from([0, 10, 0, 0, 5, 3, 0, 0]);
    const result = estimateStratum(['A', 'B', 'C'], counts, 'north');
    expect(result.estimate).toBeNull();
    expect(result.warnings.join()).toContain('list B records nobody');
  });

  it('switches to a stepwise search with a warning when the model space is too large', () => {
    const counts = simulateCaptures(4000, [0.3, 0.3, 0.3, 0.3, 0.3], 3);
    const result = estimateStratum(lists(5), counts, null, {
      model: 'auto',
      criterion: 'aic',
      maxOrder: 2,
      exhaustiveLimit: 100,
      withInterval: false,
    });
    expect(result.search).toBe('stepwise');
    expect(result.warnings.join()).toContain('stepwise');
    expect(result.estimate).not.toBeNull();
  });
});

describe('estimatePopulation with strata', () => {
  it('sums strata and combines their intervals', () => {
    const north = simulateCaptures(2000, [0.4, 0.3, 0.3], 11);
    const south = simulateCaptures(1000, [0.2, 0.2, 0.3], 12);
    const result = estimatePopulation(
      {
        lists: ['A', 'B', 'C'],
        strata: [
          { name: 'north', counts: north },
          { name: 'south', counts: south },
        ],
      },
      { model: 'independence' },
    );
    const [n, s] = result.strata!;
    expect(result.estimate).toBeCloseTo(n!.estimate! + s!.estimate!, 6);
    expect(result.ci95![0]).toBeLessThan(result.estimate!);
    expect(result.ci95![1]).toBeGreaterThan(result.estimate!);
    expect(result.interval).toBe('parametric bootstrap of the sum');
    expect(result.total.interval).toBe(result.interval);
    // Independent strata: the total's half-width is less than the sum of the strata's.
    expect(result.ci95![1] - result.estimate!).toBeLessThan(
      n!.ci95![1] - n!.estimate! + s!.ci95![1] - s!.estimate!,
    );
    // …and close to the quadrature of the strata's half-widths (normal approximation).
    const quadrature = Math.hypot(n!.ci95![1] - n!.estimate!, s!.ci95![1] - s!.estimate!);
    expect(Math.abs((result.ci95![1] - result.estimate!) / quadrature - 1)).toBeLessThan(0.25);
    // Strata draw from distinct seeds: their bootstrap replicates are not the same stream.
    expect(Array.from(n!.draws!.slice(0, 20))).not.toEqual(Array.from(s!.draws!.slice(0, 20)));
  });

  it('sums posterior draws for a Bayesian total: its median is the median of the sum', () => {
    const north = simulateCaptures(1500, [0.4, 0.3, 0.35, 0.3], 21);
    const south = simulateCaptures(800, [0.3, 0.25, 0.3, 0.35], 22);
    const table = {
      lists: ['A', 'B', 'C', 'D'],
      strata: [
        { name: 'north', counts: north },
        { name: 'south', counts: south },
      ],
    };
    const result = estimatePopulation(table, { model: 'dga', seed: 4 });
    const [n, s] = result.strata!;
    expect(result.interval).toBe('posterior of the sum (summed posterior draws)');
    expect(result.posterior!.draws).toBe(n!.draws!.length);
    const sums = Array.from(n!.draws!, (draw, i) => draw + s!.draws![i]!).sort((a, b) => a - b);
    expect(result.estimate).toBe((sums[1999]! + sums[2000]!) / 2);
    expect(result.ci95![0]).toBeGreaterThan(n!.ci95![0] + s!.ci95![0]);
    expect(result.ci95![1]).toBeLessThan(n!.ci95![1] + s!.ci95![1]);
    expect(Math.abs(result.estimate! / 2300 - 1)).toBeLessThan(0.1);
  });

  it('keeps the best models only, and onModel sees every one', () => {
    const counts = simulateCaptures(3000, [0.3, 0.25, 0.35, 0.2], 5);
    const seen: string[] = [];
    const result = estimateStratum(['A', 'B', 'C', 'D'], counts, null, {
      keepModels: 5,
      onModel: (model) => seen.push(model.terms.join('+')),
    });
    expect(seen).toHaveLength(64);
    expect(new Set(seen).size).toBe(64);
    expect(result.models).toHaveLength(5);
    expect(result.modelCounts).toEqual({ fitted: 64, converged: 64, failed: 0, kept: 5 });
    const aics = result.models.map((model) => model.aic);
    expect(aics).toEqual([...aics].sort((a, b) => a - b));
    const full = estimateStratum(['A', 'B', 'C', 'D'], counts, null, { keepModels: 64 });
    expect(full.models.slice(0, 5)).toEqual(result.models);
    expect(full.selected).toEqual(result.selected);
  });

  it('gives no total (not a quiet undercount) when a stratum cannot be estimated', () => {
    const result = estimatePopulation({
      lists: ['A', 'B', 'C'],
      strata: [
        { name: 'north', counts: simulateCaptures(2000, [0.4, 0.3, 0.3], 11) },
        { name: 'tiny', counts: Float64Array.from([0, 1, 0, 0, 0, 1, 0, 0]) },
      ],
    });
    expect(result.estimate).toBeNull();
    expect(result.warnings.join()).toContain("'tiny' cannot be estimated");
  });
});
