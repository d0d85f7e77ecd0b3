/** Cases: type, risk, status and assignment in clear; the persons they concern by id; transitions. */
import type { CaseStatus, CaseType, RiskLevel } from '../core/casework.ts';
import { type Queryable, toBytes } from './db.ts';

export interface CaseRow {
  id: string;
  code: string;
  compartmentId: string;
  compartmentCode: string;
  type: CaseType;
  risk: RiskLevel;
  status: CaseStatus;
  assignedTo: string | null;
  assignedEmail: string | null;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
  overdueTasks: number;
}

interface RawCase {
  id: string;
  code: string;
  compartment_id: string;
  compartment_code: string;
  type: CaseType;
  risk: RiskLevel;
  status: CaseStatus;
  assigned_to: string | null;
  assigned_email: string | null;
  created_by: string;
  created_at: Date;
  updated_at: Date;
  overdue_tasks: number;
}

export interface TransitionRow {
  id: string;
  fromStatus: CaseStatus | null;
  toStatus: CaseStatus;
  changedBy: string;
  changedByEmail: string;
  changedAt: Date;
  note: Uint8Array | null;
}

export interface CaseFilter {
  memberId: string;
  assignedTo?: string;
  overdueOn?: string;
  type?: CaseType;
  status?: CaseStatus;
  risk?: RiskLevel;
}

const SELECT_CASE = `
  select c.*, k.code as compartment_code, u.email as assigned_email,
         (select count(*)::int from case_tasks t
           where t.case_id = c.id and t.done_at is null and t.due_on < current_date) as overdue_tasks
  from cases c
  join compartments k on k.id = c.compartment_id
  left join users u on u.id = c.assigned_to`;

const toCase = (row: RawCase): CaseRow => ({
  id: row.id,
  code: row.code,
  compartmentId: row.compartment_id,
  compartmentCode: row.compartment_code,
  type: row.type,
  risk: row.risk,
  status: row.status,
  assignedTo: row.assigned_to,
  assignedEmail: row.assigned_email,
  createdBy: row.created_by,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  overdueTasks: row.overdue_tasks,
});

export function casesRepository(db: Queryable) {
  return {
    async nextCode(): Promise<string> {
      const rows = await db.query<{ n: number }>("select nextval('case_code_seq')::int as n");
      return `K-${String(rows[0]!.n).padStart(4, '0')}`;
    },
    async insert(row: {
      id: string;
      code: string;
      compartmentId: string;
      type: CaseType;
      risk: RiskLevel;
      assignedTo: string | null;
      createdBy: string;
    }): Promise<void> {
      await db.query(
        `insert into cases (id, code, compartment_id, type, risk, assigned_to, created_by)
         values ($1, $2, $3, $4, $5, $6, $7)`,
        [row.id, row.code, row.compartmentId, row.type, row.risk, row.assignedTo, row.createdBy],
      );
    },
    async addPerson(caseId: string, personId: string): Promise<void> {
      await db.query('insert into case_persons (case_id, person_id) values ($1, $2) on conflict do nothing', [
        caseId,
        personId,
      ]);
    },
    /**
     * A merge: the cases and consents of `fromPersonId` become `toPersonId`'s (a case that had both
     * keeps one link). Returns how many cases gained the survivor.
     */
    async movePersonLinks(fromPersonId: string, toPersonId: string): Promise<number> {
      const moved = await db.query<{ case_id: string }>(
        `insert into case_persons (case_id, person_id)
         select case_id, $2 from case_persons where person_id = $1
         on conflict do nothing returning case_id`,
        [fromPersonId, toPersonId],
      );
      await db.query('delete from case_persons where person_id = $1', [fromPersonId]);
      await db.query('update case_consents set person_id = $2 where person_id = $1', [
        fromPersonId,
        toPersonId,
      ]);
      return moved.length;
    },
    async personIds(caseId: string): Promise<string[]> {
      const rows = await db.query<{ person_id: string }>(
        'select person_id from case_persons where case_id = $1 order by person_id',
        [caseId],
      );
      return rows.map((row) => row.person_id);
    },
    async findById(id: string): Promise<CaseRow | null> {
      const rows = await db.query<RawCase>(`${SELECT_CASE} where c.id = $1`, [id]);
      return rows[0] ? toCase(rows[0]) : null;
    },
    async findByCode(code: string): Promise<CaseRow | null> {
      const rows = await db.query<RawCase>(`${SELECT_CASE} where c.code = $1`, [code]);
      return rows[0] ? toCase(rows[0]) : null;
    },
    /** Locks the case row for a status change, so two changes cannot both start from one status. */
    async lockStatus(id: string): Promise<CaseStatus | null> {
      const rows = await db.query<{ status: CaseStatus }>(
        'select status from cases where id = $1 for update',
        [id],
      );
      return rows[0]?.status ?? null;
    },
    /** Cases in compartments whose current key `memberId` holds, newest first, filtered. */
    async list(filter: CaseFilter): Promise<CaseRow[]> {
      const where = [
        `exists (select 1 from compartment_members m where m.compartment_id = c.compartment_id
                 and m.key_id = k.current_key_id and m.user_id = $1)`,
      ];
      const params: Array<string> = [filter.memberId];
      const add = (clause: (n: number) => string, value: string) => {
        params.push(value);
        where.push(clause(params.length));
      };
      if (filter.assignedTo) add((n) => `c.assigned_to = $${n}`, filter.assignedTo);
      if (filter.type) add((n) => `c.type = $${n}`, filter.type);
      if (filter.status) add((n) => `c.status = $${n}`, filter.status);
      if (filter.risk) add((n) => `c.risk = $${n}`, filter.risk);
      if (filter.overdueOn)
        add(
          (n) => `exists (select 1 from case_tasks t where t.case_id = c.id and t.done_at is null
                          and t.due_on < $${n}::date)`,
          filter.overdueOn,
        );
      const rows = await db.query<RawCase>(
        `${SELECT_CASE} where ${where.join(' and ')} order by c.created_at desc, c.code desc limit 500`,
        params,
      );
      return rows.map(toCase);
    },
    async update(id: string, change: { status?: CaseStatus; risk?: RiskLevel; assignedTo?: string | null }) {
      await db.query(
        `update cases set status = coalesce($2, status), risk = coalesce($3, risk),
           assigned_to = case when $4 then $5::uuid else assigned_to end, updated_at = now()
         where id = $1`,
        [
          id,
          change.status ?? null,
          change.risk ?? null,
          change.assignedTo !== undefined,
          change.assignedTo ?? null,
        ],
      );
    },
    async insertTransition(row: {
      id: string;
      caseId: string;
      fromStatus: CaseStatus | null;
      toStatus: CaseStatus;
      changedBy: string;
      note: Uint8Array | null;
    }): Promise<void> {
      await db.query(
        `insert into case_transitions (id, case_id, from_status, to_status, changed_by, note)
         values ($1, $2, $3, $4, $5, $6)`,
        [row.id, row.caseId, row.fromStatus, row.toStatus, row.changedBy, row.note],
      );
    },
    async transitions(caseId: string): Promise<TransitionRow[]> {
      const rows = await db.query<{
        id: string;
        from_status: CaseStatus | null;
        to_status: CaseStatus;
        changed_by: string;
        changed_by_email: string;
        changed_at: Date;
        note: Uint8Array | null;
      }>(
        `select t.*, u.email as changed_by_email from case_transitions t join users u on u.id = t.changed_by
         where t.case_id = $1 order by t.changed_at, t.id`,
        [caseId],
      );
      return rows.map((row) => ({
        id: row.id,
        fromStatus: row.from_status,
        toStatus: row.to_status,
        changedBy: row.changed_by,
        changedByEmail: row.changed_by_email,
        changedAt: row.changed_at,
        note: row.note ? toBytes(row.note) : null,
      }));
    },
  };
}
