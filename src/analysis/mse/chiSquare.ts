/**
 * Upper tail of the χ² distribution, for the goodness-of-fit warning on the residual deviance.
 * Regularised incomplete gamma Q(a, x) by series or continued fraction (Numerical Recipes 3rd ed.
 * §6.2).
 */
import { logGamma } from './logGamma.ts';

export function chiSquareUpperTail(statistic: number, df: number): number {
  if (df <= 0) return Number.NaN;
  if (statistic <= 0) return 1;
  return regularisedGammaQ(df / 2, statistic / 2);
}

function regularisedGammaQ(a: number, x: number): number {
  const logPrefix = -x + a * Math.log(x) - logGamma(a);
  if (x < a + 1) {
    let term = 1 / a;
    let sum = term;
    for (let n = 1; n < 500; n += 1) {
      term *= x / (a + n);
      sum += term;
      if (Math.abs(term) < Math.abs(sum) * 1e-15) break;
    }
    return 1 - sum * Math.exp(logPrefix);
  }
  // Lentz's continued fraction.
  const tiny = 1e-300;
  let b = x + 1 - a;
  let c = 1 / tiny;
  let d = 1 / b;
  let h = d;
  for (let i = 1; i < 500; i += 1) {
    const an = -i * (i - a);
    b += 2;
    d = an * d + b;
    if (Math.abs(d) < tiny) d = tiny;
    c = b + an / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-15) break;
  }
  return Math.exp(logPrefix) * h;
}
