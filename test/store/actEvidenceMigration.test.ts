/**
 * Migration 040 keeps every existing piece of corroboration: an act's own source (its provenance)
 * becomes an evidence link with the act's figures, and every other source that asserted the act (an
 * `asserts` claim, how corroboration was recorded before) a link with its passage and no invented
 * figure. Run on both backends against rows written the way earlier versions wrote them.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { actsRepository } from '../../src/store/acts.ts';
import { claimsRepository } from '../../src/store/claims.ts';
import { incidentsRepository } from '../../src/store/incidents.ts';
import { sourcesRepository } from '../../src/store/sources.ts';
import { aSource } from '../support/factories.ts';
import { repoRoot } from '../support/paths.ts';
import { backends, openTestStore, type TestStore } from '../support/stores.ts';

const migration = readFileSync(join(repoRoot, 'src/store/migrations/040_act_evidence.sql'), 'utf8');
/** The data part of the migration, statement by statement: what it does with rows that exist. */
const backfill = migration
  .slice(migration.indexOf('-- Existing acts'))
  .split(/;\s*\n/)
  .map((statement) => statement.replace(/^--.*$/gm, '').trim())
  .filter(Boolean);

describe.each(backends())('migration 040: act evidence from earlier records on %s', (backend) => {
  let store: TestStore;
  beforeAll(async () => {
    store = await openTestStore(backend);
  });
  afterAll(async () => store?.close());

  it('links each act to its own source with its figures, and to every source that asserted it', async () => {
    const db = store.db;
    const first = aSource({ text: 'Cinco ativistas foram presos em Moscou.' });
    const second = aSource({
      text: 'Five activists were detained in Moscow.',
      url: 'https://news.example.org/a',
    });
    await sourcesRepository(db).insertUnlessPresent(first);
    await sourcesRepository(db).insertUnlessPresent(second);
    const incidentId = randomUUID();
    await incidentsRepository(db).insert({
      id: incidentId,
      title: 'Moscow',
      summary: '',
      tags: [],
      language: 'pt',
      createdBy: 'tester',
    });
    const actId = randomUUID();
    const confirmedAt = '2024-03-01T10:00:00.000Z';
    await actsRepository(db).insert({
      id: actId,
      incidentId,
      type: 'detention',
      victimsMin: 5,
      victimsMax: 5,
      victimGroup: 'activists',
      placeName: 'Moscow',
      country: 'RU',
      dateFrom: '2017-05-11',
      dateTo: '2017-05-11',
      datePrecision: 'day',
      perpetrators: [],
      provenance: {
        sourceId: first.id,
        start: 0,
        end: 38,
        confirmedBy: 'reviewer-1',
        confirmedAt,
        edited: false,
      },
    });
    for (const [source, by] of [
      [first, 'reviewer-1'],
      [second, 'reviewer-2'],
      [second, 'reviewer-2'],
    ] as const) {
      await claimsRepository(db).insert({
        id: randomUUID(),
        incidentId,
        actId,
        sourceId: source.id,
        actorId: null,
        stance: 'asserts',
        text: source.text,
        spanStart: 0,
        spanEnd: source.text.length,
        provenance: {
          sourceId: source.id,
          start: 0,
          end: source.text.length,
          confirmedBy: by,
          confirmedAt,
          edited: false,
        },
      });
    }

    expect(backfill).toHaveLength(2);
    // Twice: a second run adds nothing (the migration runs once, but the statements must not duplicate).
    for (let run = 0; run < 2; run++) {
      await db.transaction(async (tx) => {
        for (const statement of backfill) await tx.query(statement);
      });
    }
    const rows = await db.query<{
      source_id: string;
      victims_min: number | null;
      victims_max: number | null;
      place_name: string | null;
      span_end: number;
      linked_by: string;
    }>('select * from act_evidence where act_id = $1 order by linked_by', [actId]);
    expect(rows).toEqual([
      expect.objectContaining({
        source_id: first.id,
        victims_min: 5,
        victims_max: 5,
        place_name: 'Moscow',
        span_end: 38,
        linked_by: 'reviewer-1',
      }),
      expect.objectContaining({
        source_id: second.id,
        victims_min: null,
        victims_max: null,
        place_name: null,
        span_end: second.text.length,
        linked_by: 'reviewer-2',
      }),
    ]);
  });
});
