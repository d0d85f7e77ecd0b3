/**
 * The estimation page's use cases: the lists one may choose, their overlaps, an estimate (the pure
 * engine, analysis/mse/estimatePopulation.ts, with the model the analyst chose), and estimates saved
 * to come back to. Saving stores aggregates only and is audited in its transaction; opening a saved
 * estimate is audited too (who looked at which figure, when).
 */
import { randomUUID } from 'node:crypto';
import type { PopulationEstimate } from '../../analysis/mse/estimatePopulation.ts';
import type { ModelSummary } from '../../analysis/mse/estimateStratum.ts';
import { NotFound } from '../../core/errors.ts';
import { parseStoredJson } from '../../core/validation.ts';
import type { Db, Queryable } from '../../store/db.ts';
import { estimationRepository } from '../../store/estimation.ts';
import type { Actor } from '../accounts/actor.ts';
import { appendAudit } from '../audit/audit.ts';
import { authorize } from '../policies/index.ts';
import { availableLists, type BuiltLists, buildLists, describeLists } from './captureLists.ts';
import { estimateOffThread } from './estimateOffThread.ts';
import { linkageChoices, personLinkage } from './personLinkage.ts';
import {
  ESTIMATE_MODELS,
  type EstimateAnswer,
  EstimateAnswerSchema,
  type EstimateModel,
  type EstimateRequest,
  type EstimateSummary,
  type ListsInput,
  type OverlapsAnswer,
  type SaveEstimateRequest,
} from './schemas.ts';

/** The models the engine runs (analysis/mse): log-linear, LCMCR and dga. */
export const AVAILABLE_MODELS: readonly EstimateModel[] = ESTIMATE_MODELS;

/** How many of the fitted models the answer lists (best first); the count of all is given. */
const SHOWN_MODELS = 10;

export async function listsToChoose(db: Queryable, actor: Actor) {
  authorize(actor.role, 'estimate.run');
  const linkage = await linkageChoices(db, actor);
  // The sizes shown are counted as an estimate would count them by default.
  const counted = await personLinkage(db, actor, linkage.default ?? 'none');
  return {
    lists: await availableLists(db, counted),
    models: ESTIMATE_MODELS.map((model) => ({ model, available: AVAILABLE_MODELS.includes(model) })),
    linkage,
  };
}

/** The capture table of a request, database lists counted by the linkage run it names or the default. */
async function listsOf(db: Queryable, actor: Actor, input: ListsInput): Promise<BuiltLists> {
  const linkage = input.kind === 'database' ? await personLinkage(db, actor, input.linkageRun) : null;
  return buildLists(db, input, linkage ?? { run: null, linked: [] });
}

export async function overlaps(db: Queryable, actor: Actor, input: ListsInput): Promise<OverlapsAnswer> {
  authorize(actor.role, 'estimate.run');
  return describeLists(await listsOf(db, actor, input));
}

export async function runEstimate(
  db: Queryable,
  actor: Actor,
  request: EstimateRequest,
): Promise<EstimateAnswer> {
  authorize(actor.role, 'estimate.run');
  const built = await listsOf(db, actor, request.lists);
  return { overlaps: describeLists(built), result: await estimate(built, request) };
}

async function estimate(built: BuiltLists, request: EstimateRequest): Promise<EstimateSummary> {
  const result = await estimateOffThread(built.table, {
    model: request.model,
    criterion: request.criterion,
    maxOrder: request.maxOrder,
    ...(request.seed === undefined ? {} : { seed: request.seed }),
  });
  return summarise(result, request);
}

const round = (value: number, digits: number): number => Number(value.toFixed(digits));
const interval = (ci: [number, number] | null): [number, number] | null =>
  ci ? [round(ci[0], 2), round(ci[1], 2)] : null;

function modelOf(model: ModelSummary): EstimateSummary['models'][number] {
  return {
    terms: model.terms,
    interactions: model.terms.filter((term) => term.includes(':')),
    estimate: round(model.estimate, 2),
    aic: round(model.aic, 3),
    bic: round(model.bic, 3),
    deviance: round(model.deviance, 3),
    df: model.df,
    status: model.status,
  };
}

function summarise(result: PopulationEstimate, request: EstimateRequest): EstimateSummary {
  return {
    model: request.model,
    criterion: result.criterion,
    maxOrder: result.maxOrder,
    lists: result.lists,
    observed: result.observed,
    estimate: result.estimate === null ? null : round(result.estimate, 2),
    ci95: interval(result.ci95),
    interval: result.interval,
    selected: result.selected ? modelOf(result.selected) : null,
    models: result.models.slice(0, SHOWN_MODELS).map(modelOf),
    modelCount: result.modelCounts.fitted,
    method: result.method,
    posterior: result.posterior
      ? {
          median: round(result.posterior.median, 2),
          mean: round(result.posterior.mean, 2),
          lower: round(result.posterior.lower, 2),
          upper: round(result.posterior.upper, 2),
        }
      : null,
    diagnostics: result.diagnostics
      ? {
          seed: result.diagnostics.seed,
          chains: result.diagnostics.chains,
          effectiveSampleSize: round(result.diagnostics.effectiveSampleSize, 1),
          splitRHat: round(result.diagnostics.splitRHat, 3),
          converged: result.diagnostics.converged,
        }
      : null,
    search: result.search,
    unidentifiableTerms: result.unidentifiableTerms,
    strata: result.strata
      ? result.strata.map((stratum) => ({
          stratum: stratum.stratum,
          observed: stratum.observed,
          estimate: stratum.estimate === null ? null : round(stratum.estimate, 2),
          ci95: interval(stratum.ci95),
          selected: stratum.selected ? modelOf(stratum.selected) : null,
        }))
      : null,
    warnings: result.warnings,
  };
}

export interface SavedEstimate extends EstimateAnswer {
  id: string;
  title: string;
  inputKind: 'database' | 'upload';
  createdBy: string | null;
  createdAt: Date;
}

/** Runs the estimate again on the server (a saved figure is always the engine's) and stores it. */
export async function saveEstimate(
  db: Db,
  actor: Actor,
  request: SaveEstimateRequest,
): Promise<SavedEstimate> {
  authorize(actor.role, 'estimate.save');
  const built = await listsOf(db, actor, request.lists);
  const answer: EstimateAnswer = { overlaps: describeLists(built), result: await estimate(built, request) };
  const id = randomUUID();
  const createdAt = await db.transaction(async (tx) => {
    const at = await estimationRepository(tx).insertSaved({
      id,
      title: request.title,
      inputKind: request.lists.kind,
      lists: answer.overlaps.lists,
      captureTable: {
        lists: built.table.lists,
        strata: built.table.strata.map((stratum) => ({ name: stratum.name, counts: [...stratum.counts] })),
        form: built.form,
      },
      model: request.model,
      criterion: request.criterion,
      maxOrder: request.maxOrder,
      observed: answer.result.observed,
      estimate: answer.result.estimate,
      result: answer,
      createdBy: actor.userId,
    });
    await appendAudit(tx, {
      actor: actor.userId,
      action: 'estimate.save',
      recordType: 'estimate',
      recordId: id,
      // Settings and counts; never a list's content.
      details: {
        input: request.lists.kind,
        lists: answer.overlaps.lists.length,
        model: request.model,
        criterion: request.criterion,
        observed: answer.result.observed,
        // Which clusters counted as one person, so the figure can be traced to its linkage.
        linkageRun: built.linkage?.run ?? null,
      },
    });
    return at;
  });
  return {
    id,
    title: request.title,
    inputKind: request.lists.kind,
    createdBy: actor.email,
    createdAt,
    ...answer,
  };
}

export async function listEstimates(db: Queryable, actor: Actor, page: { limit: number; offset: number }) {
  authorize(actor.role, 'estimate.read');
  const { total, items } = await estimationRepository(db).listSaved(page.limit, page.offset);
  return {
    total,
    limit: page.limit,
    offset: page.offset,
    items: items.map((row) => ({
      id: row.id,
      title: row.title,
      inputKind: row.inputKind,
      lists: Array.isArray(row.lists) ? row.lists.length : 0,
      model: row.model,
      observed: row.observed,
      estimate: row.estimate,
      createdBy: row.createdByEmail,
      createdAt: row.createdAt,
    })),
  };
}

export async function openEstimate(db: Db, actor: Actor, id: string): Promise<SavedEstimate> {
  authorize(actor.role, 'estimate.read');
  return db.transaction(async (tx) => {
    const row = await estimationRepository(tx).findSaved(id);
    if (!row) throw new NotFound('estimate', id);
    await appendAudit(tx, {
      actor: actor.userId,
      action: 'estimate.open',
      recordType: 'estimate',
      recordId: id,
    });
    // Stored by us, but read back through the same shapes the answer promises.
    const stored = parseStoredJson(EstimateAnswerSchema, row.result, 'saved estimate', row.id);
    return {
      id: row.id,
      title: row.title,
      inputKind: row.inputKind,
      createdBy: row.createdByEmail,
      createdAt: row.createdAt,
      overlaps: stored.overlaps,
      result: stored.result,
    };
  });
}
