/**
 * Review: a person goes through a source's suggestions and turns the ones they accept into records —
 * acts (each with an evidence link holding this source's own figure, date and place, and an
 * `asserts` claim of the source), claims and interventions — in a new incident or merged into an
 * existing one, where a suggestion may be "same as" a recorded act (it becomes more evidence for it,
 * never a second act), claim or intervention. All of it, and the review row
 * that takes the source off the queue, happens in ONE transaction: a failure leaves no half-built
 * incident and the source stays in the queue. Every record keeps its provenance (source, span, who
 * confirmed, when, whether edited).
 */
import { randomUUID } from 'node:crypto';
import { guessActorKind } from '../../core/actors.ts';
import { Conflict, InvalidInput, NotFound } from '../../core/errors.ts';
import type { EventSuggestion } from '../../core/suggestions.ts';
import type { ListPage } from '../../core/validation.ts';
import { EVENT_TYPE_LABELS, type EventType, LOCALES, type Locale } from '../../core/vocabulary.ts';
import { actEvidenceRepository } from '../../store/actEvidence.ts';
import { actorsRepository } from '../../store/actors.ts';
import { actsRepository, type NewAct, type Provenance } from '../../store/acts.ts';
import { claimsRepository } from '../../store/claims.ts';
import type { Db, Queryable } from '../../store/db.ts';
import { incidentsRepository } from '../../store/incidents.ts';
import { interventionsRepository } from '../../store/interventions.ts';
import { reviewsRepository } from '../../store/reviews.ts';
import type { SourceRecord } from '../../store/sources.ts';
import type { Actor } from '../accounts/actor.ts';
import { appendAudit } from '../audit/audit.ts';
import { checkCoverage, type EventEdit, type ReviewRequest } from './decisions.ts';
import { type IncidentProposal, proposalsFor, proposeIncidents } from './proposals.ts';
import { getSource, readableSource } from './sources.ts';

export interface ReviewResult {
  incidentId: string | null;
  /** Acts created by this review. */
  acts: string[];
  /** Every accepted event: the act it became or was merged into. */
  actLinks: Array<{ index: number; id: string; merged: boolean }>;
  claims: string[];
  interventions: string[];
}

export function reviewQueue(db: Queryable, page: ListPage) {
  return reviewsRepository(db).queue(page);
}

/**
 * A source to review, with existing incidents it may belong to (across the whole database, ranked
 * with reasons) and, for each, which suggestions are the same as records it already has.
 */
export async function getReview(db: Db, sourceId: string, reader: Actor | null) {
  const { source, review } = await getSource(db, sourceId, reader, 'review');
  // An incident the source is already recorded into is no candidate: a second path there is refused.
  const recordedInto = new Set((await reviewsRepository(db).pathsOf(sourceId)).incidentIds);
  const proposals: IncidentProposal[] = (await proposeIncidents(db, source)).filter(
    (proposal) => !recordedInto.has(proposal.incident.id),
  );
  return { source, review, candidates: proposals.map((p) => p.incident), proposals };
}

/**
 * Accepts every suggestion of a source, for scripts importing many reports (`attest review apply
 * --accept-all`). Into `into` when given; otherwise into the best-ranked existing incident that has
 * at least one confident act match, else a new incident. A suggestion is merged into a recorded act,
 * claim or intervention only where the match is confident; everything else becomes a new record.
 */
export async function acceptAllSuggestions(
  db: Db,
  sourceId: string,
  reviewer: string,
  into: string | null,
  reader: Actor | null = null,
): Promise<ReviewResult> {
  const { source } = await getSource(db, sourceId, reader, 'review');
  let proposal: IncidentProposal | null;
  if (into) {
    const incident = await incidentsRepository(db).findById(into);
    if (!incident) throw new NotFound('incident', into);
    proposal = await proposalsFor(db, incident, source);
  } else {
    const ranked = await proposeIncidents(db, source);
    proposal = ranked.find((candidate) => candidate.events.some((event) => event.confident)) ?? null;
  }
  const { events, claims, interventions } = source.suggestions;
  const anything = events.length + claims.length + interventions.length > 0;
  const request: ReviewRequest = {
    events: events.map((_, index) => {
      const match = proposal?.events.find((p) => p.index === index && p.confident);
      return match
        ? { index, decision: 'accept' as const, sameAsActId: match.act.id }
        : { index, decision: 'accept' as const };
    }),
    claims: claims.map((_, index) => {
      const match = proposal?.claims.find((p) => p.index === index && p.confident);
      return match
        ? { index, decision: 'accept' as const, sameAsClaimId: match.recordId }
        : { index, decision: 'accept' as const };
    }),
    interventions: interventions.map((_, index) => {
      const match = proposal?.interventions.find((p) => p.index === index && p.confident);
      return match
        ? { index, decision: 'accept' as const, sameAsInterventionId: match.recordId }
        : { index, decision: 'accept' as const };
    }),
    incident: !anything
      ? null
      : proposal
        ? { mode: 'merge', incidentId: proposal.incident.id }
        : { mode: 'new' },
  };
  return applyReview(db, sourceId, reviewer, request, reader);
}

export async function applyReview(
  db: Db,
  sourceId: string,
  reviewer: string,
  request: ReviewRequest,
  reader: Actor | null = null,
): Promise<ReviewResult> {
  const source = await readableSource(db, sourceId, reader, 'review');
  // Records confirmed from a sealed source keep references (source, span) but no quoted passage:
  // the passage would be plaintext of the sealed text, readable by anyone who reads the incident.
  const sealed = source.compartmentId !== null;
  const passage = (text: string) => (sealed ? '' : text);
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
    const result: ReviewResult = { incidentId: null, acts: [], actLinks: [], claims: [], interventions: [] };
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
        const reported = await actFrom(
          suggestion,
          edit,
          {
            id: actId ?? randomUUID(),
            incidentId,
            provenance: provenance(suggestion, decision.decision === 'edit'),
          },
          (name) => actors.idForName(name, guessActorKind(name)),
        );
        if (actId) {
          const existing = await actsRepository(tx).findById(actId);
          if (existing?.incidentId !== incidentId) {
            throw new InvalidInput(
              `events[${decision.index}].sameAsActId`,
              'not an act of the incident merged into',
            );
          }
        } else {
          actId = reported.id;
          await actsRepository(tx).insert(reported);
          result.acts.push(actId);
        }
        // This source's own report of the act, kept beside the others; the act's range follows.
        await actEvidenceRepository(tx).insert({
          actId,
          sourceId,
          start: suggestion.start,
          end: suggestion.end,
          victimsMin: reported.victimsMin,
          victimsMax: reported.victimsMax,
          victimGroup: reported.victimGroup,
          placeName: reported.placeName,
          country: reported.country,
          dateFrom: reported.dateFrom,
          dateTo: reported.dateTo,
          datePrecision: reported.datePrecision,
          linkedBy: reviewer,
        });
        await actEvidenceRepository(tx).refreshActRange(actId);
        result.actLinks.push({
          index: decision.index,
          id: actId,
          merged: decision.sameAsActId !== undefined,
        });
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
          text: passage(source.text.slice(suggestion.start, suggestion.end)),
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
        if (decision.sameAsClaimId) {
          // The same statement reported again: one claim; this review's decision keeps the passage.
          await checkRecordOf(tx, 'claims', decision.sameAsClaimId, incidentId, `claims[${decision.index}]`);
          continue;
        }
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
          text: passage(edit.text ?? suggestion.text),
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
        if (decision.sameAsInterventionId) {
          await checkRecordOf(
            tx,
            'interventions',
            decision.sameAsInterventionId,
            incidentId,
            `interventions[${decision.index}]`,
          );
          continue;
        }
        const actorName = edit.actor === undefined ? (suggestion.actor?.name ?? null) : edit.actor;
        const interventionId = randomUUID();
        await interventionsRepository(tx).insert({
          id: interventionId,
          incidentId,
          type: edit.type ?? suggestion.type,
          actorId: actorName ? await actors.idForName(actorName, guessActorKind(actorName)) : null,
          description: passage(edit.description ?? suggestion.text),
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
        merged: result.actLinks.filter((link) => link.merged).length,
        claims: result.claims.length,
        interventions: result.interventions.length,
      },
    });
    return result;
  });
}

/** A claim or intervention named as "same as" must belong to the incident merged into. */
async function checkRecordOf(
  tx: Queryable,
  table: 'claims' | 'interventions',
  id: string,
  incidentId: string,
  field: string,
): Promise<void> {
  const rows = await tx.query<{ incident_id: string | null }>(
    `select incident_id from ${table} where id = $1`,
    [id],
  );
  if (rows[0]?.incident_id !== incidentId) {
    const key = table === 'claims' ? 'sameAsClaimId' : 'sameAsInterventionId';
    throw new InvalidInput(`${field}.${key}`, `not a ${table.slice(0, -1)} of the incident merged into`);
  }
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
    // The reported sentences, in the source's language, so the incident is found by the words it was
    // reported in; none from a sealed source (the reviewer may write a summary of their own).
    summary:
      target.summary ??
      (source.compartmentId !== null ? '' : null) ??
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
  const sealed = source.compartmentId !== null;
  // A sealed source's title, file name and places may identify the person who testified.
  if (!sealed && source.title?.trim()) return source.title.trim().slice(0, 300);
  const first = accepted[0];
  if (!first)
    return sealed ? 'Incident from a sealed source' : `Incident from ${source.fileName}`.slice(0, 300);
  const locale: Locale = (LOCALES as readonly string[]).includes(source.language)
    ? (source.language as Locale)
    : 'en';
  const label = EVENT_TYPE_LABELS[first.type as EventType][locale];
  const place = sealed ? undefined : (first.place?.text ?? first.place?.name);
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
