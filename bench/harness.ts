/** What a benchmark suite reports: one row per measured figure, printed as a table and saved as JSON. */
export interface BenchRow {
  metric: string;
  value: number;
  unit: string;
  /** The figure to beat, stated as text (e.g. '>= 300'), when the issue sets one. */
  target?: string;
  /** Whether the measured value meets the target, when there is one. */
  met?: boolean;
  note?: string;
}

export interface BenchSuite {
  name: string;
  run(): Promise<BenchRow[]>;
}

export function atLeast(value: number, target: number): Pick<BenchRow, 'target' | 'met'> {
  return { target: `>= ${target}`, met: value >= target };
}

export function atMost(value: number, target: number): Pick<BenchRow, 'target' | 'met'> {
  return { target: `<= ${target}`, met: value <= target };
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index]!;
}

/** Peak resident set size of this process so far, in MiB. */
export function peakRssMiB(): number {
  return process.resourceUsage().maxRSS / 1024;
}
