/**
 * 95% interval for the population size N by profile likelihood (Cormack 1992, "Interval estimation
 * for mark–recapture studies of closed populations", Biometrics 48:567; the method behind Rcapture's
 * closedpCI).
 *
 * Given N, the complete table (n0 = N − n unseen, plus the observed cells) is multinomial with cell
 * probabilities from the log-linear model. For fixed N the model's best probabilities are those of
 * the Poisson fit to the completed table (n0 treated as data; Poisson–multinomial equivalence,
 * Bishop, Fienberg & Holland 1975 §13.4), so the profile log-likelihood is
 *   ℓ(N) = log N! − log n0! − Σ log y_c! + n0 log(μ̂_0/N) + Σ_c y_c log(μ̂_c/N).
 * The interval is {N : 2[ℓ(N̂_prof) − ℓ(N)] ≤ χ²₁(0.95) = 3.841}. Unlike a Wald interval it is
 * asymmetric (longer upwards) as the sampling distribution of N̂ is, and it carries the
 * multinomial variation of the unseen count itself, not only the uncertainty of its mean. N is
 * treated as continuous (log-gamma), so bounds are not rounded; the continuous profile peaks slightly
 * below the Poisson point estimate n + μ̂_0 (by about 2 of 150 in a Lincoln–Petersen example, 0.02%
 * for the UK data), which always stays inside the interval. The lower bound never goes below n.
 */
import { fitPoissonLogLinear } from './fitPoissonLogLinear.ts';
import { logFactorial, logGamma } from './logGamma.ts';

export const CHI_SQUARE_1_95 = 3.841458820694124;

export type ProfileInterval =
  | { ok: true; lower: number; upper: number; profileMaximum: number }
  | { ok: false; reason: string };

export function profileLikelihoodInterval(
  k: number,
  counts: Float64Array,
  terms: readonly number[],
  pointEstimate: number,
): ProfileInterval {
  let n = 0;
  let constant = 0;
  for (let c = 1; c < counts.length; c += 1) {
    n += counts[c]!;
    constant -= logFactorial(counts[c]!);
  }
  let warmStart: Float64Array | undefined;
  let failure: string | null = null;

  const profile = (total: number): number => {
    const unseen = Math.max(0, total - n);
    const completed = Float64Array.from(counts);
    completed[0] = unseen;
    const fit = fitPoissonLogLinear({
      k,
      y: completed,
      includeZeroCell: true,
      terms,
      ...(warmStart ? { start: warmStart } : {}),
    });
    if (fit.status !== 'converged') {
      failure = `the completed-table fit did not converge at N = ${total.toFixed(1)} (${fit.status})`;
      return Number.NaN;
    }
    warmStart = fit.beta;
    let value = logGamma(total + 1) - logGamma(unseen + 1) + constant;
    for (let c = 0; c < completed.length; c += 1) {
      const y = completed[c]!;
      if (y > 0) value += y * Math.log(fit.mu[c]! / total);
    }
    return value;
  };

  // The profile maximum sits within a fraction of a unit of the Poisson estimate n + μ̂_0; golden
  // section search on a bracket around it.
  const spread = Math.max(1, pointEstimate - n);
  const maximum = goldenSectionMaximum(profile, Math.max(n, pointEstimate - spread), pointEstimate + spread);
  if (failure) return { ok: false, reason: failure };
  const top = profile(maximum);
  const excess = (total: number): number => 2 * (top - profile(total)) - CHI_SQUARE_1_95;

  let lower = n;
  if (excess(n) > 0) lower = bisect(excess, n, maximum);
  let high = maximum + spread;
  let guard = 0;
  while (!(excess(high) > 0)) {
    if (failure) return { ok: false, reason: failure };
    high = n + 2 * (high - n);
    guard += 1;
    if (guard > 40 || high > 1e12) {
      return { ok: false, reason: 'the profile likelihood does not fall far enough: no finite upper bound' };
    }
  }
  const upper = bisect(excess, maximum, high);
  if (failure) return { ok: false, reason: failure };
  return { ok: true, lower, upper, profileMaximum: maximum };
}

/** Root of f on [a, b] where f(a) and f(b) have opposite signs. */
function bisect(f: (x: number) => number, a: number, b: number): number {
  let low = a;
  let high = b;
  const lowSign = Math.sign(f(low));
  for (let i = 0; i < 200 && high - low > 1e-6 * Math.max(1, Math.abs(high)); i += 1) {
    const middle = (low + high) / 2;
    if (Math.sign(f(middle)) === lowSign) low = middle;
    else high = middle;
  }
  return (low + high) / 2;
}

function goldenSectionMaximum(f: (x: number) => number, a: number, b: number): number {
  const ratio = (Math.sqrt(5) - 1) / 2;
  let low = a;
  let high = b;
  let x1 = high - ratio * (high - low);
  let x2 = low + ratio * (high - low);
  let f1 = f(x1);
  let f2 = f(x2);
  for (let i = 0; i < 200 && high - low > 1e-7 * Math.max(1, high); i += 1) {
    if (f1 < f2) {
      low = x1;
      x1 = x2;
      f1 = f2;
      x2 = low + ratio * (high - low);
      f2 = f(x2);
    } else {
      high = x2;
      x2 = x1;
      f2 = f1;
      x1 = high - ratio * (high - low);
      f1 = f(x1);
    }
  }
  return (low + high) / 2;
}
