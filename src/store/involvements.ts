/** Who was involved in an act and how: a person by id (never a name) or an organisation (an actor). */
import type { InvolvementRole, PerpetratorDegree, VictimStatus } from '../core/casework.ts';
import type { Queryable } from './db.ts';

export interface InvolvementRow {
  id: string;
  actId: string;
  role: InvolvementRole;
  personId: string | null;
  personCode: string | null;
  actorId: string | null;
  organisation: string | null;
  perpetratorDegree: PerpetratorDegree | null;
  victimStatus: VictimStatus | null;
  createdAt: Date;
  version: number;
  /** Corrected away: kept with its history, counted nowhere. */
  withdrawn: boolean;
}

interface RawRow {
  id: string;
  act_id: string;
  role: InvolvementRole;
  person_id: string | null;
  person_code: string | null;
  actor_id: string | null;
  organisation: string | null;
  perpetrator_degree: PerpetratorDegree | null;
  victim_status: VictimStatus | null;
  created_at: Date;
  version: number;
  withdrawn: boolean;
}

const toRow = (row: RawRow): InvolvementRow => ({
  id: row.id,
  actId: row.act_id,
  role: row.role,
  personId: row.person_id,
  personCode: row.person_code,
  actorId: row.actor_id,
  organisation: row.organisation,
  perpetratorDegree: row.perpetrator_degree,
  victimStatus: row.victim_status,
  createdAt: row.created_at,
  version: row.version,
  withdrawn: row.withdrawn,
});

export function involvementsRepository(db: Queryable) {
  return {
    async insert(row: {
      id: string;
      actId: string;
      role: InvolvementRole;
      personId: string | null;
      actorId: string | null;
      perpetratorDegree: PerpetratorDegree | null;
      victimStatus: VictimStatus | null;
      createdBy: string;
    }): Promise<boolean> {
      const rows = await db.query<{ id: string }>(
        `insert into involvements (id, act_id, role, person_id, actor_id, perpetrator_degree, victim_status, created_by)
         values ($1, $2, $3, $4, $5, $6, $7, $8) on conflict do nothing returning id`,
        [
          row.id,
          row.actId,
          row.role,
          row.personId,
          row.actorId,
          row.perpetratorDegree,
          row.victimStatus,
          row.createdBy,
        ],
      );
      return rows.length === 1;
    },
    /** The incident's involvements; withdrawn ones only when asked (the incident page shows them struck out). */
    async listByIncident(
      incidentId: string,
      options: { withdrawn?: boolean } = {},
    ): Promise<InvolvementRow[]> {
      const rows = await db.query<RawRow>(
        `select i.*, p.code as person_code, a.name as organisation
         from involvements i
         join acts t on t.id = i.act_id
         left join persons p on p.id = i.person_id
         left join actors a on a.id = i.actor_id
         where t.incident_id = $1 and ($2 or not i.withdrawn)
         order by i.act_id, i.withdrawn, i.role, p.code nulls last, a.name`,
        [incidentId, options.withdrawn ?? false],
      );
      return rows.map(toRow);
    },
    async findById(id: string): Promise<InvolvementRow | null> {
      const rows = await db.query<RawRow>(
        `select i.*, p.code as person_code, a.name as organisation
         from involvements i left join persons p on p.id = i.person_id left join actors a on a.id = i.actor_id
         where i.id = $1`,
        [id],
      );
      return rows[0] ? toRow(rows[0]) : null;
    },
    /** Whether the same person or organisation already holds `role` on the act (another, live link). */
    async roleTaken(
      row: Pick<InvolvementRow, 'id' | 'actId' | 'personId' | 'actorId'>,
      role: InvolvementRole,
    ) {
      const rows = await db.query<{ id: string }>(
        `select id from involvements
         where act_id = $1 and role = $2 and not withdrawn and id <> $3
           and (person_id = $4 or actor_id = $5) limit 1`,
        [row.actId, role, row.id, row.personId, row.actorId],
      );
      return rows.length > 0;
    },
    /** Every involvement of a person, withdrawn ones too (a merge moves them all). */
    async listByPerson(personId: string): Promise<InvolvementRow[]> {
      const rows = await db.query<RawRow>(
        `select i.*, p.code as person_code, null as organisation
         from involvements i join persons p on p.id = i.person_id
         where i.person_id = $1 order by i.act_id, i.role`,
        [personId],
      );
      return rows.map(toRow);
    },
    /** A merge: the link now names the surviving record; returns its new version. */
    async movePerson(id: string, personId: string): Promise<number> {
      const rows = await db.query<{ version: number }>(
        'update involvements set person_id = $2, version = version + 1 where id = $1 returning version',
        [id, personId],
      );
      return rows[0]!.version;
    },
    async namedVictims(actId: string): Promise<number> {
      const rows = await db.query<{ n: number }>(
        `select count(*)::int as n from involvements
         where act_id = $1 and role = 'victim' and person_id is not null and not withdrawn`,
        [actId],
      );
      return rows[0]!.n;
    },
    /** Locks the act for a link, so concurrent links count named victims one after another. */
    async lockAct(actId: string): Promise<{ victimsMin: number | null; victimsMax: number | null } | null> {
      const rows = await db.query<{ victims_min: number | null; victims_max: number | null }>(
        'select victims_min, victims_max from acts where id = $1 for update',
        [actId],
      );
      return rows[0] ? { victimsMin: rows[0].victims_min, victimsMax: rows[0].victims_max } : null;
    },
    /** Raises the act's victim count to at least `named` (a bound below it would be a false number). */
    async raiseVictimCount(actId: string, named: number): Promise<void> {
      await db.query(
        `update acts set victims_min = greatest(coalesce(victims_min, 0), $2),
                         victims_max = case when victims_max is null then null else greatest(victims_max, $2) end
         where id = $1`,
        [actId, named],
      );
    },
    async personOnIncident(incidentId: string, personId: string): Promise<boolean> {
      const rows = await db.query<{ n: number }>(
        `select count(*)::int as n from involvements i join acts t on t.id = i.act_id
         where t.incident_id = $1 and i.person_id = $2 and not i.withdrawn`,
        [incidentId, personId],
      );
      return rows[0]!.n > 0;
    },
  };
}
