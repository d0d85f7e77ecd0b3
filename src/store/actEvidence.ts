/**
 * Evidence links: which source passages report an act, each with that source's own figure, date and
 * place as reported (040_act_evidence.sql). An act's range is derived from them, never typed over.
 */

import type { NewAct } from './acts.ts';
import { sourceOriginSql } from './claims.ts';
import type { Queryable } from './db.ts';

/** What one source reports about an act: the same facts an act records, as that source gave them. */
export type ReportedFacts = Pick<
  NewAct,
  | 'victimsMin'
  | 'victimsMax'
  | 'victimGroup'
  | 'placeName'
  | 'country'
  | 'dateFrom'
  | 'dateTo'
  | 'datePrecision'
>;

export interface NewEvidence extends ReportedFacts {
  actId: string;
  sourceId: string;
  start: number;
  end: number;
  linkedBy: string;
}

export interface EvidenceRecord extends NewEvidence {
  linkedAt: Date;
  /** The source's publisher (URL host) or `capture:<id>`: see sourceOriginSql. */
  publisher: string;
  publishedOn: string | null;
  sourceTitle: string | null;
}

interface EvidenceRow {
  act_id: string;
  source_id: string;
  span_start: number;
  span_end: number;
  victims_min: number | null;
  victims_max: number | null;
  victim_group: string | null;
  place_name: string | null;
  country: string | null;
  date_from: string | null;
  date_to: string | null;
  date_precision: string | null;
  linked_by: string;
  linked_at: Date;
  publisher: string;
  published_on: string | null;
  source_title: string | null;
}

export function actEvidenceRepository(db: Queryable) {
  return {
    /** False when this passage of this source already backs the act. */
    async insert(link: NewEvidence): Promise<boolean> {
      const rows = await db.query<{ act_id: string }>(
        `insert into act_evidence (act_id, source_id, span_start, span_end, victims_min, victims_max, victim_group,
           place_name, country, date_from, date_to, date_precision, linked_by)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
         on conflict do nothing returning act_id`,
        [
          link.actId,
          link.sourceId,
          link.start,
          link.end,
          link.victimsMin,
          link.victimsMax,
          link.victimGroup,
          link.placeName,
          link.country,
          link.dateFrom,
          link.dateTo,
          link.datePrecision,
          link.linkedBy,
        ],
      );
      return rows.length === 1;
    },

    async listByIncident(incidentId: string): Promise<EvidenceRecord[]> {
      const rows = await db.query<EvidenceRow>(
        `select e.*, ${sourceOriginSql('s')} as publisher, s.published_on, s.title as source_title
           from act_evidence e join acts a on a.id = e.act_id join sources s on s.id = e.source_id
          where a.incident_id = $1
          order by e.act_id, s.published_on nulls last, e.linked_at, e.source_id, e.span_start`,
        [incidentId],
      );
      return rows.map((row) => ({
        actId: row.act_id,
        sourceId: row.source_id,
        start: row.span_start,
        end: row.span_end,
        victimsMin: row.victims_min,
        victimsMax: row.victims_max,
        victimGroup: row.victim_group,
        placeName: row.place_name,
        country: row.country?.trim() ?? null,
        dateFrom: row.date_from,
        dateTo: row.date_to,
        datePrecision: row.date_precision,
        linkedBy: row.linked_by,
        linkedAt: row.linked_at,
        publisher: row.publisher,
        publishedOn: row.published_on,
        sourceTitle: row.source_title,
      }));
    },

    /**
     * The act's victims become the range its sources give (reconcile.ts); acts whose sources give no
     * figure keep what the reviewer recorded. Call after linking, in the same transaction.
     */
    /** The sources an act rests on. */
    async sourcesOf(actId: string): Promise<string[]> {
      const rows = await db.query<{ source_id: string }>(
        'select distinct source_id from act_evidence where act_id = $1 order by source_id',
        [actId],
      );
      return rows.map((row) => row.source_id);
    },

    async refreshActRange(actId: string): Promise<void> {
      // The same rule as figureRange in analysis/corroboration/reconcile.ts: lowest lower bound; an
      // upper bound only when every source reporting a figure gives one.
      await db.query(
        `with f as (select victims_min, victims_max from act_evidence
                     where act_id = $1 and (victims_min is not null or victims_max is not null))
         update acts set victims_min = (select min(coalesce(victims_min, 0)) from f),
                victims_max = (select case when count(*) = count(victims_max) then max(victims_max) end from f)
          where id = $1 and exists (select 1 from f)`,
        [actId],
      );
    },
  };
}
