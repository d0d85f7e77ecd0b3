/**
 * Shapes of the HTTP API (docs/api.md). The browser never imports server code: these types are
 * the contract as the web app reads it, kept beside the client that uses them.
 */
export type Locale = 'en' | 'pt' | 'es' | 'ru' | 'fr';
export type Labels = Record<Locale, string>;

export type IncidentStatus = 'alleged' | 'corroborated' | 'verified';
export const INCIDENT_STATUSES: readonly IncidentStatus[] = ['alleged', 'corroborated', 'verified'];

export interface VocabularyTerm {
  code: string;
  labels: Labels;
}

export interface Vocabulary {
  eventTypes: VocabularyTerm[];
  interventionTypes: VocabularyTerm[];
  claimStances: VocabularyTerm[];
  victimGroups: VocabularyTerm[];
}

export interface Page<T> {
  total: number;
  limit: number;
  offset: number;
  items: T[];
}

export interface User {
  id: string;
  email: string;
  role: string;
}

export interface Session {
  user: User;
  expiresAt: string | null;
  csrfToken: string;
}

export interface SetupState {
  needed: boolean;
  csrfToken: string;
}

export interface SetupResult {
  organisation: { id: string; name: string };
  user: User;
  /** Shown once and never stored: the only way back in if every administrator password is lost. */
  recoveryKey: string;
}
export interface Span {
  start: number;
  end: number;
}

export interface ActorMention {
  name: string;
  text: string;
}

export interface VictimCount {
  min: number | null;
  max: number | null;
  group: string | null;
  text: string;
}

export interface PlaceMention {
  name: string;
  country: string | null;
  text: string;
}

export interface DateMention {
  from: string | null;
  to: string | null;
  precision: string;
  unresolved: boolean;
  text: string;
}

export interface EventSuggestion extends Span {
  type: string;
  victims: VictimCount | null;
  place: PlaceMention | null;
  date: DateMention | null;
  perpetrators: ActorMention[];
  reportedBy: ActorMention[];
  confidence: number;
}

export interface ClaimSuggestion extends Span {
  stance: 'asserts' | 'denies';
  actor: ActorMention | null;
  text: string;
}

export interface InterventionSuggestion extends Span {
  type: string;
  actor: ActorMention | null;
  text: string;
}

export interface PiiMention extends Span {
  kind: string;
  text: string;
}

export interface Suggestions {
  language: string;
  published: string | null;
  pii: PiiMention[];
  events: EventSuggestion[];
  claims: ClaimSuggestion[];
  interventions: InterventionSuggestion[];
}

export interface SuggestionCounts {
  events: number;
  claims: number;
  interventions: number;
}

export interface SourceSummary {
  id: string;
  title: string | null;
  fileName: string | null;
  mediaType: string | null;
  language: string;
  url: string | null;
  publishedOn: string | null;
  capturedBy: string | null;
  capturedAt: string;
  byteSize: number | null;
  reviewed: boolean;
  counts: SuggestionCounts;
  /** The decoding limit the file was over: the original is kept, with no text. */
  notDecoded?: string | null;
}

export interface SourceDetail extends SourceSummary {
  sha256: string;
  encoding: string | null;
  text: string;
  warnings: string[];
  suggestions: Suggestions;
  review: { reviewedBy: string; reviewedAt: string; incidentId: string | null } | null;
}

export interface CaptureResult {
  id: string;
  sha256: string;
  duplicate: boolean;
  title: string | null;
  language: string;
  notDecoded?: string | null;
  suggestions: Suggestions;
}

export interface ReviewQueueItem {
  sourceId: string;
  title: string | null;
  language: string;
  publishedOn: string | null;
  capturedAt: string;
  capturedBy: string | null;
  counts: SuggestionCounts;
}

export interface IncidentSummary {
  id: string;
  title: string;
  status: IncidentStatus;
  placeName: string | null;
  country: string | null;
  dateFrom: string | null;
  dateTo: string | null;
  datePrecision: string | null;
  language: string | null;
  tags: string[];
  types: string[];
  victims: { min: number | null; max: number | null } | null;
  sourceCount: number;
  createdAt: string;
  updatedAt: string;
}

export interface ReviewItem {
  source: {
    id: string;
    title: string | null;
    language: string;
    publishedOn: string | null;
    url: string | null;
    text: string;
    notDecoded?: string | null;
  };
  suggestions: Suggestions;
  reviewed: { reviewedBy: string; reviewedAt: string; incidentId: string | null } | null;
  candidates: IncidentSummary[];
  proposals: IncidentProposal[];
}

export type MatchReason =
  | 'same-type'
  | 'same-place'
  | 'same-country'
  | 'dates-overlap'
  | 'counts-compatible'
  | 'same-victim-group'
  | 'copies-a-linked-report';

/** Attest's proposal for one candidate incident: which suggested events are acts it already has. */
export interface IncidentProposal {
  incidentId: string;
  score: number;
  events: Array<{
    index: number;
    act: {
      id: string;
      type: string;
      placeName: string | null;
      country: string | null;
      dateFrom: string | null;
      dateTo: string | null;
      victimsMin: number | null;
      victimsMax: number | null;
    };
    score: number;
    confident: boolean;
    reasons: MatchReason[];
  }>;
  claims: StatementProposal[];
  interventions: StatementProposal[];
}

/** A suggested claim or intervention that is already recorded: same actor and stance, or type. */
export interface StatementProposal {
  index: number;
  recordId: string;
  confident: boolean;
  reasons: Array<'same-actor' | 'same-stance' | 'same-act' | 'same-type'>;
}

export type Decision = 'accept' | 'edit' | 'reject';

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

export interface ReviewOutcome {
  incidentId: string | null;
  acts: string[];
  claims: string[];
  interventions: string[];
}

export interface ClaimRecord {
  id: string;
  stance: 'asserts' | 'denies';
  actor: { id: string; name: string; kind: string | null } | null;
  actId: string | null;
  text: string;
  source: { id: string; title: string | null; url: string | null; origin: string };
  /** Exactly text.slice(start, end) of the source, cut by the server. */
  passage: string;
  start: number;
  end: number;
}

export interface DenialRecord extends ClaimRecord {
  denies: { actId: string; type: string } | null;
}

export interface ActRecord {
  id: string;
  type: string;
  victims: { min: number | null; max: number | null; group: string | null } | null;
  placeName: string | null;
  country: string | null;
  dateFrom: string | null;
  dateTo: string | null;
  datePrecision: string | null;
  perpetrators: Array<{ name: string; actorId: string | null }>;
  assertedBy: number;
  deniedBy: number;
  corroboration: ActCorroboration;
}

export interface Judgement {
  by: string;
  at: string;
  reason: string;
}

/** One act, many reports: each source's own figure, independence, the range and the figure counted. */
export interface ActCorroboration {
  reports: number;
  independent: number;
  status: IncidentStatus;
  range: { min: number | null; max: number | null };
  chosen: number | null;
  chosenBy: Judgement | null;
  verification: Judgement | null;
  sources: Array<{
    sourceId: string;
    title: string | null;
    publisher: string;
    independent: boolean;
    repeats: string | null;
    victims: { min: number | null; max: number | null; group: string | null };
    placeName: string | null;
    country: string | null;
    dateFrom: string | null;
    dateTo: string | null;
    passage: string;
  }>;
}

export interface InterventionRecord {
  id: string;
  type: string;
  actor: { id: string; name: string } | null;
  description: string | null;
  dateFrom: string | null;
  outcome: string | null;
  source: { id: string; passage: string; start: number; end: number } | null;
}

export interface Evidence {
  reportingSources: number;
  independentSources: number;
  deniedBy: number;
  deniedOfficially: boolean;
  summary: string;
  canBeCorroborated: boolean;
  sources: Array<{
    id: string;
    title: string | null;
    url: string | null;
    publishedOn: string | null;
    language: string;
    origin: string;
  }>;
  assertions: ClaimRecord[];
  denials: DenialRecord[];
  acts: ActRecord[];
  interventions: InterventionRecord[];
}

export interface Incident extends IncidentSummary {
  summary: string | null;
  /** Sent back with an edit: a stale version is refused (409). */
  version: number;
  createdBy: string | null;
  verifiedBy: string | null;
  verifiedAt: string | null;
  supportedStatus: IncidentStatus;
  statusReason: string | null;
  evidence: Evidence;
}

export interface FacetValue {
  value: string;
  count: number;
}

export interface SearchHit {
  kind: 'source' | 'incident';
  id: string;
  title: string;
  snippet: string;
  highlights: Span[];
  rank: number;
  language: string | null;
  country: string | null;
  status: IncidentStatus | null;
  date: string | null;
}

export interface SearchResult {
  total: number;
  hits: SearchHit[];
  facets: Partial<
    Record<'kind' | 'type' | 'country' | 'period' | 'status' | 'language' | 'sourceKind', FacetValue[]>
  >;
}

export interface TimelineMonth {
  month: string;
  incidents: number;
  acts: number;
}

export interface Timeline {
  months: TimelineMonth[];
  undated: { incidents: number; acts: number };
}

export interface MapCountry {
  country: string;
  incidents: number;
  acts: number;
  victimsMin: number | null;
}

/** The organisation's public key the report form seals to (GET /api/intake/key). */
export interface IntakeKey {
  publicKey: string;
  keyId: string;
  algorithm: 'crypto_box_seal';
  organisation: string;
  maxAttachmentBytes: number;
}

export interface ReportAttachment {
  name: string;
  type: string;
  /** Base64. */
  data: string;
}

/** What the report form seals: the server never sees it in the clear (src/core/intakeReport.ts). */
export type IntakeReport =
  | { version: 1; what: string; where: string; when: string; contact: string }
  | {
      version: 2;
      what: string;
      where: string;
      when: string;
      contact: string;
      name: string;
      attachments: ReportAttachment[];
    };

export type IntakeStatus = 'new' | 'triaged' | 'converted' | 'discarded';
export const DISCARD_REASONS = ['spam', 'duplicate', 'out-of-scope', 'not-enough-information'] as const;
export type DiscardReason = (typeof DISCARD_REASONS)[number];

export interface IntakeSubmission {
  id: string;
  receivedAt: string;
  status: IntakeStatus;
  discardReason: DiscardReason | null;
  sourceId: string | null;
  personCode: string | null;
  caseId: string | null;
}

export interface OpenedSubmission extends IntakeSubmission {
  report: IntakeReport | null;
  text: string | null;
}

export type Role = 'administrator' | 'investigator' | 'caseworker' | 'analyst' | 'viewer';
export const ROLES: readonly Role[] = ['administrator', 'investigator', 'caseworker', 'analyst', 'viewer'];

/** An account as administrators see it (GET /api/users). */
export interface Account {
  id: string;
  email: string;
  role: Role;
  disabled: boolean;
  locked: boolean;
  totp: boolean;
  invited: boolean;
  createdAt: string;
}

export interface Invitation {
  id: string;
  email: string;
  role: Role;
  invitation: string;
  expiresAt: string;
}

export interface AuditEntry {
  seq: number;
  at: string;
  actor: string;
  action: string;
  outcome: 'allowed' | 'denied';
  recordType: string | null;
  recordId: string | null;
  details: Record<string, unknown>;
  hash: string;
}

export interface AuditVerdict {
  ok: boolean;
  entries?: number;
  headSeq?: number;
  headHash?: string;
  firstBadEntry?: number;
  reason?: string;
  anchor: { seq: number; hash: string } | null;
}

export interface Compartment {
  code: string;
  kind: 'organisation' | 'case';
  members: Array<{ id: string; email: string }>;
}
