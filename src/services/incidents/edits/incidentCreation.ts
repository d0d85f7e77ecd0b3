/** An incident created by hand (not from a review): empty until acts are added or sources reviewed into it. */
import { randomUUID } from 'node:crypto';
import type { Db } from '../../../store/db.ts';
import { incidentsRepository } from '../../../store/incidents.ts';
import type { NewIncidentInput } from './editSchemas.ts';
import { type Editor, recordCreation } from './recordEdit.ts';

export async function createIncident(
  db: Db,
  editor: Editor,
  input: NewIncidentInput,
): Promise<{ id: string }> {
  const id = randomUUID();
  await db.transaction(async (tx) => {
    const incidents = incidentsRepository(tx);
    await incidents.insert({ id, ...input, createdBy: editor.userId });
    // The search vector is derived: without this a hand-made incident could not be found by its title.
    await incidents.refreshDerived(id);
    await recordCreation(tx, editor, 'incident', id, null);
  });
  return { id };
}
