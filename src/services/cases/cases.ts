/**
 * Cases: the work of getting a person to safety. Each case lives in a compartment of its own, so only
 * its members hold the key that opens its notes, tasks, consents and attachments. Opening, every
 * status change, every assignment and every read is audited (codes and field names, never values).
 * `openCase` is the one entry point that creates a case: the CLI, the HTTP API, referrals and the
 * conversion of public reports all call it.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import {
  allowedTransitions,
  CASE_STATUSES,
  CASE_TYPES,
  type CaseStatus,
  type CaseType,
  canTransition,
  RISK_LEVELS,
  type RiskLevel,
} from '../../core/casework.ts';
import { InvalidInput, NotFound } from '../../core/errors.ts';
import { parseWith } from '../../core/validation.ts';
import { newCompartmentKey } from '../../crypto/compartmentKeys.ts';
import { keyRing, openText, type SymmetricKey, sealText } from '../../crypto/seal.ts';
import { wipe } from '../../crypto/sodium.ts';
import { type CaseRow, casesRepository } from '../../store/cases.ts';
import type { Db, Queryable } from '../../store/db.ts';
import { personsRepository } from '../../store/persons.ts';
import { usersRepository } from '../../store/users.ts';
import type { Actor } from '../accounts/actor.ts';
import { appendAudit, recordAudit } from '../audit/audit.ts';
import { insertCaseCompartment, sealKeysToMember } from '../compartments/compartments.ts';
import { PERSON_CODE } from '../persons/persons.ts';
import { holdsCompartmentKeys } from '../policies/index.ts';
import { authorizeAudited, type CaseWithKeys, findCase, holdCurrentKey, withCase } from './access.ts';

export const openCaseSchema = z.strictObject({
  persons: z.array(z.string().regex(PERSON_CODE, 'expected a person code like V-0001')).min(1).max(50),
  type: z.enum(CASE_TYPES),
  risk: z.enum(RISK_LEVELS).default('medium'),
  /** E-mail of the caseworker the case is assigned to (made a member of its compartment). */
  assignTo: z.email().optional(),
});
export type OpenCase = z.input<typeof openCaseSchema>;

export const sealedContext = (table: string, id: string, column: string) => ({
  recordType: table,
  recordId: id,
  field: column,
});

/** Opens a case for existing persons, in a new compartment; one transaction, audited. */
export async function openCase(db: Db, actor: Actor, input: OpenCase): Promise<{ id: string; code: string }> {
  const parsed = parseWith(openCaseSchema, input, 'case');
  await authorizeAudited(db, actor, 'case.open', 'case');
  const key = newCompartmentKey(randomUUID());
  try {
    return await db.transaction((tx) =>
      insertCase(tx, actor, key, parsed, async (codes) => {
        const ids: string[] = [];
        for (const code of codes) {
          const person = await personsRepository(tx).findByCode(code);
          if (!person) throw new NotFound('person', code);
          ids.push(person.id);
        }
        return ids;
      }),
    );
  } finally {
    wipe(key.bytes);
  }
}

/**
 * The case row, its compartment under `key`, its persons, the first transition and the assignment,
 * inside the caller's transaction. `personIds` turns the input's person codes into ids (a referral
 * import creates the persons there, in the new compartment).
 */
export async function insertCase(
  tx: Queryable,
  actor: Actor,
  key: SymmetricKey,
  input: z.output<typeof openCaseSchema>,
  personIds: (codes: string[], compartment: { id: string; code: string }) => Promise<string[]>,
): Promise<{ id: string; code: string }> {
  const compartment = await insertCaseCompartment(tx, actor, key);
  const assignee = input.assignTo ? await assignableUser(tx, input.assignTo) : null;
  const cases = casesRepository(tx);
  const id = randomUUID();
  const code = await cases.nextCode();
  await cases.insert({
    id,
    code,
    compartmentId: compartment.id,
    type: input.type,
    risk: input.risk,
    assignedTo: assignee?.id ?? null,
    createdBy: actor.userId,
  });
  for (const personId of await personIds(input.persons, compartment)) await cases.addPerson(id, personId);
  await cases.insertTransition({
    id: randomUUID(),
    caseId: id,
    fromStatus: null,
    toStatus: 'open',
    changedBy: actor.userId,
    note: null,
  });
  if (assignee && assignee.id !== actor.userId) await sealKeysToMember(tx, compartment.id, [key], assignee);
  await appendAudit(tx, {
    actor: actor.userId,
    action: 'case.open',
    recordType: 'case',
    recordId: code,
    details: {
      compartment: compartment.code,
      type: input.type,
      risk: input.risk,
      persons: input.persons.join(','),
      assignedTo: assignee?.id ?? null,
    },
  });
  return { id, code };
}

async function assignableUser(db: Queryable, email: string) {
  const user = await usersRepository(db).findByEmail(email.trim().toLowerCase());
  if (!user || user.disabledAt) throw new NotFound('user', email);
  if (!holdsCompartmentKeys(user.role))
    throw new InvalidInput('assignTo', `a ${user.role} holds no compartment keys and cannot work on a case`);
  return user;
}

export const caseListSchema = z.strictObject({
  mine: z.boolean().default(false),
  overdue: z.boolean().default(false),
  type: z.enum(CASE_TYPES).optional(),
  status: z.enum(CASE_STATUSES).optional(),
  risk: z.enum(RISK_LEVELS).optional(),
});
export type CaseListFilter = z.input<typeof caseListSchema>;

export interface CaseSummary {
  id: string;
  code: string;
  compartment: string;
  type: CaseType;
  risk: RiskLevel;
  status: CaseStatus;
  assignedTo: string | null;
  overdueTasks: number;
  createdAt: string;
}

const summaryOf = (row: CaseRow): CaseSummary => ({
  id: row.id,
  code: row.code,
  compartment: row.compartmentCode,
  type: row.type,
  risk: row.risk,
  status: row.status,
  assignedTo: row.assignedEmail,
  overdueTasks: row.overdueTasks,
  createdAt: row.createdAt.toISOString(),
});

/** Today as the server's calendar date (YYYY-MM-DD), the day "overdue" is measured against. */
export const today = (): string => new Date().toISOString().slice(0, 10);

/** The cases of compartments the actor is a member of: codes and vocabulary values, nothing sealed. */
export async function listCases(db: Db, actor: Actor, filter: CaseListFilter = {}): Promise<CaseSummary[]> {
  const parsed = parseWith(caseListSchema, filter, 'query');
  await authorizeAudited(db, actor, 'case.list', 'case');
  const rows = await casesRepository(db).list({
    memberId: actor.userId,
    assignedTo: parsed.mine ? actor.userId : undefined,
    overdueOn: parsed.overdue ? today() : undefined,
    type: parsed.type,
    status: parsed.status,
    risk: parsed.risk,
  });
  return rows.map(summaryOf);
}

export interface CaseDetail extends CaseSummary {
  persons: string[];
  allowedTransitions: CaseStatus[];
  transitions: Array<{
    from: CaseStatus | null;
    to: CaseStatus;
    by: string;
    at: string;
    note: string | null;
  }>;
}

/** The case with its persons (codes) and history, notes of transitions opened; audited as a read. */
export async function showCaseHeader(db: Db, access: CaseWithKeys): Promise<CaseDetail> {
  const ring = keyRing(access.keys);
  const ids = await casesRepository(db).personIds(access.row.id);
  const codes = await personsRepository(db).codesByIds(ids);
  const transitions = await casesRepository(db).transitions(access.row.id);
  return {
    ...summaryOf(access.row),
    persons: ids.map((id) => codes.get(id)!).sort(),
    allowedTransitions: allowedTransitions(access.row.status),
    transitions: transitions.map((t) => ({
      from: t.fromStatus,
      to: t.toStatus,
      by: t.changedByEmail,
      at: t.changedAt.toISOString(),
      note: t.note ? openText(ring, t.note, sealedContext('case_transitions', t.id, 'note')) : null,
    })),
  };
}

export const statusChangeSchema = z.strictObject({
  status: z.enum(CASE_STATUSES),
  note: z.string().trim().max(20_000).optional(),
});

/** Moves a case along its workflow; an invalid step is refused naming the allowed ones. */
export async function changeCaseStatus(
  db: Db,
  actor: Actor,
  ref: string,
  input: z.input<typeof statusChangeSchema>,
): Promise<{ status: CaseStatus }> {
  const change = parseWith(statusChangeSchema, input, 'body');
  return withCase(db, actor, 'case.update', ref, async (access) => {
    const id = randomUUID();
    const note = change.note
      ? sealText(access.current, change.note, sealedContext('case_transitions', id, 'note'))
      : null;
    return db.transaction(async (tx) => {
      await holdCurrentKey(tx, access);
      const cases = casesRepository(tx);
      const from = (await cases.lockStatus(access.row.id))!;
      if (!canTransition(from, change.status))
        throw new InvalidInput(
          'status',
          `a case that is ${from} can move to ${allowedTransitions(from).join(' or ')}, not ${change.status}`,
        );
      await cases.update(access.row.id, { status: change.status });
      await cases.insertTransition({
        id,
        caseId: access.row.id,
        fromStatus: from,
        toStatus: change.status,
        changedBy: actor.userId,
        note,
      });
      await appendAudit(tx, {
        actor: actor.userId,
        action: 'case.status',
        recordType: 'case',
        recordId: access.row.code,
        details: { from, to: change.status, note: note !== null },
      });
      return { status: change.status };
    });
  });
}

export const caseUpdateSchema = z.strictObject({
  risk: z.enum(RISK_LEVELS).optional(),
  /** E-mail of the new caseworker, or null to unassign. */
  assignTo: z.email().nullable().optional(),
});

/** Risk level and assignment; a new assignee receives the compartment's keys in the same step. */
export async function updateCase(
  db: Db,
  actor: Actor,
  ref: string,
  input: z.input<typeof caseUpdateSchema>,
): Promise<CaseSummary> {
  const change = parseWith(caseUpdateSchema, input, 'body');
  return withCase(db, actor, 'case.update', ref, async (access) => {
    await db.transaction(async (tx) => {
      const assignee = change.assignTo ? await assignableUser(tx, change.assignTo) : null;
      await casesRepository(tx).update(access.row.id, {
        risk: change.risk,
        assignedTo: change.assignTo === undefined ? undefined : (assignee?.id ?? null),
      });
      if (assignee) await sealKeysToMember(tx, access.row.compartmentId, access.keys, assignee);
      await appendAudit(tx, {
        actor: actor.userId,
        action: 'case.update',
        recordType: 'case',
        recordId: access.row.code,
        details: {
          risk: change.risk ?? null,
          assignedTo: change.assignTo === undefined ? null : (assignee?.id ?? 'none'),
        },
      });
    });
    return summaryOf(await findCase(db, access.row.id));
  });
}

/** Writes the `case.read` audit entry for a case shown to the actor. */
export function auditCaseRead(db: Db, actor: Actor, row: CaseRow, what: string) {
  return recordAudit(db, {
    actor: actor.userId,
    action: 'case.read',
    recordType: 'case',
    recordId: row.code,
    details: { compartment: row.compartmentCode, what },
  });
}
