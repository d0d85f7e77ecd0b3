/**
 * Record linkage at scale: 100,000 generated victim-list records (Cyrillic and several
 * romanisations, typos, swaps, missing dates; generateVictimLists) linked end to end in-process.
 * Target: under 60 s on two cores. Accuracy is reported too, against the generator's truth.
 */

import { assignColumnRoles } from '../../src/analysis/linkage/columnRoles.ts';
import { pairwiseScores, truePairsFromEntities } from '../../src/analysis/linkage/evaluateLinkage.ts';
import { generateVictimLists } from '../../src/analysis/linkage/generateVictimLists.ts';
import { linkRecords } from '../../src/analysis/linkage/linkRecords.ts';
import { atMost, type BenchRow, type BenchSuite, peakRssMiB } from '../harness.ts';

// About 1.69 records per person with three lists at coverage 0.5: 59,200 persons ≈ 100,000 records.
const PERSONS = 59_200;

export const suite: BenchSuite = {
  name: 'link',
  async run(): Promise<BenchRow[]> {
    const lists = generateVictimLists({ persons: PERSONS, lists: 3, seed: 11, coverage: 0.5 });
    const input = {
      columns: lists.columns,
      roles: assignColumnRoles(lists.columns),
      records: lists.rows.map((values) => ({ id: values[0]!, values })),
    };
    const started = performance.now();
    const result = linkRecords(input);
    const seconds = (performance.now() - started) / 1000;
    const scores = pairwiseScores(result.clusters, truePairsFromEntities(lists.entityOf));
    const note = `${result.records} records, ${result.parameters.blocking.reducedBlocks} blocks reduced`;
    return [
      { metric: 'link 100k records: time', value: seconds, unit: 's', ...atMost(seconds, 60), note },
      {
        metric: 'link 100k records: comparisons',
        value: result.comparisons,
        unit: 'pairs',
        note: 'of ~5e9 possible',
      },
      { metric: 'link 100k records: peak memory', value: peakRssMiB(), unit: 'MiB' },
      { metric: 'link 100k records: precision', value: scores.precision, unit: '' },
      { metric: 'link 100k records: recall', value: scores.recall, unit: '' },
      { metric: 'link 100k records: F1', value: scores.f1, unit: '' },
    ];
  },
};
