/**
 * Review: a person goes through a source's suggestions and turns the ones they accept into records —
 * acts (each with an `asserts` claim of the source, which is what corroboration counts), claims and
 * interventions — in a new incident or merged into an existing one. All of it, and the review row
 * that takes the source off the queue, happens in ONE transaction: a failure leaves no half-built
 * incident and the source stays in the queue. Every record keeps its provenance (source, span, who
 * confirmed, when, whether edited).
 */
import { randomUUID } from 'node:crypto';
import { Conflict, InvalidInput, NotFound } from '../core/errors.ts';
import type { EventSuggestion } from '../core/suggestions.ts';
import { EVENT_TYPE_LABELS, type EventType, LOCALES, type Locale } from '../core/vocabulary.ts';
import { actorsRepository } from '../store/actors.ts';
import { actsRepository, type NewAct, type Provenance } from '../store/acts.ts';
import { claimsRepository } from '../store/claims.ts';
import type { Db, Queryable } from '../store/db.ts';
import { incidentsRepository } from '../store/incidents.ts';
import { interventionsRepository } from '../store/interventions.ts';
import { reviewsRepository } from '../store/reviews.ts';
import { type SourceRecord, sourcesRepository } from '../store/sources.ts';
import { appendAudit } from './audit.ts';
import type { Page } from './incidents.ts';
import { guessActorKind } from './reviewActors.ts';
import { checkCoverage, type EventEdit, type ReviewRequest } from './reviewDecisions.ts';
import { getSource } from './reviewSources.ts';

export interface ReviewResult {
  incidentId: string | null;
  acts: string[];
  claims: string[];
  interventions: string[];
}

export function reviewQueue(db: Queryable, page: Page) {
  return reviewsRepository(db).queue(page);
}

/** A source to review, with existing incidents it may belong to (to offer "merge into"). */
export async function getReview(db: Queryable, sourceId: string) {
  const { source, review } = await getSource(db, sourceId);
  const events = source.suggestions.events;
  const dates = events
    .flatMap((event) => [event.date?.from, event.date?.to])
    .filter((d): d is string => typeof d === 'string')
    .sort();
  const candidates = await incidentsRepository(db).candidates(
    {
      countries: [...new Set(events.map((event) => event.place?.country).filter((c): c is string => !!c))],
      types: [...new Set(events.map((event) => event.type))],
      from: dates[0] ?? null,
      to: dates.at(-1) ?? null,
    },
    10,
  );
  return { source, review, candidates };
}

export async function applyReview(
  db: Db,
  sourceId: string,
  reviewer: string,
  request: ReviewRequest,
): Promise<ReviewResult> {
  const source = await sourcesRepository(db).findById(sourceId);
  if (!source) throw new NotFound('source', sourceId);
  checkCoverage(request, source.suggestions);
  const confirmedAt = new Date().toISOString();
  const provenance = (span: { start: number; end: number }, edited: boolean): Provenance => ({
    sourceId,
    start: span.start,
    end: span.end,
    confirmedBy: reviewer,
    confirmedAt,
    edited,
  });

  return db.transaction(async (tx) => {
    const result: ReviewResult = { incidentId: null, acts: [], claims: [], interventions: [] };
    if (request.incident) {
      const incidents = incidentsRepository(tx);
      const actors = actorsRepository(tx);
      const incidentId = await targetIncident(tx, request, source, reviewer);
      result.incidentId = incidentId;
      await incidents.addSource(incidentId, sourceId);
      const actIdByEventIndex = new Map<number, string>();

      for (const decision of request.events) {
        if (decision.decision === 'reject') continue;
        const suggestion = source.suggestions.events[decision.index]!;
        const edit = decision.decision === 'edit' ? decision.edit : {};
        let actId = decision.sameAsActId;
        if (actId) {
          const existing = await actsRepository(tx).findById(actId);
          if (existing?.incidentId !== incidentId) {
            throw new InvalidInput(
              `events[${decision.index}].sameAsActId`,
              'not an act of the incident merged into',
            );
          }
        } else {
          actId = randomUUID();
          const act = await actFrom(
            suggestion,
            edit,
            { id: actId, incidentId, provenance: provenance(suggestion, decision.decision === 'edit') },
            (name) => actors.idForName(name, guessActorKind(name)),
          );
          await actsRepository(tx).insert(act);
          result.acts.push(actId);
        }
        actIdByEventIndex.set(decision.index, actId);
        // The source reporting the act is itself a claim that it happened: what corroboration counts.
        const reporter = suggestion.reportedBy[0]?.name;
        const claimId = randomUUID();
        await claimsRepository(tx).insert({
          id: claimId,
          incidentId,
          actId,
          sourceId,
          actorId: reporter ? await actors.idForName(reporter, guessActorKind(reporter)) : null,
          stance: 'asserts',
          text: source.text.slice(suggestion.start, suggestion.end),
          spanStart: suggestion.start,
          spanEnd: suggestion.end,
          provenance: provenance(suggestion, decision.decision === 'edit'),
        });
        result.claims.push(claimId);
      }

      for (const decision of request.claims) {
        if (decision.decision === 'reject') continue;
        const suggestion = source.suggestions.claims[decision.index]!;
        const edit = decision.decision === 'edit' ? decision.edit : {};
        const actorName = edit.actor === undefined ? (suggestion.actor?.name ?? null) : edit.actor;
        let actId: string | null = null;
        if (edit.actIndex !== undefined && edit.actIndex !== null)
          actId = actIdByEventIndex.get(edit.actIndex) ?? null;
        else if (edit.actId) {
          const existing = await actsRepository(tx).findById(edit.actId);
          if (existing?.incidentId !== incidentId)
            throw new InvalidInput(`claims[${decision.index}].edit.actId`, 'not an act of this incident');
          actId = edit.actId;
        }
        const claimId = randomUUID();
        await claimsRepository(tx).insert({
          id: claimId,
          incidentId,
          actId,
          sourceId,
          actorId: actorName ? await actors.idForName(actorName, guessActorKind(actorName)) : null,
          stance: edit.stance ?? suggestion.stance,
          text: edit.text ?? suggestion.text,
          spanStart: suggestion.start,
          spanEnd: suggestion.end,
          provenance: provenance(suggestion, decision.decision === 'edit'),
        });
        result.claims.push(claimId);
      }

      for (const decision of request.interventions) {
        if (decision.decision === 'reject') continue;
        const suggestion = source.suggestions.interventions[decision.index]!;
        const edit = decision.decision === 'edit' ? decision.edit : {};
        const actorName = edit.actor === undefined ? (suggestion.actor?.name ?? null) : edit.actor;
        const interventionId = randomUUID();
        await interventionsRepository(tx).insert({
          id: interventionId,
          incidentId,
          type: edit.type ?? suggestion.type,
          actorId: actorName ? await actors.idForName(actorName, guessActorKind(actorName)) : null,
          description: edit.description ?? suggestion.text,
          dateFrom: edit.date ?? null,
          outcome: edit.outcome ?? null,
          sourceId,
          spanStart: suggestion.start,
          spanEnd: suggestion.end,
          provenance: provenance(suggestion, decision.decision === 'edit'),
        });
        result.interventions.push(interventionId);
      }
      await incidents.refreshDerived(incidentId);
    }
    const path = await reviewPath(tx, sourceId, request, result.incidentId);
    const recorded = await reviewsRepository(tx).insertUnlessReviewed(
      {
        sourceId,
        incidentId: result.incidentId,
        reviewedBy: reviewer,
        decisions: { events: request.events, claims: request.claims, interventions: request.interventions },
      },
      path,
    );
    if (!recorded) throw new Conflict(`source ${sourceId} has already been reviewed`);
    // In the same transaction: the audit entry exists exactly when the records do. Counts only.
    await appendAudit(tx, {
      actor: reviewer,
      action: 'review.apply',
      recordType: 'source',
      recordId: sourceId,
      details: {
        incidentId: result.incidentId,
        mode: request.incident?.mode ?? 'none',
        acts: result.acts.length,
        claims: result.claims.length,
        interventions: result.interventions.length,
      },
    });
    return result;
  });
}

/**
 * Which review path this is: 1 for a first review; for an additional one ("also record into…") the
 * next, once the source has been reviewed, and never into an incident it was already recorded into.
 */
async function reviewPath(
  tx: Queryable,
  sourceId: string,
  request: ReviewRequest,
  incidentId: string | null,
): Promise<number> {
  if (!request.additional) return 1;
  const paths = await reviewsRepository(tx).pathsOf(sourceId);
  if (paths.count === 0)
    throw new InvalidInput('additional', 'the source has not been reviewed yet: review it first');
  if (incidentId && paths.incidentIds.includes(incidentId))
    throw new Conflict(`source ${sourceId} is already recorded into incident ${incidentId}`);
  return paths.count + 1;
}

async function targetIncident(
  tx: Queryable,
  request: ReviewRequest,
  source: SourceRecord,
  reviewer: string,
): Promise<string> {
  const target = request.incident!;
  if (target.mode === 'merge') {
    if (!(await incidentsRepository(tx).exists(target.incidentId)))
      throw new NotFound('incident', target.incidentId);
    return target.incidentId;
  }
  const accepted = request.events
    .filter((d) => d.decision !== 'reject')
    .map((d) => source.suggestions.events[d.index]!);
  const id = randomUUID();
  await incidentsRepository(tx).insert({
    id,
    title: target.title ?? defaultTitle(source, accepted),
    // The reported sentences, in the source's language, so the incident is found by the words it was reported in.
    summary:
      target.summary ??
      accepted
        .map((event) => source.text.slice(event.start, event.end).trim())
        .join(' ')
        .slice(0, 4_000),
    tags: target.tags ?? [],
    language: source.language,
    createdBy: reviewer,
  });
  return id;
}

/** The source's title, else "<act type> — <place>" in the source's language (English if unsupported). */
function defaultTitle(source: SourceRecord, accepted: EventSuggestion[]): string {
  if (source.title?.trim()) return source.title.trim().slice(0, 300);
  const first = accepted[0];
  if (!first) return `Incident from ${source.fileName}`.slice(0, 300);
  const locale: Locale = (LOCALES as readonly string[]).includes(source.language)
    ? (source.language as Locale)
    : 'en';
  const label = EVENT_TYPE_LABELS[first.type as EventType][locale];
  const place = first.place?.text ?? first.place?.name;
  return (place ? `${label} — ${place}` : label).slice(0, 300);
}

async function actFrom(
  suggestion: EventSuggestion,
  edit: EventEdit,
  base: { id: string; incidentId: string; provenance: Provenance },
  actorId: (name: string) => Promise<string>,
): Promise<NewAct> {
  const victims = edit.victims === undefined ? suggestion.victims : edit.victims;
  const place = edit.place === undefined ? suggestion.place : edit.place;
  const date = edit.date === undefined ? suggestion.date : edit.date;
  const perpetratorNames = edit.perpetrators ?? suggestion.perpetrators.map((p) => p.name);
  const perpetrators = [];
  for (const name of perpetratorNames) perpetrators.push({ name, actorId: await actorId(name) });
  return {
    ...base,
    type: edit.type ?? suggestion.type,
    victimsMin: victims?.min ?? null,
    victimsMax: victims?.max ?? null,
    victimGroup: victims?.group ?? null,
    placeName: place?.name ?? null,
    country: place?.country ?? null,
    dateFrom: date?.from ?? null,
    dateTo: date?.to ?? null,
    datePrecision: date ? date.precision : null,
    perpetrators,
  };
}
