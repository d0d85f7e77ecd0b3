/** Interventions: what was done in response (investigation, evacuation, asylum, petition…), by whom. */
import type { InterventionType } from '../core/vocabulary.ts';
import type { Provenance } from './acts.ts';
import type { Queryable } from './db.ts';

export interface NewIntervention {
  id: string;
  incidentId: string;
  type: InterventionType;
  actorId: string | null;
  description: string;
  dateFrom: string | null;
  outcome: string | null;
  sourceId: string | null;
  spanStart: number | null;
  spanEnd: number | null;
  provenance: Provenance | null;
}

export interface InterventionRecord extends NewIntervention {
  actorName: string | null;
}

interface InterventionRow {
  id: string;
  incident_id: string;
  type: InterventionType;
  actor_id: string | null;
  actor_name: string | null;
  description: string;
  date_from: string | null;
  outcome: string | null;
  source_id: string | null;
  span_start: number | null;
  span_end: number | null;
  provenance: Provenance | null;
}

export function interventionsRepository(db: Queryable) {
  return {
    async insert(intervention: NewIntervention): Promise<void> {
      await db.query(
        `insert into interventions (id, incident_id, type, actor_id, description, date_from, outcome, source_id,
           span_start, span_end, provenance)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::jsonb)`,
        [
          intervention.id,
          intervention.incidentId,
          intervention.type,
          intervention.actorId,
          intervention.description,
          intervention.dateFrom,
          intervention.outcome,
          intervention.sourceId,
          intervention.spanStart,
          intervention.spanEnd,
          intervention.provenance ? JSON.stringify(intervention.provenance) : null,
        ],
      );
    },

    async listByIncident(incidentId: string): Promise<InterventionRecord[]> {
      const rows = await db.query<InterventionRow>(
        `select i.*, a.name as actor_name
           from interventions i
           left join actors a on a.id = i.actor_id
          where i.incident_id = $1
          order by i.date_from nulls last, i.created_at, i.id`,
        [incidentId],
      );
      return rows.map((row) => ({
        id: row.id,
        incidentId: row.incident_id,
        type: row.type,
        actorId: row.actor_id,
        actorName: row.actor_name,
        description: row.description,
        dateFrom: row.date_from,
        outcome: row.outcome,
        sourceId: row.source_id,
        spanStart: row.span_start,
        spanEnd: row.span_end,
        provenance: row.provenance,
      }));
    },
  };
}
