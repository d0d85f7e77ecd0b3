/**
 * A small database of who reported which named victim, for the estimation page's tests. Sources A
 * (ngo-a.org), A2 (ngo-a.org, a second article), B ("Bulletin: B", ngo-b.org) and C (a testimony,
 * no address); persons P1…P6; an organisation, Memorial, recorded as the source of one act:
 * - act 1 (evidence A, B): victims P1, P2; P6 only a witness;
 * - act 2 (evidence A): P3;
 * - act 3 (no evidence; its incident lists C, as an imported row): P4 and P1 again;
 * - act 4 (evidence B, A2; Memorial its source; its incident also lists C): P5.
 * So over A, B, C: P1 on all three, P2 on A and B, P3 on A, P5 on B, P4 on C.
 */
import { randomUUID } from 'node:crypto';
import type { Actor } from '../../src/services/accounts/actor.ts';
import { addPerson } from '../../src/services/persons/persons.ts';
import type { Db } from '../../src/store/db.ts';
import { sourcesRepository } from '../../src/store/sources.ts';
import { aSource } from './factories.ts';

export async function seedEstimationLists(db: Db, admin: Actor) {
  const ids = { a: randomUUID(), a2: randomUUID(), b: randomUUID(), c: randomUUID(), memorial: randomUUID() };
  const sources = sourcesRepository(db);
  await sources.insertUnlessPresent(
    aSource({ id: ids.a, text: 'A', title: 'NGO A report', url: 'https://www.ngo-a.org/r1' }),
  );
  await sources.insertUnlessPresent(
    aSource({ id: ids.a2, text: 'A2', title: 'NGO A update', url: 'https://ngo-a.org/r2' }),
  );
  await sources.insertUnlessPresent(
    aSource({ id: ids.b, text: 'B', title: 'Bulletin: B', url: 'https://ngo-b.org/x' }),
  );
  await sources.insertUnlessPresent(aSource({ id: ids.c, text: 'C', title: 'Testimony C' }));
  const [{ compartment_id: compartment }] = (await db.query<{ compartment_id: string }>(
    'select compartment_id from organisations',
  )) as [{ compartment_id: string }];
  const person = async () => {
    const id = randomUUID();
    await db.query(
      `insert into persons (id, code, compartment_id, name, name_index, created_by)
       values ($1, 'V-' || nextval('person_code_seq'), $2, $3, $4, $5)`,
      // Stand-ins for the sealed name and its blind index: the lists read neither.
      [id, compartment, new Uint8Array([0]), new TextEncoder().encode(id), admin.userId],
    );
    return id;
  };
  const persons: string[] = [];
  for (let n = 0; n < 6; n += 1) persons.push(await person());
  const [p1, p2, p3, p4, p5, p6] = persons as [string, string, string, string, string, string];
  const incident = async (sourceIds: string[]) => {
    const id = randomUUID();
    await db.query("insert into incidents (id, title, created_by) values ($1, 'incident', 'tester')", [id]);
    for (const source of sourceIds)
      await db.query('insert into incident_sources (incident_id, source_id) values ($1, $2)', [id, source]);
    return id;
  };
  const involve = (actId: string, role: string, column: 'person_id' | 'actor_id', who: string) =>
    db.query(
      `insert into involvements (id, act_id, role, ${column}, created_by) values ($1, $2, $3, $4, $5)`,
      [randomUUID(), actId, role, who, admin.userId],
    );
  const act = async (incidentId: string, evidence: string[], victims: string[]) => {
    const id = randomUUID();
    await db.query("insert into acts (id, incident_id, type) values ($1, $2, 'killing')", [id, incidentId]);
    for (const source of evidence)
      await db.query(
        "insert into act_evidence (act_id, source_id, span_start, span_end, linked_by) values ($1, $2, 0, 1, 'tester')",
        [id, source],
      );
    for (const victim of victims) await involve(id, 'victim', 'person_id', victim);
    return id;
  };
  const i1 = await incident([ids.a, ids.b]);
  const act1 = await act(i1, [ids.a, ids.b], [p1, p2]);
  await involve(act1, 'witness', 'person_id', p6);
  await act(i1, [ids.a], [p3]);
  const i2 = await incident([ids.c]);
  await act(i2, [], [p4, p1]);
  const act4 = await act(i2, [ids.b, ids.a2], [p5]);
  await db.query("insert into actors (id, name, kind) values ($1, 'Memorial', 'ngo')", [ids.memorial]);
  await involve(act4, 'source', 'actor_id', ids.memorial);
  return ids;
}

/**
 * Sealed persons (as the protection pages add them) reported by two sources, for counting by a
 * linkage run: two records of one man, Zelimkhan Bakaev, on source One (born 1985-03-12) and on source
 * Two (a birth date mistyped, 1991-08-30), which the engine leaves for a reviewer; and Madina Isaeva
 * on both. Without linkage one person is on both lists.
 */
export async function seedLinkedVictims(db: Db, admin: Actor) {
  const add = async (name: string, birthDate: string, sex: 'm' | 'f') =>
    (await addPerson(db, admin, { name, birthDate, sex })).id;
  const bakaev = await add('Zelimkhan Bakaev', '1985-03-12', 'm');
  const bakayev = await add('Zelimkhan Bakaev', '1991-08-30', 'm');
  const saidova = await add('Kheda Saidova', '1992-11-02', 'f');
  const isaeva = await add('Madina Isaeva', '1988-05-30', 'f');
  const umarov = await add('Ruslan Umarov', '1979-01-17', 'm');
  const sources = { one: randomUUID(), two: randomUUID() };
  const repository = sourcesRepository(db);
  await repository.insertUnlessPresent(aSource({ id: sources.one, text: 'One', title: 'Report One' }));
  await repository.insertUnlessPresent(aSource({ id: sources.two, text: 'Two', title: 'Report Two' }));
  const report = async (source: string, victims: string[]) => {
    const incident = randomUUID();
    const act = randomUUID();
    await db.query("insert into incidents (id, title, created_by) values ($1, 'incident', 'tester')", [
      incident,
    ]);
    await db.query("insert into acts (id, incident_id, type) values ($1, $2, 'killing')", [act, incident]);
    await db.query(
      "insert into act_evidence (act_id, source_id, span_start, span_end, linked_by) values ($1, $2, 0, 1, 'tester')",
      [act, source],
    );
    for (const victim of victims)
      await db.query(
        "insert into involvements (id, act_id, role, person_id, created_by) values ($1, $2, 'victim', $3, $4)",
        [randomUUID(), act, victim, admin.userId],
      );
  };
  await report(sources.one, [bakaev, saidova, isaeva]);
  await report(sources.two, [bakayev, umarov, isaeva]);
  return { sources, persons: { bakaev, bakayev, saidova, isaeva, umarov } };
}
