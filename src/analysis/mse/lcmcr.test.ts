import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { estimateStratum } from './estimateStratum.ts';
import { runLcmcr } from './lcmcr.ts';
import { diagnoseChains, summarisePosterior } from './mcmcDiagnostics.ts';
import { parseListsCsv } from './parseListsCsv.ts';

const fixtures = resolve(import.meta.dirname, '../../../test/fixtures/mse');
const load = (file: string) => parseListsCsv(readFileSync(resolve(fixtures, file), 'utf8'));
const short = {
  maxClasses: 10,
  burnIn: 500,
  samples: 100,
  thinning: 2,
  chains: 2,
  alphaPrior: [0.25, 0.25] as [number, number],
};

describe('runLcmcr', () => {
  const table = load('modern_slavery/Western.csv');
  const counts = table.strata[0]!.counts;

  it('is reproducible bit for bit for a seed, and another seed gives other draws', () => {
    const first = runLcmcr(table.lists.length, counts, { ...short, seed: 11 });
    const again = runLcmcr(table.lists.length, counts, { ...short, seed: 11 });
    const other = runLcmcr(table.lists.length, counts, { ...short, seed: 12 });
    expect(Array.from(again.draws)).toEqual(Array.from(first.draws));
    expect(Array.from(other.draws)).not.toEqual(Array.from(first.draws));
    expect(first.draws).toHaveLength(200);
    let observed = 0;
    for (const count of counts) observed += count;
    for (const draw of first.draws) {
      expect(Number.isInteger(draw)).toBe(true);
      expect(draw).toBeGreaterThanOrEqual(observed);
    }
  });

  it('matches the published LCMCR posterior for the Western U.S. site (MSETools: 1,836 [1,301; 2,955])', () => {
    const run = runLcmcr(table.lists.length, counts, {
      ...short,
      burnIn: 5_000,
      samples: 500,
      thinning: 10,
      seed: 3,
    });
    const posterior = summarisePosterior(run.draws);
    // Stochastic on both sides: a loose band (±12% on the median, ±20% on the ends).
    expect(Math.abs(posterior.median / 1836 - 1)).toBeLessThan(0.12);
    expect(Math.abs(posterior.lower / 1301 - 1)).toBeLessThan(0.2);
    expect(Math.abs(posterior.upper / 2955 - 1)).toBeLessThan(0.2);
  });
});

describe('LCMCR through estimateStratum', () => {
  it('reports the posterior, the diagnostics, and a warning when the chains are too short', () => {
    const table = load('kosovo_1999/kosovo_4lists_pattern_counts.csv');
    const result = estimateStratum(table.lists, table.strata[0]!.counts, null, {
      model: 'lcmcr',
      burnIn: 50,
      samples: 40,
      thinning: 1,
      chains: 2,
      seed: 5,
    });
    expect(result.model).toBe('lcmcr');
    expect(result.search).toBe('mcmc');
    expect(result.interval).toBe('posterior');
    expect(result.estimate).toBe(result.posterior!.median);
    expect(result.ci95).toEqual([result.posterior!.lower, result.posterior!.upper]);
    expect(result.diagnostics).toMatchObject({
      seed: 5,
      chains: 2,
      burnIn: 50,
      thinning: 1,
      samplesPerChain: 40,
    });
    expect(result.diagnostics!.geweke).toHaveLength(2);
    expect(result.diagnostics!.converged).toBe(false);
    expect(result.warnings.join('\n')).toMatch(/has not converged/);
  });

  it('refuses two lists rather than return the prior', () => {
    const result = estimateStratum(['A', 'B'], Float64Array.from([0, 30, 40, 12]), null, { model: 'lcmcr' });
    expect(result.estimate).toBeNull();
    expect(result.warnings[0]).toMatch(/at least three lists/);
  });
});

describe('diagnoseChains', () => {
  it('sees chains stuck at different levels, and passes well-mixed ones', () => {
    const stuck = new Float64Array(400);
    for (let i = 0; i < 400; i += 1) stuck[i] = (i < 200 ? 1000 : 2000) + (i % 7);
    const bad = diagnoseChains(stuck, 2);
    expect(bad.splitRHat).toBeGreaterThan(1.5);
    const mixed = Float64Array.from({ length: 400 }, (_, i) => 1000 + ((i * 7919) % 101));
    const good = diagnoseChains(mixed, 2);
    expect(good.splitRHat).toBeLessThan(1.05);
    expect(good.effectiveSampleSize).toBeGreaterThan(200);
  });
});
