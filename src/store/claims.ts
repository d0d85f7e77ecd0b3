/** Claims: a statement attributed to an actor, tied to the exact source span it comes from. */
import type { ClaimStance } from '../core/vocabulary.ts';
import type { Provenance } from './acts.ts';
import type { Queryable } from './db.ts';

export interface NewClaim {
  id: string;
  incidentId: string;
  actId: string | null;
  sourceId: string;
  actorId: string | null;
  stance: ClaimStance;
  text: string;
  spanStart: number;
  spanEnd: number;
  provenance: Provenance | null;
}

/** A claim with what the evidence view needs about its source and actor. */
export interface ClaimWithSource extends NewClaim {
  actorName: string | null;
  actorKind: string | null;
  sourceTitle: string | null;
  sourceUrl: string | null;
  /** The source's independence key: publisher domain, or `capture:<id>` (see sourceOriginSql). */
  sourceOrigin: string;
}

/**
 * A source's origin, for deciding independence: the host of its URL without `www.`, or, for a
 * source without a URL (testimony, upload, paste), the capture itself. Two articles on one
 * publisher's site are one origin; two testimonies are two.
 */
export const sourceOriginSql = (alias: string) =>
  `coalesce(regexp_replace(substring(lower(${alias}.url) from '^[a-z][a-z0-9+.-]*://(?:[^@/]*@)?([^/:?#]+)'), '^www\\.', ''), 'capture:' || ${alias}.id::text)`;

interface ClaimRow {
  id: string;
  incident_id: string;
  act_id: string | null;
  source_id: string;
  actor_id: string | null;
  stance: ClaimStance;
  text: string;
  span_start: number;
  span_end: number;
  provenance: Provenance | null;
  actor_name: string | null;
  actor_kind: string | null;
  source_title: string | null;
  source_url: string | null;
  source_origin: string;
}

export function claimsRepository(db: Queryable) {
  return {
    async insert(claim: NewClaim): Promise<void> {
      await db.query(
        `insert into claims (id, incident_id, act_id, source_id, actor_id, stance, text, span_start, span_end, provenance)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10::jsonb)`,
        [
          claim.id,
          claim.incidentId,
          claim.actId,
          claim.sourceId,
          claim.actorId,
          claim.stance,
          claim.text,
          claim.spanStart,
          claim.spanEnd,
          claim.provenance ? JSON.stringify(claim.provenance) : null,
        ],
      );
    },

    async listByIncident(incidentId: string): Promise<ClaimWithSource[]> {
      const rows = await db.query<ClaimRow>(
        `select c.*, a.name as actor_name, a.kind as actor_kind, s.title as source_title, s.url as source_url,
                ${sourceOriginSql('s')} as source_origin
           from claims c
           join sources s on s.id = c.source_id
           left join actors a on a.id = c.actor_id
          where c.incident_id = $1
          order by c.stance, s.published_on nulls last, c.created_at, c.id`,
        [incidentId],
      );
      return rows.map((row) => ({
        id: row.id,
        incidentId: row.incident_id,
        actId: row.act_id,
        sourceId: row.source_id,
        actorId: row.actor_id,
        stance: row.stance,
        text: row.text,
        spanStart: row.span_start,
        spanEnd: row.span_end,
        provenance: row.provenance,
        actorName: row.actor_name,
        actorKind: row.actor_kind,
        sourceTitle: row.source_title,
        sourceUrl: row.source_url,
        sourceOrigin: row.source_origin,
      }));
    },
  };
}
