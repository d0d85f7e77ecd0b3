import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decomposableGraphs } from './dga.ts';
import { estimatePopulation } from './estimatePopulation.ts';
import { parseListsCsv } from './parseListsCsv.ts';

const fixtures = resolve(import.meta.dirname, '../../../test/fixtures/mse');
const load = (file: string) => parseListsCsv(readFileSync(resolve(fixtures, file), 'utf8'));

describe('decomposableGraphs', () => {
  it('finds every chordal graph: 8 on 3 lists, 61 on 4, 822 on 5 (OEIS A058862)', () => {
    expect(decomposableGraphs(3)).toHaveLength(8);
    expect(decomposableGraphs(4)).toHaveLength(61);
    expect(decomposableGraphs(5)).toHaveLength(822);
  });
});

describe('dga against the published figures (MSETools, dga package, 95% posterior)', () => {
  it.each([
    ['modern_slavery/UKdat_5.csv', 23016, 10408, 33481],
    ['modern_slavery/NewOrl_5.csv', 869, 514, 1763],
    ['modern_slavery/Western.csv', 2128, 1340, 3868],
  ])('%s: median %d [%d; %d]', (file, median, lower, upper) => {
    const result = estimatePopulation(load(file), { model: 'dga' });
    expect(result.method).toBe('dga (Madigan & York 1997)');
    // Both sides report quantiles of sampled draws: the median within 2%, the ends within 5%.
    expect(Math.abs(result.posterior!.median / median - 1)).toBeLessThan(0.02);
    expect(Math.abs(result.posterior!.lower / lower - 1)).toBeLessThan(0.05);
    expect(Math.abs(result.posterior!.upper / upper - 1)).toBeLessThan(0.05);
    expect(result.graphs!.length).toBeGreaterThan(0);
  });

  it('is reproducible for a seed', () => {
    const first = estimatePopulation(load('modern_slavery/NewOrl_5.csv'), { model: 'dga', seed: 9 });
    const again = estimatePopulation(load('modern_slavery/NewOrl_5.csv'), { model: 'dga', seed: 9 });
    expect(again.posterior).toEqual(first.posterior);
  });

  it('refuses more than five lists', () => {
    const result = estimatePopulation(load('modern_slavery/UKdat.csv'), { model: 'dga' });
    expect(result.estimate).toBeNull();
    expect(result.warnings[0]).toMatch(/3 to 5 lists/);
  });
});
