/**
 * The estimation page's service on a real store: lists built from the database (who reported which
 * named victim, each person once, the incident-level fallback for imported acts), from an uploaded
 * lists file (the `attest estimate` format), the estimate, and saved estimates with their audit
 * entries (the data: test/support/estimationLists.ts). On PGlite and PostgreSQL.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DamagedRecord, Forbidden, InvalidInput } from '../../src/core/errors.ts';
import type { Actor } from '../../src/services/accounts/actor.ts';
import {
  listEstimates,
  listsToChoose,
  openEstimate,
  overlaps,
  runEstimate,
  saveEstimate,
} from '../../src/services/estimation/estimates.ts';
import { EstimateRequestSchema, SaveEstimateSchema } from '../../src/services/estimation/schemas.ts';
import { anOrganisation, aUser, auditRows } from '../protection/fixtures.ts';
import { seedEstimationLists } from '../support/estimationLists.ts';
import { repoRoot } from '../support/paths.ts';
import { backends, openTestStore, type TestStore } from '../support/stores.ts';

const HAV = readFileSync(join(repoRoot, 'test/fixtures/mse/epi_classics/HAV_Taiwan_3lists.csv'), 'utf8');

describe.each(backends())('estimation from lists on %s', (backend) => {
  let store: TestStore;
  let admin: Actor;
  let analyst: Actor;
  let investigator: Actor;
  let viewer: Actor;
  let ids: Awaited<ReturnType<typeof seedEstimationLists>>;

  beforeAll(async () => {
    store = await openTestStore(backend);
    const org = await anOrganisation(store.db);
    admin = org.admin;
    analyst = await aUser(store.db, admin, 'analyst@example.org', 'analyst');
    investigator = await aUser(store.db, admin, 'investigator@example.org', 'investigator');
    viewer = await aUser(store.db, admin, 'viewer@example.org', 'viewer');
    ids = await seedEstimationLists(store.db, admin);
  });

  afterAll(async () => {
    await store?.close();
  });

  const fromDatabase = (...refs: Array<[kind: 'source' | 'publisher' | 'organisation', ref: string]>) => ({
    kind: 'database' as const,
    lists: refs.map(([kind, ref]) => ({ kind, ref })),
  });

  it('offers each source, publisher and organisation with its named victims, each person once', async () => {
    const { lists } = await listsToChoose(store.db, analyst);
    const byRef = Object.fromEntries(lists.map((list) => [`${list.kind} ${list.ref}`, list]));
    expect(byRef[`source ${ids.a}`]).toMatchObject({ label: 'NGO A report', victims: 3, sealed: false });
    expect(byRef[`source ${ids.b}`]!.victims).toBe(3);
    expect(byRef[`source ${ids.c}`]!.victims).toBe(2);
    expect(byRef[`source ${ids.a2}`]!.victims).toBe(1);
    // Two sources of one site are one publisher: P1, P2, P3 (source A) and P5 (A2).
    expect(byRef['publisher ngo-a.org']!.victims).toBe(4);
    expect(byRef['publisher ngo-b.org']!.victims).toBe(3);
    expect(byRef[`organisation ${ids.memorial}`]).toMatchObject({ label: 'Memorial', victims: 1 });
    // The testimony has no web address: no publisher list for it.
    expect(lists.filter((list) => list.kind === 'publisher')).toHaveLength(2);
  });

  it('builds the capture table from the database: who is on exactly which lists', async () => {
    const answer = await overlaps(
      store.db,
      analyst,
      fromDatabase(['source', ids.a], ['source', ids.b], ['source', ids.c]),
    );
    expect(answer.form).toBe('database');
    // A title's colon would read as two lists in a model term (A:B).
    expect(answer.lists.map((list) => [list.name, list.size])).toEqual([
      ['NGO A report', 3],
      ['Bulletin; B', 3],
      ['Testimony C', 2],
    ]);
    expect(answer.observed).toBe(5);
    const byLists = Object.fromEntries(
      answer.intersections.map((cell) => [cell.lists.join('+'), cell.count]),
    );
    // P1 on all three; P2 on A and B; P3 on A; P5 on B; P4 on C.
    expect(byLists).toEqual({ '0+1+2': 1, '0+1': 1, '0': 1, '1': 1, '2': 1 });
    expect(answer.notices).toEqual([]);
  });

  it('groups by publisher and organisation, and warns with two lists or lists sharing nobody', async () => {
    const answer = await overlaps(
      store.db,
      analyst,
      fromDatabase(['publisher', 'ngo-a.org'], ['organisation', ids.memorial]),
    );
    expect(answer.lists.map((list) => list.size)).toEqual([4, 1]);
    expect(answer.intersections).toEqual([
      { pattern: 1, lists: [0], count: 3 },
      { pattern: 3, lists: [0, 1], count: 1 },
    ]);
    expect(answer.notices.map((notice) => notice.code)).toEqual(['two-lists']);
    const disjoint = await overlaps(store.db, analyst, fromDatabase(['source', ids.a2], ['source', ids.c]));
    expect(disjoint.notices).toContainEqual({ code: 'no-overlap', lists: ['NGO A update', 'Testimony C'] });
  });

  it('refuses one list, the same list twice and a list that does not exist, naming the field', async () => {
    const parse = (lists: unknown) => EstimateRequestSchema.safeParse({ lists });
    expect(parse(fromDatabase(['source', ids.a])).success).toBe(false);
    await expect(
      overlaps(store.db, analyst, fromDatabase(['source', ids.a], ['source', ids.a])),
    ).rejects.toMatchObject({ field: 'body.lists.lists.1', reason: 'the same list is chosen twice' });
    await expect(
      overlaps(store.db, analyst, fromDatabase(['source', ids.a], ['source', randomUUID()])),
    ).rejects.toThrow(InvalidInput);
    await expect(
      overlaps(store.db, analyst, fromDatabase(['source', ids.a], ['publisher', 'nowhere.example'])),
    ).rejects.toMatchObject({ reason: 'no such publisher' });
  });

  it('estimates from an uploaded lists file, the same figure as the command line', async () => {
    const request = EstimateRequestSchema.parse({
      lists: { kind: 'upload', csv: HAV },
      model: 'independence',
    });
    const { overlaps: table, result } = await runEstimate(store.db, analyst, request);
    expect(table.form).toBe('aggregated');
    expect(table.lists.map((list) => [list.name, list.size])).toEqual([
      ['P', 135],
      ['Q', 122],
      ['E', 126],
    ]);
    expect(table.intersections[0]).toEqual({ pattern: 1, lists: [0], count: 69 });
    expect(table.intersections.find((cell) => cell.pattern === 7)!.count).toBe(28);
    expect(result.observed).toBe(271);
    // R glm, test/fixtures/mse/epi_classics/reference_estimates_computed.csv.
    expect(result.estimate).toBeCloseTo(388.48, 1);
    expect(result.ci95![0]).toBeGreaterThanOrEqual(271);
    expect(result.ci95![1]).toBeGreaterThan(388.48);
    const auto = await runEstimate(
      store.db,
      analyst,
      EstimateRequestSchema.parse({ lists: { kind: 'upload', csv: HAV } }),
    );
    expect(auto.result.selected!.interactions.length).toBeGreaterThan(0);
    expect(auto.result.modelCount).toBe(8);
    expect(auto.result.models.length).toBe(8);
  });

  it('says which row and column of an uploaded file is wrong, and that one list is not enough', async () => {
    const one = 'A,count\n1,10\n';
    await expect(overlaps(store.db, analyst, { kind: 'upload', csv: one })).rejects.toMatchObject({
      field: 'body.lists.csv row 1',
      reason: "needs at least two list columns, found 1 ('A')",
    });
    await expect(
      overlaps(store.db, analyst, { kind: 'upload', csv: 'A,B,count\n1,2,3\n' }),
    ).rejects.toMatchObject({ field: "body.lists.csv row 2, column 'B'" });
  });

  it('runs the Bayesian models, with their posterior and, for LCMCR, the chains’ diagnostics', async () => {
    const lcmcr = await runEstimate(
      store.db,
      analyst,
      EstimateRequestSchema.parse({ lists: { kind: 'upload', csv: HAV }, model: 'lcmcr', seed: 7 }),
    );
    expect(lcmcr.result.method).toContain('LCMCR');
    expect(lcmcr.result.posterior).not.toBeNull();
    expect(lcmcr.result.diagnostics).toMatchObject({ seed: 7, chains: 4 });
    expect(lcmcr.result.estimate).toBe(lcmcr.result.posterior?.median);
    expect(lcmcr.result.estimate).toBeGreaterThanOrEqual(lcmcr.result.observed);
    expect(lcmcr.result.ci95).toEqual([lcmcr.result.posterior?.lower, lcmcr.result.posterior?.upper]);
    const dga = await runEstimate(
      store.db,
      analyst,
      EstimateRequestSchema.parse({ lists: { kind: 'upload', csv: HAV }, model: 'dga' }),
    );
    expect(dga.result.method).toContain('dga');
    expect(dga.result.diagnostics).toBeNull();
    const posterior = dga.result.posterior!;
    expect(posterior.lower).toBeLessThanOrEqual(posterior.median);
    expect(posterior.median).toBeLessThanOrEqual(posterior.upper);
    expect(posterior.lower).toBeGreaterThanOrEqual(dga.result.observed);
  });

  it('lets analysts and administrators estimate, nobody else', async () => {
    const request = EstimateRequestSchema.parse({ lists: { kind: 'upload', csv: HAV } });
    await expect(runEstimate(store.db, admin, request)).resolves.toBeTruthy();
    for (const actor of [investigator, viewer]) {
      await expect(listsToChoose(store.db, actor)).rejects.toThrow(Forbidden);
      await expect(runEstimate(store.db, actor, request)).rejects.toThrow(Forbidden);
      await expect(listEstimates(store.db, actor, { limit: 10, offset: 0 })).rejects.toThrow(Forbidden);
    }
  });

  it('saves aggregates only, audited, and opens them again (audited)', async () => {
    // The individual form with names in its id column: the names must not be stored anywhere.
    const csv =
      'id,NGO,Police\nAsya Ivanova,1,0\nRuslan Bakaev,1,1\nZelimkhan Umarov,0,1\nMagomed Alkhanov,1,1\n';
    const saved = await saveEstimate(
      store.db,
      analyst,
      SaveEstimateSchema.parse({
        title: 'Grozny, two lists',
        lists: { kind: 'upload', csv },
        model: 'independence',
      }),
    );
    expect(saved.result.observed).toBe(4);
    expect(saved.overlaps.form).toBe('individual');
    expect(saved.overlaps.notices.map((notice) => notice.code)).toEqual(['two-lists']);
    const [row] = await store.db.query<{ all: string }>(
      'select row_to_json(e)::text as all from saved_estimates e where id = $1',
      [saved.id],
    );
    for (const name of ['Asya', 'Ruslan', 'Zelimkhan', 'Magomed']) expect(row!.all).not.toContain(name);
    expect(row!.all).toContain('"counts": [0, 1, 1, 2]');
    const [entry] = await auditRows(store.db, 'estimate.save');
    expect(entry).toMatchObject({ actor: analyst.userId, record_id: saved.id });
    expect(entry!.details).toEqual({
      input: 'upload',
      lists: 2,
      model: 'independence',
      criterion: 'aic',
      observed: 4,
      // An uploaded file is linked already: no linkage run counted its persons.
      linkageRun: null,
    });

    const page = await listEstimates(store.db, admin, { limit: 10, offset: 0 });
    expect(page.total).toBe(1);
    expect(page.items[0]).toMatchObject({
      title: 'Grozny, two lists',
      lists: 2,
      observed: 4,
      createdBy: 'analyst@example.org',
    });
    const opened = await openEstimate(store.db, admin, saved.id);
    expect(opened.result).toEqual(saved.result);
    expect(opened.overlaps).toEqual(saved.overlaps);
    expect((await auditRows(store.db, 'estimate.open')).map((e) => [e.actor, e.record_id])).toEqual([
      [admin.userId, saved.id],
    ]);
    await expect(openEstimate(store.db, admin, randomUUID())).rejects.toMatchObject({ code: 'not_found' });

    // A damaged row is one typed error naming the estimate, not a half-read answer.
    await store.db.query(`update saved_estimates set result = result - 'overlaps' where id = $1`, [saved.id]);
    const damaged = openEstimate(store.db, admin, saved.id);
    await expect(damaged).rejects.toBeInstanceOf(DamagedRecord);
    await expect(damaged).rejects.toThrow(new RegExp(`^saved estimate ${saved.id} is damaged: overlaps: `));
  });
});
