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

/** A figure a person chose instead of the conservative default, and why (040_act_evidence.sql). */
export interface ChosenFigure {
  victims: number;
  reason: string;
  by: string;
  at: Date;
}

/** "Verified" for one act: a person's judgement, with who, when and why. */
export interface ActVerification {
  by: string;
  at: Date;
  reason: string;
}

/** Coordinates of an act (064_act_geolocation.sql), with ACLED's precision: 1 exact, 2 near, 3 region. */
export interface ActGeolocation {
  latitude: number;
  longitude: number;
  precision: 1 | 2 | 3;
}

export interface ActRecord extends NewAct {
  createdAt: Date;
  geolocation: ActGeolocation | null;
  chosen: ChosenFigure | null;
  verification: ActVerification | null;
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
  victims_chosen: number | null;
  victims_chosen_reason: string | null;
  victims_chosen_by: string | null;
  victims_chosen_at: Date | null;
  verified_by: string | null;
  verified_at: Date | null;
  verified_reason: string | null;
  latitude: number | null;
  longitude: number | null;
  geo_precision: number | null;
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
  geolocation:
    row.latitude !== null && row.longitude !== null
      ? {
          latitude: Number(row.latitude),
          longitude: Number(row.longitude),
          precision: (row.geo_precision ?? 1) as ActGeolocation['precision'],
        }
      : null,
  chosen:
    row.victims_chosen !== null
      ? {
          victims: row.victims_chosen,
          reason: row.victims_chosen_reason ?? '',
          by: row.victims_chosen_by ?? '',
          at: row.victims_chosen_at ?? row.created_at,
        }
      : null,
  verification: row.verified_by
    ? { by: row.verified_by, at: row.verified_at ?? row.created_at, reason: row.verified_reason ?? '' }
    : null,
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

    /** A person's chosen figure (null: back to the conservative default), with their reason. */
    async setChosenFigure(id: string, victims: number | null, reason: string, by: string): Promise<void> {
      await db.query(
        `update acts set victims_chosen = $2,
                victims_chosen_reason = case when $2::int is null then null else $3 end,
                victims_chosen_by = case when $2::int is null then null else $4 end,
                victims_chosen_at = case when $2::int is null then null else now() end
          where id = $1`,
        [id, victims, reason, by],
      );
    },

    async setGeolocation(id: string, geolocation: ActGeolocation | null): Promise<void> {
      await db.query('update acts set latitude = $2, longitude = $3, geo_precision = $4 where id = $1', [
        id,
        geolocation?.latitude ?? null,
        geolocation?.longitude ?? null,
        geolocation?.precision ?? null,
      ]);
    },

    async setVerified(id: string, verification: { by: string; reason: string } | null): Promise<void> {
      await db.query(
        `update acts set verified_by = $2, verified_reason = $3,
                verified_at = case when $2::text is null then null else now() end where id = $1`,
        [id, verification?.by ?? null, verification?.reason ?? null],
      );
    },

    async findById(id: string): Promise<ActRecord | null> {
      const rows = await db.query<ActRow>('select * from acts where id = $1', [id]);
      return rows[0] ? toRecord(rows[0]) : null;
    },
  };
}
