/** Acts: one violation inside an incident, with victims, place, date, perpetrators and provenance. */
import type { Queryable } from './db.ts';

/** Where a confirmed suggestion came from and who confirmed it (see 001_foundation.sql). */
export interface Provenance {
  sourceId: string;
  start: number;
  end: number;
  confirmedBy: string;
  confirmedAt: string;
  /** The person changed the suggestion before accepting it. */
  edited: boolean;
}

export interface Perpetrator {
  name: string;
  actorId: string | null;
}

export interface NewAct {
  id: string;
  incidentId: string;
  type: string;
  victimsMin: number | null;
  victimsMax: number | null;
  victimGroup: string | null;
  placeName: string | null;
  country: string | null;
  dateFrom: string | null;
  dateTo: string | null;
  datePrecision: string | null;
  perpetrators: Perpetrator[];
  provenance: Provenance | null;
}

export interface ActRecord extends NewAct {
  createdAt: Date;
}

interface ActRow {
  id: string;
  incident_id: string;
  type: string;
  victims_min: number | null;
  victims_max: number | null;
  victim_group: string | null;
  place_name: string | null;
  country: string | null;
  date_from: string | null;
  date_to: string | null;
  date_precision: string | null;
  perpetrators: Perpetrator[];
  provenance: Provenance | null;
  created_at: Date;
}

const toRecord = (row: ActRow): ActRecord => ({
  id: row.id,
  incidentId: row.incident_id,
  type: row.type,
  victimsMin: row.victims_min,
  victimsMax: row.victims_max,
  victimGroup: row.victim_group,
  placeName: row.place_name,
  country: row.country?.trim() ?? null,
  dateFrom: row.date_from,
  dateTo: row.date_to,
  datePrecision: row.date_precision,
  perpetrators: row.perpetrators,
  provenance: row.provenance,
  createdAt: row.created_at,
});

export function actsRepository(db: Queryable) {
  return {
    async insert(act: NewAct): Promise<void> {
      await db.query(
        `insert into acts (id, incident_id, type, victims_min, victims_max, victim_group, place_name, country,
           date_from, date_to, date_precision, perpetrators, provenance)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12::jsonb, $13::jsonb)`,
        [
          act.id,
          act.incidentId,
          act.type,
          act.victimsMin,
          act.victimsMax,
          act.victimGroup,
          act.placeName,
          act.country,
          act.dateFrom,
          act.dateTo,
          act.datePrecision,
          JSON.stringify(act.perpetrators),
          act.provenance ? JSON.stringify(act.provenance) : null,
        ],
      );
    },

    async listByIncident(incidentId: string): Promise<ActRecord[]> {
      const rows = await db.query<ActRow>(
        'select * from acts where incident_id = $1 order by date_from nulls last, created_at, id',
        [incidentId],
      );
      return rows.map(toRecord);
    },

    async findById(id: string): Promise<ActRecord | null> {
      const rows = await db.query<ActRow>('select * from acts where id = $1', [id]);
      return rows[0] ? toRecord(rows[0]) : null;
    },
  };
}
