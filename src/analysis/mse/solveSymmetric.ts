/**
 * Solves A x = b for a small symmetric positive-definite A (the IRLS normal equations X'WX), by a
 * Cholesky factorisation of the Jacobi-scaled matrix D^-1 A D^-1 (D = sqrt(diag A)). Scaling keeps
 * the pivots comparable when cells have very different fitted counts; a pivot below `tolerance`
 * means the design is (numerically) rank deficient for these weights — usually a parameter running
 * off to infinity — and is reported as null rather than solved into nonsense.
 */
export class CholeskyWorkspace {
  readonly scale: Float64Array;
  readonly l: Float64Array;
  readonly y: Float64Array;
  constructor(readonly n: number) {
    this.scale = new Float64Array(n);
    this.l = new Float64Array(n * n);
    this.y = new Float64Array(n);
  }
}

/** Returns a fresh solution vector; `workspace` (same n) saves allocations in hot loops. */
export function solveSymmetric(
  a: Float64Array,
  b: Float64Array,
  n: number,
  tolerance = 1e-11,
  workspace: CholeskyWorkspace = new CholeskyWorkspace(n),
): Float64Array | null {
  const { scale, l, y } = workspace;
  for (let i = 0; i < n; i += 1) {
    const diagonal = a[i * n + i]!;
    if (!(diagonal > 0) || !Number.isFinite(diagonal)) return null;
    scale[i] = Math.sqrt(diagonal);
  }
  for (let j = 0; j < n; j += 1) {
    let pivot = a[j * n + j]! / (scale[j]! * scale[j]!);
    for (let m = 0; m < j; m += 1) pivot -= l[j * n + m]! * l[j * n + m]!;
    if (!(pivot > tolerance)) return null;
    const root = Math.sqrt(pivot);
    l[j * n + j] = root;
    for (let i = j + 1; i < n; i += 1) {
      let sum = a[i * n + j]! / (scale[i]! * scale[j]!);
      for (let m = 0; m < j; m += 1) sum -= l[i * n + m]! * l[j * n + m]!;
      l[i * n + j] = sum / root;
    }
  }
  // Forward then back substitution on the scaled system, then undo the scaling.
  for (let i = 0; i < n; i += 1) {
    let sum = b[i]! / scale[i]!;
    for (let m = 0; m < i; m += 1) sum -= l[i * n + m]! * y[m]!;
    y[i] = sum / l[i * n + i]!;
  }
  const x = new Float64Array(n);
  for (let i = n - 1; i >= 0; i -= 1) {
    let sum = y[i]!;
    for (let m = i + 1; m < n; m += 1) sum -= l[m * n + i]! * x[m]!;
    x[i] = sum / l[i * n + i]!;
  }
  for (let i = 0; i < n; i += 1) x[i] = x[i]! / scale[i]!;
  return x;
}
