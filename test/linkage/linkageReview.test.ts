/**
 * Linkage review on real stores: a list from an uploaded CSV and one from the sealed persons of the
 * database; labels constrain the clusters, survive a re-run of the list, keep their history and are
 * audited; nothing stored names a person; roles without person.read never open a name.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DamagedRecord, Forbidden, InvalidInput } from '../../src/core/errors.ts';
import type { Actor } from '../../src/services/accounts/actor.ts';
import {
  labelHistory,
  labelPair,
  listLinkageLists,
  openRunRecords,
  runLinkage,
  showLinkageRun,
} from '../../src/services/linkage/linkage.ts';
import { addPerson } from '../../src/services/persons/persons.ts';
import { anOrganisation, aUser, auditRows } from '../protection/fixtures.ts';
import { fixturesDir } from '../support/paths.ts';
import { backends, openTestStore, type TestStore } from '../support/stores.ts';

const CSV = readFileSync(join(fixturesDir, 'linkage/review-list.csv'), 'utf8');
const clusterOf = (clusters: Array<{ members: string[] }>, id: string) =>
  clusters.find((cluster) => cluster.members.includes(id))?.members ?? [id];

describe.each(backends())('linkage review on %s', (backend) => {
  let store: TestStore;
  let admin: Actor;
  let analyst: Actor;
  let viewer: Actor;

  beforeAll(async () => {
    store = await openTestStore(backend);
    ({ admin } = await anOrganisation(store.db));
    analyst = await aUser(store.db, admin, 'analyst@example.org', 'analyst');
    viewer = await aUser(store.db, admin, 'viewer@example.org', 'viewer');
  }, 120_000);
  afterAll(async () => {
    await store?.close();
  });

  it('labels constrain the clusters, survive a re-run and keep their history, audited', async () => {
    const { run, records } = await runLinkage(store.db, analyst, {
      name: 'Two lists, spring',
      source: 'csv',
      csv: CSV,
    });
    expect(run.progress).toEqual({ reviewed: 0, total: 3 });
    const uncertain = run.pairs.map((pair) => [pair.a, pair.b].sort().join('~'));
    expect(uncertain.sort()).toEqual(['AA~AB', 'BA~BB', 'BE~BF']);
    // The waterfall adds up: prior log-odds plus the fields' weights is the pair's weight.
    for (const pair of run.pairs) {
      const sum = pair.explanation.contributions.reduce((s, c) => s + c.weight, 0);
      expect(pair.explanation.weight).toBeCloseTo(sum, 3);
      expect(pair.explanation.probability).toBeCloseTo(pair.probability, 2);
    }
    // The uploader gets the rows of the records shown, nothing is kept of the file.
    expect(records?.records.map((r) => r.id)).toContain('BA');
    expect(clusterOf(run.clusters, 'E1').sort()).toEqual(['E1', 'F1', 'G1']);

    // match → must link: BA and BB become one person.
    let view = await labelPair(store.db, analyst, run.id, { a: 'BB', b: 'BA', decision: 'match' });
    expect(clusterOf(view.clusters, 'BA').sort()).toEqual(['BA', 'BB']);
    expect(view.clusters.find((c) => c.members.includes('BA'))?.changed).toBe(true);
    expect(view.progress.reviewed).toBe(1);
    // non-match → cannot link, even inside a cluster the engine made: G1 leaves E1's cluster.
    view = await labelPair(store.db, analyst, run.id, { a: 'E1', b: 'G1', decision: 'non-match' });
    expect(clusterOf(view.clusters, 'E1').sort()).toEqual(['E1', 'F1']);
    expect(clusterOf(view.clusters, 'G1')).toEqual(['G1']);
    // A must-link that contradicts a cannot-link (E1 = F1 = G1, yet E1 ≠ G1) is reported, not applied.
    await labelPair(store.db, analyst, run.id, { a: 'E1', b: 'F1', decision: 'match' });
    view = await labelPair(store.db, analyst, run.id, { a: 'F1', b: 'G1', decision: 'match' });
    expect(view.conflicts).toEqual([{ a: 'F1', b: 'G1' }]);
    expect(clusterOf(view.clusters, 'G1')).toEqual(['G1']);
    // A label changed, then cleared: history kept, the conflict gone.
    await labelPair(store.db, analyst, run.id, { a: 'F1', b: 'G1', decision: 'unsure' });
    view = await labelPair(store.db, analyst, run.id, { a: 'F1', b: 'G1', decision: null });
    expect(view.conflicts).toEqual([]);
    expect(clusterOf(view.clusters, 'E1').sort()).toEqual(['E1', 'F1']);
    expect((await labelHistory(store.db, analyst, run.id, 'G1', 'F1')).map((h) => h.decision)).toEqual([
      'match',
      'unsure',
      'cleared',
    ]);
    await labelPair(store.db, analyst, run.id, { a: 'AA', b: 'AB', decision: 'non-match' });

    // Re-run of the same list with the file again: labels apply to the new run.
    const again = await runLinkage(store.db, analyst, { list: run.list.id, source: 'csv', csv: CSV });
    expect(again.run.id).not.toBe(run.id);
    expect(again.run.progress).toEqual({ reviewed: 2, total: 3 });
    expect(clusterOf(again.run.clusters, 'BA').sort()).toEqual(['BA', 'BB']);
    expect(clusterOf(again.run.clusters, 'G1')).toEqual(['G1']);
    expect(again.run.pairs.find((p) => p.a === 'AA' || p.b === 'AA')?.label?.decision).toBe('non-match');

    const labels = await auditRows(store.db, 'linkage.label');
    expect(labels).toHaveLength(7);
    expect(labels[0]!.details).toMatchObject({ decision: 'match', previous: null, run: run.id });
    expect(labels.at(-2)!.details).toMatchObject({ decision: 'cleared', previous: 'unsure' });
    expect(await auditRows(store.db, 'linkage.run')).toHaveLength(2);
    // Nothing of the file but the ids is stored: no name in runs or labels.
    const leaks = await store.db.query<{ n: number }>(
      `select count(*)::int as n from linkage_runs where result::text like '%Tepsaev%' or result::text like '%Gaziev%'`,
    );
    expect(leaks[0]!.n).toBe(0);
    // A CSV run has no records to open afterwards: the file was not kept.
    await expect(openRunRecords(store.db, admin, run.id)).rejects.toBeInstanceOf(InvalidInput);
    expect((await listLinkageLists(store.db, analyst)).map((l) => l.name)).toContain('Two lists, spring');
  });

  it('rejects bad labels and roles that may not review', async () => {
    const { run } = await runLinkage(store.db, analyst, { name: 'Checks', source: 'csv', csv: CSV });
    await expect(
      labelPair(store.db, analyst, run.id, { a: 'BA', b: 'ZZZ', decision: 'match' }),
    ).rejects.toBeInstanceOf(InvalidInput);
    await expect(
      labelPair(store.db, viewer, run.id, { a: 'BA', b: 'BB', decision: 'match' }),
    ).rejects.toBeInstanceOf(Forbidden);
    await expect(showLinkageRun(store.db, viewer, run.id)).rejects.toBeInstanceOf(Forbidden);
  });

  it('refuses a run whose stored result is damaged, naming the run and the field but no record', async () => {
    const { run } = await runLinkage(store.db, analyst, { name: 'Damaged', source: 'csv', csv: CSV });
    // A hand edit (or a fault) leaves the record references as one string instead of a list.
    await store.db.query(
      `update linkage_runs set result = jsonb_set(result, '{records}', '"AA,AB,BA"') where id = $1`,
      [run.id],
    );
    for (const read of [
      () => showLinkageRun(store.db, analyst, run.id),
      () => labelPair(store.db, analyst, run.id, { a: 'BA', b: 'BB', decision: 'match' }),
    ]) {
      const error = await read().then(
        () => null,
        (thrown: unknown) => thrown,
      );
      expect(error).toBeInstanceOf(DamagedRecord);
      expect(error).toMatchObject({
        code: 'internal',
        record: 'linkage run',
        id: run.id,
        message: expect.stringMatching(new RegExp(`^linkage run ${run.id} is damaged: records: `)),
      });
      expect(error).not.toMatchObject({ message: expect.stringContaining('AA') });
    }
  });

  it('links the sealed persons of the database; only key holders open names', async () => {
    for (const person of [
      { name: 'Zelimkhan Bakaev', birthDate: '1985-03-12', sex: 'm' },
      { name: 'Zelimhan Bakayev', birthDate: '1985-03-12', sex: 'm' },
      { name: 'Kheda Saidova', birthDate: '1992-11-02', sex: 'f' },
      { name: 'Madina Isaeva', birthDate: '1988-05-30', sex: 'f' },
    ]) {
      await addPerson(store.db, admin, person);
    }
    // An analyst holds no compartment key: a database list is refused, and audited.
    await expect(
      runLinkage(store.db, analyst, { name: 'Victims', source: 'database' }),
    ).rejects.toBeInstanceOf(Forbidden);
    const { run, records } = await runLinkage(store.db, admin, { name: 'Victims', source: 'database' });
    expect(records).toBeNull();
    expect(run.list.compartment).toMatch(/^C-\d+$/);
    expect(run.clusters.map((c) => c.members.length)).toEqual([2]);
    expect(run.clusters[0]!.members.every((code) => /^V-\d{4,}$/.test(code))).toBe(true);
    const stored = await store.db.query<{ n: number }>(
      `select count(*)::int as n from linkage_runs where result::text like '%Bakaev%' or result::text like '%Zelim%'`,
    );
    expect(stored[0]!.n).toBe(0);
    // The analyst reviews by codes and weights; names stay sealed to them.
    const view = await showLinkageRun(store.db, analyst, run.id);
    expect(view.mayOpenRecords).toBe(false);
    await expect(openRunRecords(store.db, analyst, run.id)).rejects.toBeInstanceOf(Forbidden);
    const opened = await openRunRecords(store.db, admin, run.id);
    expect(opened.records.map((r) => r.values[1]).sort()).toEqual(['Zelimhan Bakayev', 'Zelimkhan Bakaev']);
    const reads = await auditRows(store.db, 'person.read');
    expect(reads.at(-1)).toMatchObject({ outcome: 'allowed', details: { count: 2, for: 'linkage' } });
    expect(reads.some((r) => r.outcome === 'denied')).toBe(true);
  });
});
