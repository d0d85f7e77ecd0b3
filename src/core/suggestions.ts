/**
 * The output of assisted extraction (docs/extraction.md): what a documentation officer
 * reviews. Offsets are UTF-16 code-unit offsets into the decoded text, so text.slice(start, end)
 * returns the span.
 */
import { z } from 'zod';
import { ISO_DATE_PATTERN } from './codes.ts';
import { ClaimStance, EventType, InterventionType } from './vocabulary.ts';

const Span = { start: z.number().int().nonnegative(), end: z.number().int().nonnegative() };

export const PiiKind = z.enum(['email', 'phone', 'person', 'address', 'id-number', 'url']);
export type PiiKind = z.infer<typeof PiiKind>;

export const PiiMention = z.object({ kind: PiiKind, text: z.string(), ...Span });
export type PiiMention = z.infer<typeof PiiMention>;

export const ActorMention = z.object({ name: z.string(), text: z.string() });
export type ActorMention = z.infer<typeof ActorMention>;

export const VictimCount = z.object({
  min: z.number().int().nonnegative().nullable(),
  max: z.number().int().nonnegative().nullable(),
  /** A victim group code (victimGroups.ts) when extraction proposes it; a reviewer may write their own. */
  group: z.string().nullable(),
  text: z.string(),
});
export type VictimCount = z.infer<typeof VictimCount>;

export const PlaceMention = z.object({
  name: z.string(),
  country: z.string().length(2).nullable(),
  text: z.string(),
});
export type PlaceMention = z.infer<typeof PlaceMention>;

export const DatePrecision = z.enum(['day', 'week', 'month', 'quarter', 'year', 'decade']);
export type DatePrecision = z.infer<typeof DatePrecision>;

const IsoDate = z.string().regex(ISO_DATE_PATTERN);

export const DateMention = z.object({
  from: IsoDate.nullable(),
  to: IsoDate.nullable(),
  precision: DatePrecision,
  unresolved: z.boolean(),
  text: z.string(),
});
export type DateMention = z.infer<typeof DateMention>;

export const EventSuggestion = z.object({
  type: EventType,
  victims: VictimCount.nullable(),
  place: PlaceMention.nullable(),
  date: DateMention.nullable(),
  perpetrators: z.array(ActorMention),
  reportedBy: z.array(ActorMention),
  confidence: z.number().min(0).max(1),
  /** v2: the act was attempted, not done ("tried to abduct"); an attempted killing has its own type. */
  attempt: z.boolean().optional(),
  /** v2: dated long before publication — background to the story, not a new violation. */
  historical: z.boolean().optional(),
  ...Span,
});
export type EventSuggestion = z.infer<typeof EventSuggestion>;

export const ClaimSuggestion = z.object({
  stance: ClaimStance,
  actor: ActorMention.nullable(),
  text: z.string(),
  ...Span,
});
export type ClaimSuggestion = z.infer<typeof ClaimSuggestion>;

export const InterventionSuggestion = z.object({
  type: InterventionType,
  actor: ActorMention.nullable(),
  text: z.string(),
  ...Span,
});
export type InterventionSuggestion = z.infer<typeof InterventionSuggestion>;

export const Suggestions = z.object({
  language: z.string().min(2).max(3),
  published: IsoDate.nullable(),
  pii: z.array(PiiMention),
  events: z.array(EventSuggestion),
  claims: z.array(ClaimSuggestion),
  interventions: z.array(InterventionSuggestion),
});
export type Suggestions = z.infer<typeof Suggestions>;
