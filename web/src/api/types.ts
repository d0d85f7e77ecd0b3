/**
 * Shapes of the HTTP API (docs/api.md), as the server defines them: src/server/apiTypes.ts infers
 * them from the zod schemas the server's presenters are typed against, and this file only imports
 * types from there (`import type`), so no server code enters the bundle while a changed field
 * breaks `npm run build:web`. Names below are the parts of those answers the screens pass around.
 */
import type * as Api from '../../../src/server/apiTypes.ts';

export type {
  Account,
  AuditEntry,
  AuditVerdict,
  CaptureResult,
  Compartment,
  Incident,
  IncidentSummary,
  IntakeKey,
  IntakeSubmission,
  Invitation,
  Job,
  LongPage,
  MapStats,
  OpenedSubmission,
  Page,
  QueuedIngest,
  QueueStatus,
  ReportStatus,
  ReviewItem,
  ReviewOutcome,
  ReviewQueueItem,
  SearchResult,
  Session,
  SetupResult,
  SetupState,
  SourceDetail,
  SourceSummary,
  StatsBreakdown,
  StatsPlaces,
  Timeline,
  TotpEnrolment,
  User,
  Vocabulary,
} from '../../../src/server/apiTypes.ts';

/** A list that must name every member of the union T, so the compiler holds it to the server's type. */
export const allOf =
  <T extends string>() =>
  <L extends readonly T[]>(list: L & ([T] extends [L[number]] ? unknown : 'misses a value')): L =>
    list;

export type VocabularyTerm = Api.Vocabulary['eventTypes'][number];
export type Labels = VocabularyTerm['labels'];
export type Locale = keyof Labels;

export type IncidentStatus = Api.IncidentSummary['status'];
export const INCIDENT_STATUSES = allOf<IncidentStatus>()(['alleged', 'corroborated', 'verified'] as const);
/** Search hits carry the status as a plain string (sources have none). */
export const isIncidentStatus = (value: string | null): value is IncidentStatus =>
  (INCIDENT_STATUSES as readonly (string | null)[]).includes(value);

export interface Span {
  start: number;
  end: number;
}

export type Suggestions = Api.SourceDetail['suggestions'];
export type EventSuggestion = Suggestions['events'][number];
export type ClaimSuggestion = Suggestions['claims'][number];
export type InterventionSuggestion = Suggestions['interventions'][number];
export type PiiMention = Suggestions['pii'][number];
export type SuggestionCounts = Api.SourceSummary['counts'];

export type IncidentProposal = Api.ReviewItem['proposals'][number];
export type MatchReason = IncidentProposal['events'][number]['reasons'][number];
export type StatementProposal = IncidentProposal['claims'][number];

/**
 * What the review form sends. Codes (types, precision) are the strings the form's inputs hold, so
 * these stay looser than the server's schema (src/services/reviewDecisions.ts), which checks them
 * and answers a 400 naming the field.
 */
export type Decision = NonNullable<Api.ReviewDecision['events']>[number]['decision'];

export interface EventEdit {
  type?: string;
  victims?: { min: number | null; max: number | null; group: string | null } | null;
  place?: { name: string; country: string | null } | null;
  date?: { from: string | null; to: string | null; precision: string } | null;
  perpetrators?: string[];
}

export interface ClaimEdit {
  stance?: 'asserts' | 'denies';
  actor?: string | null;
  text?: string;
}

export interface InterventionEdit {
  type?: string;
  actor?: string | null;
  description?: string;
}

export interface DecisionItem<E> {
  index: number;
  decision: Decision;
  edit?: E;
  /** Merge only: this event is an act the incident already holds; the source then corroborates it. */
  sameAsActId?: string;
  /** Merge only: the same statement / response is already recorded; no second record. */
  sameAsClaimId?: string;
  sameAsInterventionId?: string;
}

export interface ReviewDecision {
  events: DecisionItem<EventEdit>[];
  claims: DecisionItem<ClaimEdit>[];
  interventions: DecisionItem<InterventionEdit>[];
  incident: { mode: 'new'; title?: string } | { mode: 'merge'; incidentId: string } | null;
  /** Records an already reviewed source into one more incident. */
  additional?: boolean;
}

export type Evidence = Api.Incident['evidence'];
export type ClaimRecord = Evidence['assertions'][number];
export type DenialRecord = Evidence['denials'][number];
export type ActRecord = Evidence['acts'][number];
export type ActCorroboration = ActRecord['corroboration'];
export type InterventionRecord = Evidence['interventions'][number];

export type SearchHit = Api.SearchResult['hits'][number];
export type FacetValue = NonNullable<Api.SearchResult['facets'][keyof Api.SearchResult['facets']]>[number];

export type TimelineMonth = Api.Timeline['months'][number];
export type MapCountry = Api.MapStats['countries'][number];
export type StatsRow = Api.StatsBreakdown['rows'][number];
export type StatsFigures = Api.StatsBreakdown['total'];
export type MapMark = Api.StatsPlaces['marks'][number];

/** What the report form seals: the server never sees it in the clear (src/core/intakeReport.ts). */
export type IntakeReport = NonNullable<Api.OpenedSubmission['report']>;
export type ReportAttachment = Extract<IntakeReport, { version: 2 }>['attachments'][number];
export type IntakeStatus = Api.IntakeSubmission['status'];
export type DiscardReason = NonNullable<Api.IntakeSubmission['discardReason']>;
export const DISCARD_REASONS = allOf<DiscardReason>()([
  'spam',
  'duplicate',
  'out-of-scope',
  'not-enough-information',
] as const);

export type Role = Api.Account['role'];
export const ROLES = allOf<Role>()([
  'administrator',
  'investigator',
  'caseworker',
  'analyst',
  'viewer',
] as const);
