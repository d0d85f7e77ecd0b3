/**
 * Who is in which compartment. Administrators see every compartment; everyone else allowed to list
 * sees only those they are a member of, so a caseworker learns nothing about other cases, not even
 * their members.
 */
import { compartmentsRepository } from '../../store/compartments.ts';
import type { Db } from '../../store/db.ts';
import type { Actor } from '../accounts/actor.ts';
import { authorize } from '../policies/index.ts';

export interface CompartmentSummary {
  code: string;
  kind: 'organisation' | 'case';
  members: Array<{ id: string; email: string }>;
}

export async function listCompartments(db: Db, actor: Actor): Promise<CompartmentSummary[]> {
  authorize(actor.role, 'compartment.list');
  const all = await compartmentsRepository(db).listWithMembers();
  return all
    .filter(
      (compartment) =>
        actor.role === 'administrator' || compartment.members.some((member) => member.id === actor.userId),
    )
    .map((compartment) => ({ code: compartment.code, kind: compartment.kind, members: compartment.members }));
}
