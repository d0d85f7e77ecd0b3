import { describe, expect, it } from 'vitest';
import { seededStream } from '../seededRandom.ts';
import {
  sampleBeta,
  sampleBinomial,
  sampleGamma,
  sampleMultinomial,
  sampleNegativeBinomial,
} from './randomVariates.ts';

function moments(draw: () => number, count: number): { mean: number; variance: number } {
  let sum = 0;
  let squares = 0;
  for (let i = 0; i < count; i += 1) {
    const x = draw();
    sum += x;
    squares += x * x;
  }
  const mean = sum / count;
  return { mean, variance: squares / count - mean * mean };
}

/** |observed − expected| within `z` standard errors of the mean (draws are independent). */
function expectMean(observed: number, expected: number, variance: number, count: number, z = 4.5): void {
  expect(Math.abs(observed - expected)).toBeLessThanOrEqual(z * Math.sqrt(variance / count) + 1e-12);
}

describe('seededStream', () => {
  it('is reproducible for a (seed, stream), differs between streams and stays inside (0, 1)', () => {
    const a = seededStream(42, 0);
    const b = seededStream(42, 0);
    const c = seededStream(42, 1);
    const first = Array.from({ length: 1000 }, a);
    expect(Array.from({ length: 1000 }, b)).toEqual(first);
    expect(Array.from({ length: 1000 }, c)).not.toEqual(first);
    for (const value of first) {
      expect(value).toBeGreaterThan(0);
      expect(value).toBeLessThan(1);
    }
    const { mean, variance } = moments(seededStream(7), 100_000);
    expectMean(mean, 0.5, 1 / 12, 100_000);
    expect(Math.abs(variance - 1 / 12)).toBeLessThan(0.002);
  });
});

describe('random variates have the right mean and variance', () => {
  const count = 40_000;
  const random = seededStream(2024);
  it.each([0.3, 1, 2.5, 40])('Gamma(%d)', (shape) => {
    const { mean, variance } = moments(() => sampleGamma(shape, random), count);
    expectMean(mean, shape, shape, count);
    expect(Math.abs(variance / shape - 1)).toBeLessThan(0.08);
  });
  it.each([
    [1, 1],
    [3, 40],
    [250, 12],
  ])('Beta(%d, %d)', (a, b) => {
    const expected = a / (a + b);
    const expectedVariance = (a * b) / ((a + b) ** 2 * (a + b + 1));
    const { mean, variance } = moments(() => sampleBeta(a, b, random), count);
    expectMean(mean, expected, expectedVariance, count);
    expect(Math.abs(variance / expectedVariance - 1)).toBeLessThan(0.08);
  });
  it.each([
    [12, 0.3],
    [40, 0.1],
    [1000, 0.004],
    [1000, 0.35],
    [50_000, 0.5],
    [200, 0.97],
  ])('Binomial(%d, %d), by inversion and by BTRS', (n, p) => {
    const expectedVariance = n * p * (1 - p);
    const { mean, variance } = moments(() => sampleBinomial(n, p, random), count);
    expectMean(mean, n * p, expectedVariance, count);
    expect(Math.abs(variance / expectedVariance - 1)).toBeLessThan(0.08);
  });
  it('Binomial stays in 0 … n and handles p = 0 and 1', () => {
    for (let i = 0; i < 2000; i += 1) {
      const x = sampleBinomial(30, 0.45, random);
      expect(Number.isInteger(x) && x >= 0 && x <= 30).toBe(true);
    }
    expect(sampleBinomial(10, 0, random)).toBe(0);
    expect(sampleBinomial(10, 1, random)).toBe(10);
  });
  it('Multinomial sums to n, small and large, with the right means', () => {
    const weights = Float64Array.from([0.5, 0.2, 0.2, 0.1]);
    const out = new Float64Array(4);
    for (const n of [1, 7, 5000]) {
      const sums = new Float64Array(4);
      for (let i = 0; i < 4000; i += 1) {
        sampleMultinomial(n, weights, out, random);
        expect(out.reduce((a, b) => a + b, 0)).toBe(n);
        for (let j = 0; j < 4; j += 1) sums[j]! += out[j]!;
      }
      for (let j = 0; j < 4; j += 1) {
        const p = weights[j]!;
        expectMean(sums[j]! / 4000, n * p, n * p * (1 - p), 4000);
      }
    }
  });
  it('Negative binomial (failures before r successes)', () => {
    const r = 300;
    const p = 0.4;
    const expected = (r * (1 - p)) / p;
    const expectedVariance = (r * (1 - p)) / (p * p);
    const { mean, variance } = moments(() => sampleNegativeBinomial(r, p, random), count);
    expectMean(mean, expected, expectedVariance, count);
    expect(Math.abs(variance / expectedVariance - 1)).toBeLessThan(0.08);
  });
});
