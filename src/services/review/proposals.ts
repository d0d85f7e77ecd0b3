/**
 * What Attest proposes while a source is reviewed: existing incidents it may belong to, ranked across
 * the whole database, and for each of them which suggested act is "same as act X" (claims and
 * interventions likewise), with the reasons a reviewer reads before confirming. Pure scoring lives in
 * analysis/corroboration; this module only gathers the records to score.
 */
import { type ActMatchReason, bestActMatch } from '../../analysis/corroboration/actMatch.ts';
import { isNearCopy, shingles } from '../../analysis/corroboration/nearDuplicate.ts';
import {
  matchClaim,
  matchIntervention,
  type StatementMatchReason,
} from '../../analysis/corroboration/statementMatch.ts';
import type { EventSuggestion, Suggestions } from '../../core/suggestions.ts';
import { actEvidenceRepository } from '../../store/actEvidence.ts';
import { type ActRecord, actsRepository } from '../../store/acts.ts';
import { claimsRepository } from '../../store/claims.ts';
import type { Queryable } from '../../store/db.ts';
import { type IncidentSummary, incidentsRepository } from '../../store/incidents.ts';
import { interventionsRepository } from '../../store/interventions.ts';

export interface ActProposal {
  index: number;
  act: Pick<
    ActRecord,
    'id' | 'type' | 'placeName' | 'country' | 'dateFrom' | 'dateTo' | 'victimsMin' | 'victimsMax'
  >;
  score: number;
  confident: boolean;
  reasons: ActMatchReason[];
}

export interface StatementProposal {
  index: number;
  recordId: string;
  confident: boolean;
  reasons: StatementMatchReason[];
}

export interface IncidentProposal {
  incident: IncidentSummary;
  /** Ranking: confident act matches first, then the sum of act match scores. */
  score: number;
  events: ActProposal[];
  claims: StatementProposal[];
  interventions: StatementProposal[];
}

/** How many incidents the database is searched for before scoring. */
const CANDIDATE_POOL = 40;
const SHOWN = 10;

export function suggestedActFacts(event: EventSuggestion) {
  return {
    type: event.type,
    victimsMin: event.victims?.min ?? null,
    victimsMax: event.victims?.max ?? null,
    victimGroup: event.victims?.group ?? null,
    placeName: event.place?.name ?? null,
    country: event.place?.country ?? null,
    dateFrom: event.date?.from ?? null,
    dateTo: event.date?.to ?? null,
  };
}

/** The source under review: its text decides whether it copies a report the incident already has. */
export interface ReviewedSource {
  id: string;
  text: string;
  suggestions: Suggestions;
}

/** Proposals for one incident: each suggestion's best match among its records. */
export async function proposalsFor(
  db: Queryable,
  incident: IncidentSummary,
  source: ReviewedSource,
): Promise<IncidentProposal> {
  const { suggestions } = source;
  const [acts, claims, interventions, sources, links] = await Promise.all([
    actsRepository(db).listByIncident(incident.id),
    claimsRepository(db).listByIncident(incident.id),
    interventionsRepository(db).listByIncident(incident.id),
    incidentsRepository(db).sourcesOf(incident.id),
    actEvidenceRepository(db).listByIncident(incident.id),
  ]);
  // A near-copy of a linked report reports the same acts, even those too vague to match alone.
  const ownShingles = shingles(source.text);
  const copied = new Set(
    sources
      .filter((other) => other.id !== source.id && isNearCopy(ownShingles, shingles(other.text)))
      .map((other) => other.id),
  );
  const events: ActProposal[] = [];
  suggestions.events.forEach((event, index) => {
    const best = bestActMatch(suggestedActFacts(event), acts);
    if (!best) return;
    const { id, type, placeName, country, dateFrom, dateTo, victimsMin, victimsMax } = best.act;
    const viaCopy = links.some((link) => link.actId === id && copied.has(link.sourceId));
    events.push({
      index,
      act: { id, type, placeName, country, dateFrom, dateTo, victimsMin, victimsMax },
      score: best.match.score,
      confident: best.match.confident || viaCopy,
      reasons: viaCopy ? [...best.match.reasons, 'copies-a-linked-report'] : best.match.reasons,
    });
  });
  const claimProposals: StatementProposal[] = [];
  suggestions.claims.forEach((claim, index) => {
    // Only statements of an actor: an `asserts` claim recorded for an act is its source's report.
    for (const recorded of claims) {
      const match = matchClaim(
        { stance: claim.stance, actorName: claim.actor?.name ?? null, actId: null },
        { stance: recorded.stance, actorName: recorded.actorName, actId: recorded.actId },
      );
      if (match) {
        claimProposals.push({ index, recordId: recorded.id, ...match });
        return;
      }
    }
  });
  const interventionProposals: StatementProposal[] = [];
  suggestions.interventions.forEach((intervention, index) => {
    for (const recorded of interventions) {
      const match = matchIntervention(
        { type: intervention.type, actorName: intervention.actor?.name ?? null },
        { type: recorded.type, actorName: recorded.actorName },
      );
      if (match) {
        interventionProposals.push({ index, recordId: recorded.id, ...match });
        return;
      }
    }
  });
  const confident = events.filter((e) => e.confident).length;
  const total = events.reduce((sum, e) => sum + e.score, 0);
  return {
    incident,
    score: Math.round((confident + total / 100) * 1000) / 1000,
    events,
    claims: claimProposals,
    interventions: interventionProposals,
  };
}

/** Existing incidents a source may belong to, ranked by how well its suggestions match their acts. */
export async function proposeIncidents(db: Queryable, source: ReviewedSource): Promise<IncidentProposal[]> {
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
    CANDIDATE_POOL,
  );
  const proposals = [];
  for (const incident of candidates) proposals.push(await proposalsFor(db, incident, source));
  // Stable: equal scores keep the repository's order (most recently updated first).
  return proposals
    .map((proposal, order) => ({ proposal, order }))
    .sort((a, b) => b.proposal.score - a.proposal.score || a.order - b.order)
    .slice(0, SHOWN)
    .map(({ proposal }) => proposal);
}
