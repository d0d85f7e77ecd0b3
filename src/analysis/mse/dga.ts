import type { EstimateOptions, StratumEstimate } from './estimateTypes.ts';

export function estimateDga(
  _lists: readonly string[],
  _counts: Float64Array,
  base: StratumEstimate,
  _options: EstimateOptions,
  where: string,
): StratumEstimate {
  base.warnings.push(`cannot estimate${where} with dga: not implemented yet`);
  return base;
}
