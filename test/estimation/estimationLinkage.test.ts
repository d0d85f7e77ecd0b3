/**
 * Lists from the database count one person once when a linkage run links two of their records: two
 * records of one victim reported by two sources, merged by a reviewer's "match", are one person on
 * both lists (the observed total one lower); with 'none' they are two. The choice is traced in the
 * saved estimate and its audit entry. On PGlite and PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Forbidden, InvalidInput, NotFound } from '../../src/core/errors.ts';
import type { Actor } from '../../src/services/accounts/actor.ts';
import { listsToChoose, overlaps, saveEstimate } from '../../src/services/estimation/estimates.ts';
import { labelPair, runLinkage } from '../../src/services/linkage/linkage.ts';
import { addPerson } from '../../src/services/persons/persons.ts';
import { anOrganisation, aUser, auditRows } from '../protection/fixtures.ts';
import { seedLinkedVictims } from '../support/estimationLists.ts';
import { backends, openTestStore, type TestStore } from '../support/stores.ts';

describe.each(backends())('estimation lists counted by a linkage run on %s', (backend) => {
  let store: TestStore;
  let admin: Actor;
  let analyst: Actor;
  let seeded: Awaited<ReturnType<typeof seedLinkedVictims>>;

  beforeAll(async () => {
    store = await openTestStore(backend);
    ({ admin } = await anOrganisation(store.db));
    analyst = await aUser(store.db, admin, 'analyst@example.org', 'analyst');
    seeded = await seedLinkedVictims(store.db, admin);
  }, 120_000);
  afterAll(async () => {
    await store?.close();
  });

  const lists = (linkageRun?: string) => ({
    kind: 'database' as const,
    lists: [
      { kind: 'source' as const, ref: seeded.sources.one },
      { kind: 'source' as const, ref: seeded.sources.two },
    ],
    ...(linkageRun === undefined ? {} : { linkageRun }),
  });
  const onBoth = (answer: Awaited<ReturnType<typeof overlaps>>) =>
    answer.intersections.find((cell) => cell.pattern === 0b11)?.count ?? 0;

  it('counts each person record on its own while no reviewed run exists', async () => {
    const answer = await overlaps(store.db, analyst, lists());
    expect(answer.linkage).toBeNull();
    expect(answer.observed).toBe(5);
    expect(onBoth(answer)).toBe(1);
  });

  it('counts the two records of one victim as one person once a reviewer has matched them', async () => {
    const { run } = await runLinkage(store.db, admin, { name: 'Victims', source: 'database' });
    const codes = await store.db.query<{ id: string; code: string }>(
      'select id::text as id, code from persons where id = any($1::uuid[])',
      [[seeded.persons.bakaev, seeded.persons.bakayev]],
    );
    const [a, b] = codes.map((row) => row.code) as [string, string];
    // The engine is unsure (a birth date differs) and leaves the pair to a reviewer.
    expect(run.pairs.map((pair) => [pair.a, pair.b].sort())).toContainEqual([a, b].sort());
    expect((await overlaps(store.db, analyst, lists(run.id))).observed).toBe(5);
    // Not yet reviewed: the run is offered but not counted by default.
    let choices = await listsToChoose(store.db, analyst);
    expect(choices.linkage.runs.map((r) => r.run)).toEqual([run.id]);
    expect(choices.linkage.default).toBeNull();
    expect((await overlaps(store.db, analyst, lists())).linkage).toBeNull();

    await labelPair(store.db, analyst, run.id, { a, b, decision: 'match' });
    choices = await listsToChoose(store.db, analyst);
    expect(choices.linkage.default).toBe(run.id);
    expect(choices.linkage.runs[0]).toMatchObject({
      run: run.id,
      list: 'Victims',
      records: 5,
      mergedRecords: 2,
      persons: 1,
      unreviewed: 0,
      reviewed: true,
      notInRun: 0,
      newVictims: 0,
    });
    // Each source's size is unchanged (one record of the man each); the overlap is now one more.
    const linked = await overlaps(store.db, analyst, lists());
    expect(linked.linkage).toMatchObject({ run: run.id, mergedRecords: 2, persons: 1 });
    expect(linked.lists.map((list) => list.size)).toEqual([3, 3]);
    expect(onBoth(linked)).toBe(2);
    expect(linked.observed).toBe(4);
    // The same run named, and 'none': two people again.
    expect((await overlaps(store.db, analyst, lists(run.id))).observed).toBe(4);
    const none = await overlaps(store.db, analyst, lists('none'));
    expect(none.linkage).toBeNull();
    expect([none.observed, onBoth(none)]).toEqual([5, 1]);
  });

  it('traces the run in the saved estimate and its audit entry', async () => {
    const saved = await saveEstimate(store.db, analyst, {
      lists: lists(),
      title: 'Linked',
      model: 'independence',
      criterion: 'aic',
      maxOrder: 2,
    });
    const run = saved.overlaps.linkage!.run;
    expect(saved.result.observed).toBe(4);
    const audit = await auditRows(store.db, 'estimate.save');
    expect(audit.at(-1)!.details).toMatchObject({ linkageRun: run, observed: 4 });
    const stored = await store.db.query<{ run: string }>(
      "select result->'overlaps'->'linkage'->>'run' as run from saved_estimates where id = $1",
      [saved.id],
    );
    expect(stored[0]!.run).toBe(run);
  });

  it('says how many victims were recorded after the run; they count as themselves', async () => {
    const late = await addPerson(store.db, admin, {
      name: 'Aslan Dudaev',
      birthDate: '1990-07-07',
      sex: 'm',
    });
    const [act] = await store.db.query<{ act_id: string }>(
      'select act_id from act_evidence where source_id = $1',
      [seeded.sources.one],
    );
    await store.db.query(
      "insert into involvements (id, act_id, role, person_id, created_by) values (gen_random_uuid(), $1, 'victim', $2, $3)",
      [act!.act_id, late.id, admin.userId],
    );
    const answer = await overlaps(store.db, analyst, lists());
    expect(answer.linkage).toMatchObject({ notInRun: 1, newVictims: 1 });
    expect(answer.observed).toBe(5);
  });

  it('refuses a run that is not a database run, an unknown run, and roles that may not see runs', async () => {
    const { run } = await runLinkage(store.db, analyst, {
      name: 'Uploaded',
      source: 'csv',
      csv: 'id,name\nA,Anna Petrova\nB,Anna Petrova\n',
    });
    await expect(overlaps(store.db, analyst, lists(run.id))).rejects.toBeInstanceOf(InvalidInput);
    await expect(
      overlaps(store.db, analyst, lists('00000000-0000-4000-8000-000000000000')),
    ).rejects.toBeInstanceOf(NotFound);
    const viewer = await aUser(store.db, admin, 'viewer@example.org', 'viewer');
    await expect(overlaps(store.db, viewer, lists('none'))).rejects.toBeInstanceOf(Forbidden);
  });
});
