/**
 * What the estimation page reads from the database (docs/analysis.md, "Lists from the database"):
 * which named victims each source, publisher or organisation reported, as victim keys only (never a
 * name: persons stay sealed), and the saved estimates (migration 082).
 *
 * A source *reports* an act when it is evidence for it (`act_evidence`), or, for an act with no
 * evidence link at all (an imported row), when its incident lists the source (`incident_sources`).
 * A publisher is a source origin with a web address (its domain, as for independence:
 * `sourceOriginSql`). An organisation is an actor recorded as the `source` of an act (ESF
 * involvement role). A named victim is an involvement with role `victim` and a person.
 */
import { sourceOriginSql } from './claims.ts';
import type { Queryable } from './db.ts';

export const LIST_KINDS = ['source', 'publisher', 'organisation'] as const;
export type ListKind = (typeof LIST_KINDS)[number];

/**
 * Two records of the same person, linked by a linkage run (services/estimation/personLinkage.ts):
 * each record's person id and the key of its cluster, so the pair counts once.
 */
export interface PersonCluster {
  personId: string;
  cluster: string;
}

/**
 * One person, once: a linked record counts as its cluster, any other (not linked, not in the run,
 * recorded after it) by its own person id. The clusters arrive as a JSON parameter (`linkedParam`),
 * computed from a linkage run and its labels by the service; no name is read here.
 */
const VICTIM_KEY = 'coalesce(l.cluster, v.person_id::text)';

const victims = (linkedParam: string) => `linked as (
  select m.person_id, m.cluster from jsonb_to_recordset(${linkedParam}::jsonb) as m(person_id uuid, cluster text)
), victims as (
  select distinct v.act_id, ${VICTIM_KEY} as victim
    from involvements v left join linked l on l.person_id = v.person_id
   where v.role = 'victim' and v.person_id is not null and not v.withdrawn
)`;

const ACT_REPORTS = `act_reports as (
  select e.act_id, e.source_id from act_evidence e
  union
  select a.id as act_id, l.source_id
    from acts a join incident_sources l on l.incident_id = a.incident_id
   where not exists (select 1 from act_evidence e where e.act_id = a.id)
)`;

const linkedJson = (linked: readonly PersonCluster[]) =>
  JSON.stringify(linked.map((entry) => ({ person_id: entry.personId, cluster: entry.cluster })));

export interface AvailableList {
  kind: ListKind;
  ref: string;
  /** Title, domain or organisation name; null for a sealed source (its title is sealed). */
  label: string | null;
  sealed: boolean;
  victims: number;
}

export interface SavedEstimateRow {
  id: string;
  title: string;
  inputKind: 'database' | 'upload';
  lists: unknown;
  captureTable: unknown;
  model: string;
  criterion: 'aic' | 'bic';
  maxOrder: number;
  observed: number;
  estimate: number | null;
  result: unknown;
  createdBy: string;
  createdByEmail: string | null;
  createdAt: Date;
}

interface SavedRaw {
  id: string;
  title: string;
  input_kind: 'database' | 'upload';
  lists: unknown;
  capture_table: unknown;
  model: string;
  criterion: 'aic' | 'bic';
  max_order: number;
  observed: number;
  estimate: number | null;
  result: unknown;
  created_by: string;
  created_by_email: string | null;
  created_at: Date;
}

const toSaved = (row: SavedRaw): SavedEstimateRow => ({
  id: row.id,
  title: row.title,
  inputKind: row.input_kind,
  lists: row.lists,
  captureTable: row.capture_table,
  model: row.model,
  criterion: row.criterion,
  maxOrder: Number(row.max_order),
  observed: Number(row.observed),
  estimate: row.estimate === null ? null : Number(row.estimate),
  result: row.result,
  createdBy: row.created_by,
  createdByEmail: row.created_by_email,
  createdAt: row.created_at,
});

export function estimationRepository(db: Queryable) {
  return {
    /** Every source, publisher and organisation that reported at least one named victim. */
    async availableLists(limit: number, linked: readonly PersonCluster[] = []): Promise<AvailableList[]> {
      const rows = await db.query<{
        kind: ListKind;
        ref: string;
        label: string | null;
        sealed: boolean;
        victims: number;
      }>(
        `with ${ACT_REPORTS}, ${victims('$2')}
         select * from (
           select 'source' as kind, s.id::text as ref,
                  case when s.compartment_id is null then coalesce(s.title, s.file_name) end as label,
                  s.compartment_id is not null as sealed, count(distinct v.victim)::int as victims
             from act_reports r join sources s on s.id = r.source_id join victims v on v.act_id = r.act_id
            group by s.id
           union all
           select 'publisher', o.origin, o.origin, false, count(distinct v.victim)::int
             from (select r.act_id, ${sourceOriginSql('s')} as origin
                     from act_reports r join sources s on s.id = r.source_id
                    where s.url is not null) o
             join victims v on v.act_id = o.act_id
            group by o.origin
           union all
           select 'organisation', a.id::text, a.name, false, count(distinct v.victim)::int
             from involvements i join actors a on a.id = i.actor_id join victims v on v.act_id = i.act_id
            where i.role = 'source' and not i.withdrawn
            group by a.id, a.name
         ) lists
         order by victims desc, kind, label nulls last, ref
         limit $1`,
        [limit, linkedJson(linked)],
      );
      return rows.map((row) => ({ ...row, victims: Number(row.victims) }));
    },

    /** The victim keys on one list; `exists` is false when the list names nothing in the database. */
    async members(
      kind: ListKind,
      ref: string,
      linked: readonly PersonCluster[] = [],
    ): Promise<{ exists: boolean; victims: string[] }> {
      const select = {
        source: {
          exists: 'select 1 as found from sources where id::text = $1',
          members: `select distinct v.victim from act_reports r join victims v on v.act_id = r.act_id
                     where r.source_id::text = $1`,
        },
        publisher: {
          exists: `select 1 as found from sources s where s.url is not null and ${sourceOriginSql('s')} = $1 limit 1`,
          members: `select distinct v.victim from act_reports r join sources s on s.id = r.source_id
                      join victims v on v.act_id = r.act_id
                     where s.url is not null and ${sourceOriginSql('s')} = $1`,
        },
        organisation: {
          exists: 'select 1 as found from actors where id::text = $1',
          members: `select distinct v.victim from involvements i join victims v on v.act_id = i.act_id
                     where i.role = 'source' and not i.withdrawn and i.actor_id::text = $1`,
        },
      }[kind];
      const found = await db.query<{ found: number }>(select.exists, [ref]);
      if (found.length === 0) return { exists: false, victims: [] };
      const rows = await db.query<{ victim: string }>(
        `with ${ACT_REPORTS}, ${victims('$2')} ${select.members}`,
        [ref, linkedJson(linked)],
      );
      return { exists: true, victims: rows.map((row) => row.victim) };
    },

    /** The persons of a compartment named as victims of an act: id, code and when (never a name). */
    async victimPersons(
      compartmentId: string,
    ): Promise<Array<{ id: string; code: string; createdAt: Date }>> {
      const rows = await db.query<{ id: string; code: string; created_at: Date }>(
        `select distinct p.id::text as id, p.code, p.created_at
           from involvements i join persons p on p.id = i.person_id
          where i.role = 'victim' and not i.withdrawn and p.compartment_id = $1`,
        [compartmentId],
      );
      return rows.map((row) => ({ id: row.id, code: row.code, createdAt: new Date(row.created_at) }));
    },

    async insertSaved(row: Omit<SavedEstimateRow, 'createdAt' | 'createdByEmail'>): Promise<Date> {
      const rows = await db.query<{ created_at: Date }>(
        `insert into saved_estimates (id, title, input_kind, lists, capture_table, model, criterion, max_order,
                                      observed, estimate, result, created_by)
         values ($1, $2, $3, $4::jsonb, $5::jsonb, $6, $7, $8, $9, $10, $11::jsonb, $12)
         returning created_at`,
        [
          row.id,
          row.title,
          row.inputKind,
          JSON.stringify(row.lists),
          JSON.stringify(row.captureTable),
          row.model,
          row.criterion,
          row.maxOrder,
          row.observed,
          row.estimate,
          JSON.stringify(row.result),
          row.createdBy,
        ],
      );
      return rows[0]!.created_at;
    },

    async listSaved(limit: number, offset: number): Promise<{ total: number; items: SavedEstimateRow[] }> {
      const [count] = await db.query<{ n: number }>('select count(*)::int as n from saved_estimates');
      const rows = await db.query<SavedRaw>(
        `select e.*, u.email as created_by_email
           from saved_estimates e left join users u on u.id = e.created_by
          order by e.created_at desc, e.id
          limit $1 offset $2`,
        [limit, offset],
      );
      return { total: Number(count!.n), items: rows.map(toSaved) };
    },

    async findSaved(id: string): Promise<SavedEstimateRow | null> {
      const rows = await db.query<SavedRaw>(
        `select e.*, u.email as created_by_email
           from saved_estimates e left join users u on u.id = e.created_by
          where e.id = $1`,
        [id],
      );
      return rows[0] ? toSaved(rows[0]) : null;
    },
  };
}
