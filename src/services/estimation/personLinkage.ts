/**
 * Which person records the estimation page counts as one person (docs/analysis.md, "Lists from the
 * database"): the clusters of a database linkage run, re-computed with the reviewers' current labels
 * (services/linkage/currentClusters.ts), turned into person id → cluster for the list SQL. Only record
 * codes, person ids and the run's stored probabilities are read: never a name, no compartment key.
 *
 * Two records of one person entered from two reports would otherwise count as two people, inflating
 * every overlap-based estimate without a sign; so when a reviewed run exists it is the default.
 */
import { z } from 'zod';
import { InvalidInput, NotFound } from '../../core/errors.ts';
import { compartmentsRepository } from '../../store/compartments.ts';
import type { Queryable } from '../../store/db.ts';
import { estimationRepository, type PersonCluster } from '../../store/estimation.ts';
import { type LinkageListRow, type LinkageRunRow, linkageRepository } from '../../store/linkage.ts';
import type { Actor } from '../accounts/actor.ts';
import { currentClusters, unreviewedPairs } from '../linkage/currentClusters.ts';
import { storedRunOf } from '../linkage/storedRun.ts';
import { authorize, can } from '../policies/index.ts';
import type { LinkageRunSummary } from './schemas.ts';

export interface PersonLinkage {
  run: LinkageRunSummary | null;
  /** Person records that share a cluster with another victim record, and that cluster's key. */
  linked: PersonCluster[];
}

const NO_LINKAGE: PersonLinkage = { run: null, linked: [] };

type RunLinkage = PersonLinkage & { run: LinkageRunSummary };

/** A run read for counting: its summary and the person id → cluster of its victims. */
async function readRun(db: Queryable, list: LinkageListRow, row: LinkageRunRow): Promise<RunLinkage> {
  const linkage = linkageRepository(db);
  const stored = storedRunOf(row);
  const labels = await linkage.currentLabels(list.id);
  const { clusters } = currentClusters(stored, labels);
  const compartment = (await compartmentsRepository(db).findById(list.compartmentId!))!;
  const victims = await estimationRepository(db).victimPersons(compartment.id);
  const personOf = new Map(victims.map((victim) => [victim.code, victim.id]));
  const inRun = new Set(stored.records);
  const missing = victims.filter((victim) => !inRun.has(victim.code));
  const linked: PersonCluster[] = [];
  let mergedRecords = 0;
  for (const cluster of clusters) {
    // A record whose person is gone, or who is no victim of an act, is not on any list.
    const persons = cluster.flatMap((i) => personOf.get(stored.records[i]!) ?? []).sort();
    if (persons.length < 2) continue;
    mergedRecords += persons.length;
    // The cluster counts as its first person id: a key no other person has.
    for (const personId of persons) linked.push({ personId, cluster: persons[0]! });
  }
  return {
    run: {
      run: row.id,
      list: list.name,
      compartment: compartment.code,
      createdAt: row.createdAt.toISOString(),
      records: row.records,
      mergedRecords,
      persons: new Set(linked.map((entry) => entry.cluster)).size,
      unreviewed: unreviewedPairs(stored, labels),
      reviewed: labels.length > 0,
      notInRun: missing.length,
      newVictims: missing.filter((victim) => victim.createdAt > row.createdAt).length,
    },
    linked,
  };
}

/** The latest run of each database linkage list, newest first. */
async function latestRuns(db: Queryable): Promise<RunLinkage[]> {
  const linkage = linkageRepository(db);
  const runs: RunLinkage[] = [];
  for (const list of await linkage.lists()) {
    if (list.source !== 'database' || list.latestRun === null) continue;
    const row = await linkage.findRun(list.latestRun.id);
    if (row) runs.push(await readRun(db, list, row));
  }
  return runs.sort((a, b) => b.run.createdAt.localeCompare(a.run.createdAt));
}

/** The runs the page offers, and the one counted by default: the latest reviewed run, if any. */
export async function linkageChoices(
  db: Queryable,
  actor: Actor,
): Promise<{ runs: LinkageRunSummary[]; default: string | null }> {
  if (!can(actor.role, 'linkage.read')) return { runs: [], default: null };
  const runs = (await latestRuns(db)).map((entry) => entry.run);
  return { runs, default: runs.find((run) => run.reviewed)?.run ?? null };
}

/**
 * The run a request counts persons by: the one named, none ('none'), or by default the latest
 * reviewed database run when the actor may see linkage runs. Naming a run needs 'linkage.read'.
 */
export async function personLinkage(
  db: Queryable,
  actor: Actor,
  requested: string | undefined,
): Promise<PersonLinkage> {
  if (requested === 'none') return NO_LINKAGE;
  if (requested === undefined) {
    if (!can(actor.role, 'linkage.read')) return NO_LINKAGE;
    return (await latestRuns(db)).find((entry) => entry.run.reviewed) ?? NO_LINKAGE;
  }
  authorize(actor.role, 'linkage.read');
  if (!z.uuid().safeParse(requested).success)
    throw new InvalidInput('body.lists.linkageRun', "expected a run id or 'none'");
  const linkage = linkageRepository(db);
  const row = await linkage.findRun(requested);
  if (!row) throw new NotFound('linkage run', requested);
  const list = (await linkage.findList(row.listId))!;
  if (list.source !== 'database')
    throw new InvalidInput(
      'body.lists.linkageRun',
      'a run over an uploaded file names no person of the database',
    );
  return readRun(db, list, row);
}
