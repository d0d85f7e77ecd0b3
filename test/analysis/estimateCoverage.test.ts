/**
 * Coverage of the 95% intervals on simulated populations of known size with heterogeneous capture
 * (two latent classes, five lists; test/support/simulateCaptures.ts): LCMCR's credible interval
 * should cover the truth in about 95% of repetitions, the independence model's should not. Reduced
 * here (40 repetitions, shorter chains); `npm run bench -- estimate` runs 200. The thresholds come
 * from the binomial distribution, so a failure means miscalibration, not bad luck.
 */
import { describe, expect, it } from 'vitest';
import { estimateStratum } from '../../src/analysis/mse/estimateStratum.ts';
import { logGamma } from '../../src/analysis/mse/logGamma.ts';
import { simulateHeterogeneous } from '../support/simulateCaptures.ts';

const REPETITIONS = 40;
const SIZE = 2000;
const SETTINGS = { chains: 2, burnIn: 2_000, samples: 400, thinning: 5 };

/** P(X ≤ x) for X ~ Binomial(n, p). */
function binomialCdf(x: number, n: number, p: number): number {
  let sum = 0;
  for (let k = 0; k <= x; k += 1) {
    sum += Math.exp(
      logGamma(n + 1) - logGamma(k + 1) - logGamma(n - k + 1) + k * Math.log(p) + (n - k) * Math.log(1 - p),
    );
  }
  return sum;
}

/** The smallest count c with P(X < c) ≤ 0.001 when the true coverage is `p`. */
function lowestPlausible(n: number, p: number): number {
  let c = 0;
  while (binomialCdf(c, n, p) <= 0.001) c += 1;
  return c;
}

describe('interval coverage on heterogeneous simulated populations', () => {
  it(`LCMCR covers the true size about 95% of the time; the independence model does not (${REPETITIONS} repetitions)`, () => {
    let lcmcr = 0;
    let independence = 0;
    for (let r = 0; r < REPETITIONS; r += 1) {
      const { lists, counts } = simulateHeterogeneous(SIZE, 1000 + r);
      const bayes = estimateStratum(lists, counts, null, { model: 'lcmcr', ...SETTINGS, seed: r + 1 });
      const loglinear = estimateStratum(lists, counts, null, { model: 'independence' });
      if (bayes.ci95![0] <= SIZE && SIZE <= bayes.ci95![1]) lcmcr += 1;
      if (loglinear.ci95![0] <= SIZE && SIZE <= loglinear.ci95![1]) independence += 1;
    }
    const floor = lowestPlausible(REPETITIONS, 0.95);
    expect(lcmcr).toBeGreaterThanOrEqual(floor);
    // Far below what a 95% interval would give: the independence model is biased here.
    expect(independence).toBeLessThan(floor);
  });
});
