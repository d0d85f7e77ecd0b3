import { describe, expect, it } from 'vitest';
import { fitModel } from './fitModel.ts';
import { fitPoissonLogLinear } from './fitPoissonLogLinear.ts';
import { solveSymmetric } from './solveSymmetric.ts';

/** Cells indexed by pattern mask: [unused, A only, B only, A and B]. */
const twoLists = (aOnly: number, bOnly: number, both: number): Float64Array =>
  Float64Array.from([0, aOnly, bOnly, both]);

describe('fitPoissonLogLinear', () => {
  it('reproduces Lincoln–Petersen for two independent lists: N = n1·n2/m', () => {
    // 60 on A, 50 on B, 20 on both: N = 60·50/20 = 150.
    const fit = fitModel(2, twoLists(40, 30, 20), []);
    expect(fit.status).toBe('converged');
    expect(fit.estimate).toBeCloseTo(150, 8);
    expect(fit.df).toBe(0);
    expect(fit.deviance).toBeCloseTo(0, 8);
  });

  it('matches a dense-design IRLS on a three-list table with an interaction', () => {
    // Hand check: the score equations X'(y − μ) = 0 hold at the fitted values.
    const y = Float64Array.from([0, 69, 55, 21, 63, 17, 18, 28]);
    const terms = [0, 1, 2, 4, 3];
    const fit = fitPoissonLogLinear({ k: 3, y, includeZeroCell: false, terms });
    expect(fit.status).toBe('converged');
    for (const term of terms) {
      let residual = 0;
      for (let c = 1; c < 8; c += 1) if ((c & term) === term) residual += y[c]! - fit.mu[c]!;
      expect(Math.abs(residual)).toBeLessThan(1e-6);
    }
  });

  it('computes the full Poisson log-likelihood as R does (AIC includes log y!)', () => {
    const fit = fitModel(2, twoLists(40, 30, 20), []);
    // Saturated on three cells: μ = y, ℓ = Σ y log y − y − log y!.
    const expected = [40, 30, 20].reduce(
      (sum, y) =>
        sum +
        y * Math.log(y) -
        y -
        Math.log(Array.from({ length: y }, (_, i) => i + 1).reduce((a, b) => a * b, 1)),
      0,
    );
    expect(fit.aic).toBeCloseTo(-2 * expected + 2 * 3, 6);
  });

  it('reports a zero-margin interaction as a boundary or singular fit, never a silent estimate', () => {
    // A:B margin is zero (nobody on both A and B).
    const y = Float64Array.from([0, 30, 25, 0, 40, 10, 8, 0]);
    const fit = fitModel(3, y, [3]);
    expect(fit.status).not.toBe('converged');
  });
});

describe('solveSymmetric', () => {
  it('solves a positive-definite system and refuses a singular one', () => {
    const a = Float64Array.from([4, 2, 2, 3]);
    const x = solveSymmetric(a, Float64Array.from([2, 1]), 2)!;
    expect(x[0]).toBeCloseTo(0.5, 12);
    expect(x[1]).toBeCloseTo(0, 12);
    expect(solveSymmetric(Float64Array.from([1, 1, 1, 1]), Float64Array.from([1, 1]), 2)).toBeNull();
  });
});

describe('boundary detection', () => {
  it('flags the UK all-two-way model (LA:GP has no overlap) instead of returning its estimate', () => {
    // UKdat_5 pattern counts (LA, NG, PFNCA, GO, GP = bits 0…4); LA:GP margin is zero.
    const y = new Float64Array(32);
    const cells: Array<[number, number]> = [
      [1, 54],
      [2, 463],
      [4, 995],
      [8, 695],
      [16, 316],
      [3, 15],
      [5, 19],
      [9, 3],
      [6, 62],
      [10, 19],
      [18, 1],
      [12, 76],
      [20, 11],
      [24, 8],
      [7, 1],
      [11, 1],
      [14, 4],
      [15, 1],
    ];
    for (const [cell, count] of cells) y[cell] = count;
    const pairs: number[] = [];
    for (let a = 0; a < 5; a += 1) for (let b = a + 1; b < 5; b += 1) pairs.push((1 << a) | (1 << b));
    expect(fitModel(5, y, pairs).status).toBe('boundary');
  });
});
