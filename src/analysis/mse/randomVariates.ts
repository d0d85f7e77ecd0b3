/**
 * Random variates for the Bayesian samplers (LCMCR, dga) and the parametric bootstrap, drawn from a
 * seeded uniform generator on (0, 1) so that a run is reproducible bit for bit. Exact algorithms
 * only (no normal approximations): a sampler that is wrong in the tails gives intervals that are
 * wrong in the tails.
 */
import { logFactorial, logGamma } from './logGamma.ts';

export type Uniform = () => number;

/** Standard normal by Box–Muller (one of the pair used: no hidden state between calls). */
export function sampleNormal(random: Uniform): number {
  return Math.sqrt(-2 * Math.log(random())) * Math.cos(2 * Math.PI * random());
}

/**
 * Gamma(shape, 1) by Marsaglia & Tsang (2000, ACM TOMS 26:363); for shape < 1 the boost
 * Gamma(a) = Gamma(a + 1)·U^(1/a).
 */
export function sampleGamma(shape: number, random: Uniform): number {
  if (shape < 1) return sampleGamma(shape + 1, random) * random() ** (1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    let x: number;
    let v: number;
    do {
      x = sampleNormal(random);
      v = 1 + c * x;
    } while (v <= 0);
    v = v * v * v;
    const u = random();
    const x2 = x * x;
    if (u < 1 - 0.0331 * x2 * x2) return d * v;
    if (Math.log(u) < 0.5 * x2 + d * (1 - v + Math.log(v))) return d * v;
  }
}

/** log of a Gamma(shape, 1) variate, finite even when the variate itself would underflow (shape ≪ 1). */
export function sampleLogGamma(shape: number, random: Uniform): number {
  if (shape < 1) return Math.log(sampleGamma(shape + 1, random)) + Math.log(random()) / shape;
  return Math.log(sampleGamma(shape, random));
}

/** Beta(a, b) as G_a / (G_a + G_b). */
export function sampleBeta(a: number, b: number, random: Uniform): number {
  const x = sampleGamma(a, random);
  const y = sampleGamma(b, random);
  return x / (x + y);
}

/**
 * Poisson variate: multiplication method for small means, Hörmann's PTRS transformed rejection
 * (Hörmann 1993, Insurance: Mathematics and Economics 12:39; as in NumPy) for means of 10 or more.
 */
export function samplePoisson(mean: number, random: Uniform): number {
  if (mean <= 0) return 0;
  if (mean < 10) {
    const limit = Math.exp(-mean);
    let product = random();
    let count = 0;
    while (product > limit) {
      product *= random();
      count += 1;
    }
    return count;
  }
  const logMean = Math.log(mean);
  const b = 0.931 + 2.53 * Math.sqrt(mean);
  const a = -0.059 + 0.02483 * b;
  const inverseAlpha = 1.1239 + 1.1328 / (b - 3.4);
  const vr = 0.9277 - 3.6224 / (b - 2);
  for (;;) {
    const u = random() - 0.5;
    const v = random();
    const us = 0.5 - Math.abs(u);
    const count = Math.floor(((2 * a) / us + b) * u + mean + 0.43);
    if (us >= 0.07 && v <= vr) return count;
    if (count < 0 || (us < 0.013 && v > us)) continue;
    if (
      Math.log(v) + Math.log(inverseAlpha) - Math.log(a / (us * us) + b) <=
      -mean + count * logMean - logGamma(count + 1)
    ) {
      return count;
    }
  }
}

/**
 * Binomial(n, p): inversion (sequential search from 0) when n·min(p, 1−p) < 10, otherwise
 * Hörmann's BTRS transformed rejection with squeeze (Hörmann 1993, J. Statist. Comput. Simul.
 * 46:101), both exact.
 */
export function sampleBinomial(n: number, p: number, random: Uniform): number {
  if (n <= 0 || p <= 0) return 0;
  if (p >= 1) return n;
  if (p > 0.5) return n - sampleBinomial(n, 1 - p, random);
  if (n * p < 10) return binomialInversion(n, p, random);
  return binomialBtrs(n, p, random);
}

function binomialInversion(n: number, p: number, random: Uniform): number {
  const q = 1 - p;
  const start = Math.exp(n * Math.log(q));
  const ratio = p / q;
  const bound = Math.min(n, n * p + 10 * Math.sqrt(n * p * q + 1));
  for (;;) {
    let u = random();
    let x = 0;
    let px = start;
    while (u > px) {
      u -= px;
      x += 1;
      if (x > bound) break;
      px *= ((n - x + 1) * ratio) / x;
    }
    if (x <= bound) return x;
  }
}

function binomialBtrs(n: number, p: number, random: Uniform): number {
  const q = 1 - p;
  const spq = Math.sqrt(n * p * q);
  const b = 1.15 + 2.53 * spq;
  const a = -0.0873 + 0.0248 * b + 0.01 * p;
  const c = n * p + 0.5;
  const vr = 0.92 - 4.2 / b;
  const alpha = (2.83 + 5.1 / b) * spq;
  const lpq = Math.log(p / q);
  const m = Math.floor((n + 1) * p);
  const h = logFactorial(m) + logFactorial(n - m);
  for (;;) {
    const u = random() - 0.5;
    let v = random();
    const us = 0.5 - Math.abs(u);
    const k = Math.floor(((2 * a) / us + b) * u + c);
    if (k < 0 || k > n) continue;
    if (us >= 0.07 && v <= vr) return k;
    v = Math.log((v * alpha) / (a / (us * us) + b));
    if (v <= h - logFactorial(k) - logFactorial(n - k) + (k - m) * lpq) return k;
  }
}

/** Up to this many trials, a multinomial is drawn as that many categorical draws. */
const SMALL_MULTINOMIAL = 12;

/**
 * Multinomial(n, weights) into `out` (weights need not sum to 1): n categorical draws when n is
 * small (a capture pattern seen a few times, the common case), otherwise conditional binomials.
 */
export function sampleMultinomial(
  n: number,
  weights: Float64Array,
  out: Float64Array,
  random: Uniform,
): void {
  const size = weights.length;
  let mass = 0;
  for (let i = 0; i < size; i += 1) mass += weights[i]!;
  out.fill(0);
  if (n <= 0) return;
  if (n <= SMALL_MULTINOMIAL) {
    // A few categorical draws cost less than size − 1 binomials.
    for (let draw = 0; draw < n; draw += 1) {
      let u = random() * mass;
      let i = 0;
      while (i < size - 1) {
        u -= weights[i]!;
        if (u < 0) break;
        i += 1;
      }
      out[i]! += 1;
    }
    return;
  }
  let left = n;
  for (let i = 0; i < size - 1 && left > 0; i += 1) {
    const w = weights[i]!;
    const x = mass > 0 ? sampleBinomial(left, Math.min(1, w / mass), random) : 0;
    out[i] = x;
    left -= x;
    mass -= w;
  }
  out[size - 1]! += left;
}

/**
 * Negative binomial: the number of failures before `successes` successes with success probability
 * p, as a Gamma–Poisson mixture (Poisson with a Gamma(successes, (1−p)/p) mean).
 */
export function sampleNegativeBinomial(successes: number, p: number, random: Uniform): number {
  if (p >= 1) return 0;
  return samplePoisson(sampleGamma(successes, random) * ((1 - p) / p), random);
}
