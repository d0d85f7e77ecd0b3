/**
 * Linkage review (080_linkage_review.sql): lists, runs and the reviewers' labels. Rows hold record
 * references (person codes or a CSV's ids), never a name. Labels are append-only: the newest row of
 * a pair is its label, the older ones its history.
 */
import type { Queryable } from './db.ts';

export type LinkageSource = 'database' | 'csv';
export type LabelDecision = 'match' | 'non-match' | 'unsure';

export interface LinkageListRow {
  id: string;
  name: string;
  source: LinkageSource;
  compartmentId: string | null;
  createdBy: string;
  createdAt: Date;
}

export interface LinkageRunRow {
  id: string;
  listId: string;
  records: number;
  comparisons: number;
  result: unknown;
  createdBy: string;
  createdAt: Date;
}

export interface LabelRow {
  id: string;
  listId: string;
  recordA: string;
  recordB: string;
  decision: LabelDecision | 'cleared';
  runId: string | null;
  labelledBy: string;
  labelledAt: Date;
}

interface RawList {
  id: string;
  name: string;
  source: LinkageSource;
  compartment_id: string | null;
  created_by: string;
  created_at: Date;
}
interface RawRun {
  id: string;
  list_id: string;
  records: number;
  comparisons: number;
  result: unknown;
  created_by: string;
  created_at: Date;
}
interface RawLabel {
  id: string;
  list_id: string;
  record_a: string;
  record_b: string;
  decision: LabelRow['decision'];
  run_id: string | null;
  labelled_by: string;
  labelled_at: Date;
}

const toList = (row: RawList): LinkageListRow => ({
  id: row.id,
  name: row.name,
  source: row.source,
  compartmentId: row.compartment_id,
  createdBy: row.created_by,
  createdAt: row.created_at,
});
const toRun = (row: RawRun): LinkageRunRow => ({
  id: row.id,
  listId: row.list_id,
  records: row.records,
  comparisons: row.comparisons,
  // Unchecked here: services/linkage/storedRun.ts (storedRunOf) parses it where the shape is known.
  result: row.result,
  createdBy: row.created_by,
  createdAt: row.created_at,
});
const toLabel = (row: RawLabel): LabelRow => ({
  id: row.id,
  listId: row.list_id,
  recordA: row.record_a,
  recordB: row.record_b,
  decision: row.decision,
  runId: row.run_id,
  labelledBy: row.labelled_by,
  labelledAt: row.labelled_at,
});

export function linkageRepository(db: Queryable) {
  return {
    async insertList(row: Omit<LinkageListRow, 'createdAt'>): Promise<void> {
      await db.query(
        'insert into linkage_lists (id, name, source, compartment_id, created_by) values ($1, $2, $3, $4, $5)',
        [row.id, row.name, row.source, row.compartmentId, row.createdBy],
      );
    },
    async findList(id: string): Promise<LinkageListRow | null> {
      const rows = await db.query<RawList>('select * from linkage_lists where id = $1', [id]);
      return rows[0] ? toList(rows[0]) : null;
    },
    /** Every list with its newest run (if any), newest first. */
    async lists(): Promise<
      Array<LinkageListRow & { latestRun: { id: string; records: number; createdAt: Date } | null }>
    > {
      const rows = await db.query<
        RawList & { run_id: string | null; run_records: number | null; run_at: Date | null }
      >(
        `select l.*, r.id as run_id, r.records as run_records, r.created_at as run_at
         from linkage_lists l
         left join lateral (
           select id, records, created_at from linkage_runs where list_id = l.id order by created_at desc limit 1
         ) r on true
         order by l.created_at desc`,
      );
      return rows.map((row) => ({
        ...toList(row),
        latestRun:
          row.run_id === null ? null : { id: row.run_id, records: row.run_records!, createdAt: row.run_at! },
      }));
    },
    async insertRun(row: Omit<LinkageRunRow, 'createdAt'>): Promise<void> {
      await db.query(
        `insert into linkage_runs (id, list_id, records, comparisons, result, created_by)
         values ($1, $2, $3, $4, $5::jsonb, $6)`,
        [row.id, row.listId, row.records, row.comparisons, JSON.stringify(row.result), row.createdBy],
      );
    },
    async findRun(id: string): Promise<LinkageRunRow | null> {
      const rows = await db.query<RawRun>('select * from linkage_runs where id = $1', [id]);
      return rows[0] ? toRun(rows[0]) : null;
    },
    /** Locks the list, so labels of one pair are appended one after another. */
    async lockList(id: string): Promise<void> {
      await db.query('select id from linkage_lists where id = $1 for update', [id]);
    },
    async appendLabel(row: Omit<LabelRow, 'labelledAt'>): Promise<LabelRow> {
      const rows = await db.query<RawLabel>(
        `insert into linkage_labels (id, list_id, record_a, record_b, decision, run_id, labelled_by)
         values ($1, $2, $3, $4, $5, $6, $7) returning *`,
        [row.id, row.listId, row.recordA, row.recordB, row.decision, row.runId, row.labelledBy],
      );
      return toLabel(rows[0]!);
    },
    /** The label of every pair of a list (its newest row), 'cleared' pairs left out. */
    async currentLabels(listId: string): Promise<LabelRow[]> {
      const rows = await db.query<RawLabel>(
        `select * from (
           select distinct on (record_a, record_b) * from linkage_labels
           where list_id = $1 order by record_a, record_b, seq desc
         ) newest where decision <> 'cleared' order by labelled_at, record_a, record_b`,
        [listId],
      );
      return rows.map(toLabel);
    },
    /** For each person of a compartment named as a victim: in how many incidents. */
    async victimIncidentCounts(compartmentId: string): Promise<Map<string, number>> {
      const rows = await db.query<{ code: string; n: number }>(
        `select p.code, count(distinct t.incident_id)::int as n
         from involvements i join acts t on t.id = i.act_id join persons p on p.id = i.person_id
         where i.role = 'victim' and not i.withdrawn and p.compartment_id = $1 group by p.code`,
        [compartmentId],
      );
      return new Map(rows.map((row) => [row.code, row.n]));
    },
    /** Every label row of one pair, oldest first: its history. */
    async pairHistory(listId: string, recordA: string, recordB: string): Promise<LabelRow[]> {
      const rows = await db.query<RawLabel>(
        'select * from linkage_labels where list_id = $1 and record_a = $2 and record_b = $3 order by seq',
        [listId, recordA, recordB],
      );
      return rows.map(toLabel);
    },
  };
}
