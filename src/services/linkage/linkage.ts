/**
 * Linkage review: build a list of victim records (database or uploaded CSV), run record linkage,
 * keep the run (references, model, clusters, pairs to review with each field's contribution), and
 * let reviewers label pairs match / non-match / unsure. Labels belong to the list, keyed by the two
 * records' references in order, so they hold across re-runs; each is a new row (history kept), in
 * one transaction with its audit entry; every view re-computes the clusters with the labels as
 * constraints (labelledClusters.ts). Nothing stored here names a person.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { COLUMN_ROLES } from '../../analysis/linkage/columnRoles.ts';
import { type LinkResult, linkRecords } from '../../analysis/linkage/linkRecords.ts';
import { InvalidInput, NotFound } from '../../core/errors.ts';
import { parseWith } from '../../core/validation.ts';
import { compartmentsRepository } from '../../store/compartments.ts';
import type { Db } from '../../store/db.ts';
import {
  type LabelDecision,
  type LabelRow,
  type LinkageListRow,
  type LinkageRunRow,
  type LinkageSource,
  linkageRepository,
} from '../../store/linkage.ts';
import type { Actor } from '../accounts/actor.ts';
import { appendAudit } from '../audit/audit.ts';
import { resolveCompartment } from '../compartments/compartments.ts';
import { authorize, can } from '../policies/index.ts';
import { currentClusters, orderedPair as ordered } from './currentClusters.ts';
import type { PairExplanation } from './explainPair.ts';
import { csvRecords, personRecords, type RecordsTable } from './records.ts';
import { storedRun, storedRunOf } from './storedRun.ts';

/** An uploaded list: large enough for 100,000 records, small enough to parse in one request. */
export const MAX_CSV_CHARS = 16 * 1024 * 1024;

export const LABEL_DECISIONS = ['match', 'non-match', 'unsure'] as const satisfies readonly LabelDecision[];

export const runRequestSchema = z
  .strictObject({
    /** An existing list to run again; or a name for a new one. */
    list: z.uuid().optional(),
    name: z.string().trim().min(1).max(200).optional(),
    source: z.enum(['database', 'csv']),
    csv: z.string().max(MAX_CSV_CHARS, 'at most 16 MB').optional(),
    compartment: z.string().max(20).optional(),
    idColumn: z.string().max(200).optional(),
    roles: z.record(z.string().max(200), z.enum(COLUMN_ROLES)).optional(),
  })
  .refine((value) => (value.list === undefined) !== (value.name === undefined), {
    message: 'give either an existing list or the name of a new one',
    path: ['list'],
  })
  .refine((value) => (value.source === 'csv') === (value.csv !== undefined), {
    message: 'a CSV list needs the file (csv), a database list none',
    path: ['csv'],
  });
export type RunRequest = z.input<typeof runRequestSchema>;

export const labelRequestSchema = z.strictObject({
  a: z.string().min(1).max(200),
  b: z.string().min(1).max(200),
  /** null clears the label (undo of a first label). */
  decision: z.enum(LABEL_DECISIONS).nullable(),
});
export type LabelRequest = z.input<typeof labelRequestSchema>;

export interface LinkageLabel {
  decision: LabelDecision;
  by: string;
  at: string;
}

export interface LinkagePairView {
  a: string;
  b: string;
  probability: number;
  reason: 'uncertain' | 'chaining';
  explanation: PairExplanation;
  label: LinkageLabel | null;
}

export interface LinkageRunView {
  id: string;
  list: { id: string; name: string; source: LinkageSource; compartment: string | null };
  createdAt: string;
  records: number;
  comparisons: number;
  prior: number;
  threshold: number;
  reviewFloor: number;
  fields: LinkResult['parameters']['fields'];
  pairs: LinkagePairView[];
  clusters: Array<{ members: string[]; changed: boolean }>;
  engineClusters: number;
  conflicts: Array<{ a: string; b: string }>;
  progress: { reviewed: number; total: number };
  /** Whether this role may ask for the names of a database list (membership is checked on asking). */
  mayOpenRecords: boolean;
  warnings: string[];
}

/** The records shown side by side: the uploader's own file, or persons opened for a key holder. */
export interface LinkageRecords {
  columns: string[];
  roles: string[];
  records: Array<{ id: string; values: string[] }>;
}

export async function runLinkage(
  db: Db,
  actor: Actor,
  input: RunRequest,
): Promise<{ run: LinkageRunView; records: LinkageRecords | null }> {
  const request = parseWith(runRequestSchema, input, 'body');
  authorize(actor.role, 'linkage.run');
  const repo = linkageRepository(db);
  let list: LinkageListRow;
  let isNew = false;
  if (request.list !== undefined) {
    const found = await repo.findList(request.list);
    if (!found) throw new NotFound('linkage list', request.list);
    if (found.source !== request.source)
      throw new InvalidInput('source', `list ${found.name} is a ${found.source} list`);
    list = found;
  } else {
    const compartment =
      request.source === 'database' ? await resolveCompartment(db, request.compartment) : null;
    list = {
      id: randomUUID(),
      name: request.name!,
      source: request.source,
      compartmentId: compartment?.id ?? null,
      createdBy: actor.userId,
      createdAt: new Date(),
    };
    isNew = true;
  }
  const runId = randomUUID();
  let table: RecordsTable;
  if (list.source === 'database') {
    const compartment = (await compartmentsRepository(db).findById(list.compartmentId!))!;
    table = await personRecords(db, actor, compartment, { recordType: 'linkage_run', recordId: runId });
  } else {
    table = csvRecords(request.csv!, {
      ...(request.idColumn === undefined ? {} : { idColumn: request.idColumn }),
      ...(request.roles === undefined ? {} : { roles: request.roles }),
    });
  }
  if (table.records.length < 2) throw new InvalidInput('records', 'a list needs at least two records');
  const result = linkRecords(table);
  const stored = storedRun(table, result);

  await db.transaction(async (tx) => {
    const inTx = linkageRepository(tx);
    if (isNew) await inTx.insertList(list);
    await inTx.insertRun({
      id: runId,
      listId: list.id,
      records: result.records,
      comparisons: result.comparisons,
      result: stored,
      createdBy: actor.userId,
    });
    await appendAudit(tx, {
      actor: actor.userId,
      action: 'linkage.run',
      recordType: 'linkage_list',
      recordId: list.id,
      details: {
        run: runId,
        source: list.source,
        records: result.records,
        pairs: stored.review.length,
        clusters: stored.clusters.length,
      },
    });
  });
  const run = (await repo.findRun(runId))!;
  const view = await runView(db, actor, list, run);
  return { run: view, records: list.source === 'csv' ? shownRecords(table, view) : null };
}

async function runView(
  db: Db,
  actor: Actor,
  list: LinkageListRow,
  run: LinkageRunRow,
): Promise<LinkageRunView> {
  const stored = storedRunOf(run);
  const labels = await linkageRepository(db).currentLabels(list.id);
  const labelOf = new Map(labels.map((label) => [`${label.recordA}\u0000${label.recordB}`, label]));
  const labelFor = (a: string, b: string): LabelRow | undefined => {
    const [x, y] = ordered(a, b);
    return labelOf.get(`${x}\u0000${y}`);
  };
  const { clusters, conflicts } = currentClusters(stored, labels);
  const engine = new Set(stored.clusters.map((cluster) => cluster.join(',')));
  const id = (i: number) => stored.records[i]!;
  const compartment =
    list.compartmentId === null ? null : await compartmentsRepository(db).findById(list.compartmentId);
  const pairs = stored.review.map((pair): LinkagePairView => {
    const label = labelFor(id(pair.a), id(pair.b));
    return {
      a: id(pair.a),
      b: id(pair.b),
      probability: pair.probability,
      reason: pair.reason,
      explanation: pair.explanation,
      label:
        label && label.decision !== 'cleared'
          ? { decision: label.decision, by: label.labelledBy, at: label.labelledAt.toISOString() }
          : null,
    };
  });
  return {
    id: run.id,
    list: { id: list.id, name: list.name, source: list.source, compartment: compartment?.code ?? null },
    createdAt: run.createdAt.toISOString(),
    records: run.records,
    comparisons: run.comparisons,
    prior: stored.prior,
    threshold: stored.threshold,
    reviewFloor: stored.reviewFloor,
    fields: stored.fields,
    pairs,
    clusters: clusters.map((cluster) => ({
      members: cluster.map(id),
      changed: !engine.has(cluster.join(',')),
    })),
    engineClusters: stored.clusters.length,
    conflicts: conflicts.map(([a, b]) => ({ a: id(a), b: id(b) })),
    progress: { reviewed: pairs.filter((pair) => pair.label !== null).length, total: pairs.length },
    mayOpenRecords: list.source === 'database' && can(actor.role, 'person.read'),
    warnings: stored.warnings,
  };
}

/** The records a view shows: those in a pair to review or a cluster. */
function shownRecords(table: RecordsTable, view: LinkageRunView): LinkageRecords {
  const shown = new Set<string>();
  for (const pair of view.pairs) shown.add(pair.a).add(pair.b);
  for (const cluster of view.clusters) for (const member of cluster.members) shown.add(member);
  return {
    columns: table.columns,
    roles: table.roles,
    records: table.records.filter((record) => shown.has(record.id)),
  };
}

async function loadRun(db: Db, runId: string): Promise<{ list: LinkageListRow; run: LinkageRunRow }> {
  if (!z.uuid().safeParse(runId).success) throw new InvalidInput('run', 'expected a run id');
  const repo = linkageRepository(db);
  const run = await repo.findRun(runId);
  if (!run) throw new NotFound('linkage run', runId);
  return { run, list: (await repo.findList(run.listId))! };
}

export async function showLinkageRun(db: Db, actor: Actor, runId: string): Promise<LinkageRunView> {
  authorize(actor.role, 'linkage.read');
  const { list, run } = await loadRun(db, runId);
  return runView(db, actor, list, run);
}

export interface LinkageListView {
  id: string;
  name: string;
  source: LinkageSource;
  createdAt: string;
  latestRun: { id: string; records: number; createdAt: string } | null;
}

export async function listLinkageLists(db: Db, actor: Actor): Promise<LinkageListView[]> {
  authorize(actor.role, 'linkage.read');
  const rows = await linkageRepository(db).lists();
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    source: row.source,
    createdAt: row.createdAt.toISOString(),
    latestRun: row.latestRun ? { ...row.latestRun, createdAt: row.latestRun.createdAt.toISOString() } : null,
  }));
}

/**
 * Labels a pair of the run's records (or clears its label), in one transaction with its audit entry;
 * the earlier label stays as history. Returns the run with the clusters re-computed.
 */
export async function labelPair(
  db: Db,
  actor: Actor,
  runId: string,
  input: LabelRequest,
): Promise<LinkageRunView> {
  const request = parseWith(labelRequestSchema, input, 'body');
  authorize(actor.role, 'linkage.label');
  const { list, run } = await loadRun(db, runId);
  const stored = storedRunOf(run);
  const known = new Set(stored.records);
  for (const side of ['a', 'b'] as const) {
    if (!known.has(request[side])) throw new InvalidInput(side, 'is not a record of this run');
  }
  if (request.a === request.b) throw new InvalidInput('b', 'a record cannot be paired with itself');
  const [recordA, recordB] = ordered(request.a, request.b);
  await db.transaction(async (tx) => {
    const repo = linkageRepository(tx);
    await repo.lockList(list.id);
    const previous = (await repo.pairHistory(list.id, recordA, recordB)).at(-1)?.decision ?? null;
    const decision = request.decision ?? 'cleared';
    const label = await repo.appendLabel({
      id: randomUUID(),
      listId: list.id,
      recordA,
      recordB,
      decision,
      runId: run.id,
      labelledBy: actor.userId,
    });
    // The pair's references stay in the label row: the audit entry names the label, not the records.
    await appendAudit(tx, {
      actor: actor.userId,
      action: 'linkage.label',
      recordType: 'linkage_label',
      recordId: label.id,
      details: { list: list.id, run: run.id, decision, previous },
    });
  });
  return runView(db, actor, list, run);
}

/** Every label a pair has had, oldest first. */
export async function labelHistory(
  db: Db,
  actor: Actor,
  runId: string,
  a: string,
  b: string,
): Promise<Array<{ decision: LabelDecision | 'cleared'; by: string; at: string }>> {
  authorize(actor.role, 'linkage.read');
  const { list } = await loadRun(db, runId);
  const [recordA, recordB] = ordered(a, b);
  const rows = await linkageRepository(db).pairHistory(list.id, recordA, recordB);
  return rows.map((row) => ({
    decision: row.decision,
    by: row.labelledBy,
    at: row.labelledAt.toISOString(),
  }));
}

/**
 * The names and fields of a database run's records in pairs and clusters, for a member whose role may
 * read persons (audited as one person.read). An uploaded file is not kept, so a CSV run has none.
 */
export async function openRunRecords(db: Db, actor: Actor, runId: string): Promise<LinkageRecords> {
  authorize(actor.role, 'linkage.read');
  const { list, run } = await loadRun(db, runId);
  if (list.source !== 'database') {
    throw new InvalidInput('run', 'an uploaded file is not kept: choose it again to see its records');
  }
  const view = await runView(db, actor, list, run);
  const codes = new Set<string>();
  for (const pair of view.pairs) codes.add(pair.a).add(pair.b);
  for (const cluster of view.clusters) for (const member of cluster.members) codes.add(member);
  const compartment = (await compartmentsRepository(db).findById(list.compartmentId!))!;
  const table = await personRecords(db, actor, compartment, { recordType: 'linkage_run', recordId: run.id }, [
    ...codes,
  ]);
  return { columns: table.columns, roles: table.roles, records: table.records };
}
