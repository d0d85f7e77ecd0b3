import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { estimatePopulation } from '../../analysis/mse/estimatePopulation.ts';
import { parseListsCsv } from '../../analysis/mse/parseListsCsv.ts';
import { InvalidInput, RateLimited } from '../../core/errors.ts';
import { ESTIMATE_LIMITS, estimateOffThread } from './estimateOffThread.ts';

const table = parseListsCsv(
  readFileSync(
    new URL('../../../test/fixtures/mse/epi_classics/HAV_Taiwan_3lists.csv', import.meta.url),
    'utf8',
  ),
);

describe('estimateOffThread', () => {
  it('gives exactly the estimate of the main thread', async () => {
    const options = { criterion: 'bic' as const };
    expect(await estimateOffThread(table, options)).toEqual(estimatePopulation(table, options));
  });

  it('stops an estimate over its time limit, and refuses one over the concurrency limit', async () => {
    await expect(estimateOffThread(table, {}, { ...ESTIMATE_LIMITS, timeMs: 1 })).rejects.toThrow(
      InvalidInput,
    );
    await expect(estimateOffThread(table, {}, { ...ESTIMATE_LIMITS, concurrent: 0 })).rejects.toThrow(
      RateLimited,
    );
    // Nothing is left counted as running: the next estimate runs.
    expect((await estimateOffThread(table, {})).observed).toBe(271);
  });
});
