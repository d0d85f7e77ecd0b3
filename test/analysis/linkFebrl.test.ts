/**
 * FEBRL benchmark (Christen's synthetic person records; test/fixtures/README.md):
 * pairwise precision, recall and F1 of `linkRecords` against the exact truth. Floors sit a little
 * below the figures measured when they were set (docs/analysis.md, "Record linkage"), so a change that
 * costs accuracy fails here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/analysis/csv.ts';
import { pairwiseScores } from '../../src/analysis/linkage/evaluateLinkage.ts';
import { linkRecords } from '../../src/analysis/linkage/linkRecords.ts';
import { parseRecordsCsv } from '../../src/analysis/linkage/parseRecordsCsv.ts';
import { fixturesDir } from '../support/paths.ts';

const dir = join(fixturesDir, 'febrl');
const read = (file: string) => readFileSync(join(dir, file), 'utf8');
const truth = (file: string) =>
  parseCsv(read(file))
    .slice(1)
    .map((row) => [row.cells[0]!.trim(), row.cells[1]!.trim()] as [string, string]);

describe('FEBRL deduplication', () => {
  it.each([
    ['dataset2', 0.99, 0.99],
    ['dataset3', 0.99, 0.99],
  ])('%s: precision and recall above the floors', (name, precisionFloor, recallFloor) => {
    const result = linkRecords(parseRecordsCsv(read(`${name}.csv`)));
    const scores = pairwiseScores(result.clusters, truth(`${name}_true_pairs.csv`));
    expect(result.records).toBe(5000);
    // Blocking must stay far from the 12.5 million pairs of a full comparison.
    expect(result.comparisons).toBeLessThan(100_000);
    expect(scores.precision).toBeGreaterThanOrEqual(precisionFloor);
    expect(scores.recall).toBeGreaterThanOrEqual(recallFloor);
    expect(scores.f1).toBeGreaterThanOrEqual(0.99);
  });
});

describe('FEBRL two-file linkage', () => {
  it('links dataset4a with dataset4b', () => {
    const a = parseRecordsCsv(read('dataset4a.csv'));
    const b = parseRecordsCsv(read('dataset4b.csv'));
    const inA = new Set(a.records.map((r) => r.id));
    const result = linkRecords({ columns: a.columns, roles: a.roles, records: [...a.records, ...b.records] });
    const scores = pairwiseScores(
      result.clusters,
      truth('dataset4_true_links.csv'),
      (x, y) => inA.has(x) !== inA.has(y),
    );
    expect(scores.precision).toBeGreaterThanOrEqual(0.99);
    expect(scores.recall).toBeGreaterThanOrEqual(0.99);
  });
});
