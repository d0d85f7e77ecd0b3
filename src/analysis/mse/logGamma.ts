/**
 * log Γ(x) for x > 0, by the Lanczos approximation (g = 7, n = 9; Numerical Recipes 3rd ed. §6.1),
 * accurate to ~1e-15 relative. The profile likelihood needs log N! for non-integer N, and AIC
 * needs log y! so that our AIC equals R glm's for the same Poisson model.
 */
const COEFFICIENTS = [
  0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
  12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
];

export function logGamma(x: number): number {
  if (x < 0.5) {
    // Reflection formula; only reached for 0 < x < 0.5 here.
    return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  }
  const z = x - 1;
  let sum = COEFFICIENTS[0]!;
  for (let i = 1; i < 9; i += 1) sum += COEFFICIENTS[i]! / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** log(y!) for a non-negative (possibly non-integer) y. */
export function logFactorial(y: number): number {
  return y === 0 || y === 1 ? 0 : logGamma(y + 1);
}
