import { describe, expect, it } from 'vitest';
import { seededRandom } from '../seededRandom.ts';
import { bootstrapInterval, quantile } from './bootstrapInterval.ts';
import { fitModel } from './fitModel.ts';
import { profileLikelihoodInterval } from './profileInterval.ts';
import { samplePoisson } from './randomVariates.ts';

describe('profileLikelihoodInterval', () => {
  it('brackets the estimate asymmetrically (longer upwards) and stays above the observed count', () => {
    const counts = Float64Array.from([0, 40, 30, 20]);
    const model = fitModel(2, counts, []);
    const interval = profileLikelihoodInterval(2, counts, model.terms, model.estimate);
    expect(interval.ok).toBe(true);
    if (!interval.ok) return;
    expect(interval.lower).toBeGreaterThanOrEqual(90);
    expect(interval.lower).toBeLessThan(150);
    expect(interval.upper).toBeGreaterThan(150);
    expect(interval.upper - 150).toBeGreaterThan(150 - interval.lower);
    // With N continuous (log-gamma) the profile peaks a little below the integer MLE ⌊n1·n2/m⌋ = 150.
    expect(Math.abs(interval.profileMaximum - 150)).toBeLessThan(3);
  });

  it('fails openly when the overlap is too small for a finite upper bound', () => {
    // One person on both lists: the likelihood hardly falls as N grows.
    const counts = Float64Array.from([0, 500, 400, 1]);
    const model = fitModel(2, counts, []);
    const interval = profileLikelihoodInterval(2, counts, model.terms, model.estimate);
    if (interval.ok) expect(interval.upper).toBeGreaterThan(model.estimate);
    else expect(interval.reason).toMatch(/upper bound|converge/);
  });
});

describe('bootstrap fallback', () => {
  it('is reproducible and brackets the estimate', () => {
    const counts = Float64Array.from([0, 40, 30, 20]);
    const model = fitModel(2, counts, []);
    const first = bootstrapInterval(2, model.fit.mu, model.terms, model.fit.beta, 300);
    const second = bootstrapInterval(2, model.fit.mu, model.terms, model.fit.beta, 300);
    expect(first).toEqual(second);
    expect(first.lower).toBeLessThan(150);
    expect(first.upper).toBeGreaterThan(150);
  });

  it('counts refits without a finite estimate as unbounded, so a barely overlapping pair has no upper bound', () => {
    // One person on both lists: about e^-1 of replicates resample nobody on both, and N̂* = ∞.
    const counts = Float64Array.from([0, 500, 400, 1]);
    const model = fitModel(2, counts, []);
    const boot = bootstrapInterval(2, model.fit.mu, model.terms, model.fit.beta, 300);
    expect(boot.failed).toBeGreaterThan(30);
    expect(boot.upper).toBe(Number.POSITIVE_INFINITY);
    expect(Number.isFinite(boot.lower)).toBe(true);
  });

  it('draws Poisson variates with the right mean and variance, small and large', () => {
    const random = seededRandom(1);
    for (const mean of [0.5, 4, 25, 400]) {
      const draws = Array.from({ length: 20_000 }, () => samplePoisson(mean, random));
      const average = draws.reduce((a, b) => a + b, 0) / draws.length;
      const variance = draws.reduce((a, b) => a + (b - average) ** 2, 0) / draws.length;
      expect(Math.abs(average - mean)).toBeLessThan(4 * Math.sqrt(mean / draws.length));
      expect(variance / mean).toBeGreaterThan(0.93);
      expect(variance / mean).toBeLessThan(1.07);
    }
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
  });
});
