/**
 * What a reviewer decides about a source's suggestions: for each suggested event, claim and
 * intervention — accept as suggested, accept with edits, or reject — and where the accepted records
 * go (a new incident or an existing one). These schemas validate the HTTP body and generate its
 * OpenAPI description.
 */
import { z } from 'zod';
import { CountryCode, IsoDate } from '../../core/codes.ts';
import { InvalidInput } from '../../core/errors.ts';
import { DatePrecision, type Suggestions } from '../../core/suggestions.ts';
import { Uuid } from '../../core/validation.ts';
import { ClaimStance, EventType, InterventionType } from '../../core/vocabulary.ts';

const Index = z.number().int().min(0).max(10_000);
const Name = z.string().trim().min(1).max(300);

export const EventEdit = z.strictObject({
  type: EventType.optional(),
  victims: z
    .strictObject({
      min: z.number().int().min(0).nullable(),
      max: z.number().int().min(0).nullable(),
      group: z.string().trim().max(100).nullable(),
    })
    .refine((v) => v.min === null || v.max === null || v.max >= v.min, 'max is smaller than min')
    .nullable()
    .optional(),
  place: z.strictObject({ name: Name, country: CountryCode.nullable() }).nullable().optional(),
  date: z
    .strictObject({ from: IsoDate.nullable(), to: IsoDate.nullable(), precision: DatePrecision })
    .refine((d) => d.from === null || d.to === null || d.to >= d.from, 'to is before from')
    .nullable()
    .optional(),
  perpetrators: z.array(Name).max(50).optional(),
});
export type EventEdit = z.infer<typeof EventEdit>;

/** `sameAsActId`: the event is an act already recorded in the target incident; it corroborates it. */
export const EventDecision = z.discriminatedUnion('decision', [
  z.strictObject({ index: Index, decision: z.literal('accept'), sameAsActId: Uuid.optional() }),
  z.strictObject({
    index: Index,
    decision: z.literal('edit'),
    edit: EventEdit,
    sameAsActId: Uuid.optional(),
  }),
  z.strictObject({ index: Index, decision: z.literal('reject') }),
]);
export type EventDecision = z.infer<typeof EventDecision>;

/** `actIndex` ties the claim to an event of this review, `actId` to an act already recorded. */
export const ClaimEdit = z.strictObject({
  stance: ClaimStance.optional(),
  actor: Name.nullable().optional(),
  text: z.string().trim().min(1).max(5_000).optional(),
  actIndex: Index.nullable().optional(),
  actId: Uuid.nullable().optional(),
});
export type ClaimEdit = z.infer<typeof ClaimEdit>;

/** `sameAsClaimId`: the same statement is already recorded in the target incident (no second claim). */
export const ClaimDecision = z.discriminatedUnion('decision', [
  z.strictObject({ index: Index, decision: z.literal('accept'), sameAsClaimId: Uuid.optional() }),
  z.strictObject({
    index: Index,
    decision: z.literal('edit'),
    edit: ClaimEdit,
    sameAsClaimId: Uuid.optional(),
  }),
  z.strictObject({ index: Index, decision: z.literal('reject') }),
]);
export type ClaimDecision = z.infer<typeof ClaimDecision>;

export const InterventionEdit = z.strictObject({
  type: InterventionType.optional(),
  actor: Name.nullable().optional(),
  description: z.string().trim().min(1).max(5_000).optional(),
  date: IsoDate.nullable().optional(),
  outcome: z.string().trim().max(2_000).nullable().optional(),
});
export type InterventionEdit = z.infer<typeof InterventionEdit>;

export const InterventionDecision = z.discriminatedUnion('decision', [
  z.strictObject({ index: Index, decision: z.literal('accept'), sameAsInterventionId: Uuid.optional() }),
  z.strictObject({
    index: Index,
    decision: z.literal('edit'),
    edit: InterventionEdit,
    sameAsInterventionId: Uuid.optional(),
  }),
  z.strictObject({ index: Index, decision: z.literal('reject') }),
]);
export type InterventionDecision = z.infer<typeof InterventionDecision>;

export const IncidentTarget = z.discriminatedUnion('mode', [
  z.strictObject({
    mode: z.literal('new'),
    title: z.string().trim().min(1).max(300).optional(),
    summary: z.string().max(20_000).optional(),
    tags: z.array(z.string().trim().min(1).max(60)).max(50).optional(),
  }),
  z.strictObject({ mode: z.literal('merge'), incidentId: Uuid }),
]);
export type IncidentTarget = z.infer<typeof IncidentTarget>;

export const ReviewRequest = z.strictObject({
  events: z.array(EventDecision).max(1_000).default([]),
  claims: z.array(ClaimDecision).max(1_000).default([]),
  interventions: z.array(InterventionDecision).max(1_000).default([]),
  incident: IncidentTarget.nullable().optional(),
  /** Record an already reviewed source into one more incident ("also record into…"). */
  additional: z.boolean().optional(),
});
export type ReviewRequest = z.infer<typeof ReviewRequest>;

type Kind = 'events' | 'claims' | 'interventions';

/**
 * Every suggestion must be decided exactly once: a review that silently skipped one would look
 * complete in the queue while evidence was never looked at.
 */
export function checkCoverage(request: ReviewRequest, suggestions: Suggestions): void {
  for (const kind of ['events', 'claims', 'interventions'] as const satisfies readonly Kind[]) {
    const decisions: ReadonlyArray<{ index: number }> = request[kind];
    const count = suggestions[kind].length;
    const seen = new Set<number>();
    for (const [position, decision] of decisions.entries()) {
      if (decision.index >= count) {
        throw new InvalidInput(`${kind}[${position}].index`, `there are only ${count} suggested ${kind}`);
      }
      if (seen.has(decision.index))
        throw new InvalidInput(`${kind}[${position}].index`, `suggestion ${decision.index} decided twice`);
      seen.add(decision.index);
    }
    for (let index = 0; index < count; index++) {
      if (!seen.has(index))
        throw new InvalidInput(kind, `suggestion ${index} has no decision (accept, edit or reject)`);
    }
  }
  const accepted = [...request.events, ...request.claims, ...request.interventions].some(
    (d) => d.decision !== 'reject',
  );
  if (accepted && !request.incident)
    throw new InvalidInput('incident', 'say where accepted records go: a new incident or a merge');
  if (!accepted && request.incident)
    throw new InvalidInput('incident', 'every suggestion is rejected: there is nothing to record');
  if (request.additional && !request.incident)
    throw new InvalidInput(
      'incident',
      'an additional review records into an incident: say which, or a new one',
    );
  for (const [position, decision] of request.events.entries()) {
    if (decision.decision !== 'reject' && decision.sameAsActId && request.incident?.mode !== 'merge') {
      throw new InvalidInput(
        `events[${position}].sameAsActId`,
        'only when merging into an existing incident',
      );
    }
  }
  const merging = request.incident?.mode === 'merge';
  for (const [position, decision] of [...request.claims, ...request.interventions].entries()) {
    if (decision.decision === 'reject' || merging) continue;
    if ('sameAsClaimId' in decision && decision.sameAsClaimId)
      throw new InvalidInput(
        `claims[${position}].sameAsClaimId`,
        'only when merging into an existing incident',
      );
    if ('sameAsInterventionId' in decision && decision.sameAsInterventionId) {
      const at = position - request.claims.length;
      throw new InvalidInput(
        `interventions[${at}].sameAsInterventionId`,
        'only when merging into an existing incident',
      );
    }
  }
  for (const [position, decision] of request.claims.entries()) {
    if (decision.decision !== 'edit') continue;
    const { actIndex } = decision.edit;
    if (actIndex !== undefined && actIndex !== null) {
      const target = request.events.find((event) => event.index === actIndex);
      if (!target || target.decision === 'reject') {
        throw new InvalidInput(
          `claims[${position}].edit.actIndex`,
          `event ${actIndex} is not accepted in this review`,
        );
      }
    }
  }
}
