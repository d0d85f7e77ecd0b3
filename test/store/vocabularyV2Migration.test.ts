/**
 * Migration 070 rewrites the v1 victim groups that are not v2 codes ("gay men", "man") in acts, their
 * evidence and the suggestions kept with each source, and leaves every other value as it was. Run on
 * both backends against rows written the way v1 wrote them.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Suggestions } from '../../src/core/suggestions.ts';
import { VICTIM_GROUPS } from '../../src/core/victimGroups.ts';
import { actsRepository } from '../../src/store/acts.ts';
import { incidentsRepository } from '../../src/store/incidents.ts';
import { sourcesRepository } from '../../src/store/sources.ts';
import { aSource } from '../support/factories.ts';
import { repoRoot } from '../support/paths.ts';
import { backends, openTestStore, type TestStore } from '../support/stores.ts';

const migration = readFileSync(join(repoRoot, 'src/store/migrations/070_vocabulary_v2.sql'), 'utf8');

function v1Event(group: string | null, start: number): Suggestions['events'][number] {
  return {
    type: 'detention',
    victims: { min: 3, max: 3, group, text: `three ${group ?? ''}` },
    place: null,
    date: null,
    perpetrators: [],
    reportedBy: [],
    confidence: 0.6,
    start,
    end: start + 10,
  };
}

describe.each(backends())('migration 070: victim groups become codes on %s', (backend) => {
  let store: TestStore;
  beforeAll(async () => {
    store = await openTestStore(backend);
  });
  afterAll(async () => store?.close());

  it('rewrites v1 group names in acts and stored suggestions, and nothing else', async () => {
    const db = store.db;
    const source = aSource({ text: 'Three gay men were detained; a man was beaten; three activists fled.' });
    source.suggestions = {
      ...source.suggestions,
      events: [v1Event('gay men', 0), v1Event('man', 30), v1Event('activists', 50), v1Event(null, 60)],
    };
    await sourcesRepository(db).insertUnlessPresent(source);
    const incidentId = randomUUID();
    await incidentsRepository(db).insert({
      id: incidentId,
      title: 'Grozny',
      summary: '',
      tags: [],
      language: 'en',
      createdBy: 'tester',
    });
    const ids = { coded: randomUUID(), reviewer: randomUUID(), code: randomUUID() };
    for (const [id, victimGroup] of [
      [ids.coded, 'gay men'],
      [ids.reviewer, 'people from the village of Khatuni'],
      [ids.code, 'activists'],
    ] as const) {
      await actsRepository(db).insert({
        id,
        incidentId,
        type: 'detention',
        victimsMin: 3,
        victimsMax: 3,
        victimGroup,
        placeName: null,
        country: null,
        dateFrom: null,
        dateTo: null,
        datePrecision: null,
        perpetrators: [],
        provenance: null,
      });
    }

    await db.transaction(async (tx) => {
      for (const statement of migration.split(/;\s*\n/).map((s) => s.replace(/^--.*$/gm, '').trim()))
        if (statement) await tx.query(statement);
    });

    const acts = await db.query<{ id: string; victim_group: string }>(
      'select id, victim_group from acts where incident_id = $1',
      [incidentId],
    );
    const groupOf = (id: string) => acts.find((a) => a.id === id)?.victim_group;
    expect(groupOf(ids.coded)).toBe('gay-men');
    expect(groupOf(ids.reviewer)).toBe('people from the village of Khatuni');
    expect(groupOf(ids.code)).toBe('activists');

    const [row] = await db.query<{ suggestions: Suggestions }>(
      'select suggestions from sources where id = $1',
      [source.id],
    );
    const events = row!.suggestions.events;
    expect(events.map((e) => e.victims?.group ?? null)).toEqual(['gay-men', 'men', 'activists', null]);
    expect(events.map((e) => e.start)).toEqual([0, 30, 50, 60]);
    for (const e of events) if (e.victims?.group) expect(VICTIM_GROUPS).toContain(e.victims.group);
  });
});
