/**
 * The HTTP API as TypeScript types, for the web app: web/src/api imports them with `import type`,
 * so no server code reaches the browser bundle, yet a field renamed or retyped here breaks
 * `npm run build:web` instead of a user's screen. Each type is inferred from the zod schema that
 * describes the route's response in OpenAPI; presenters are typed against the same schemas, so the
 * type is what the server sends. Request bodies are the input side of the schemas the server
 * validates with.
 *
 * Only types here: this file is the one place the web app's view of the server is gathered, so a
 * schema that moves needs one import changed, and `tsc` (server and web) says which.
 */
// The cookie plugin's additions to Fastify's request and reply, which the route files these types
// come from use; the web typecheck reaches them only through here.
import type {} from '@fastify/cookie';
import type { z } from 'zod';
import type {
  EstimateAnswerSchema,
  EstimateRequestSchema,
  OverlapsSchema,
  SaveEstimateSchema,
} from '../services/estimation/schemas.ts';
import type { labelRequestSchema, runRequestSchema } from '../services/linkage/linkage.ts';
import type { newPersonSchema } from '../services/persons/persons.ts';
import type { ReviewRequest } from '../services/review/decisions.ts';
import type {
  CaseDetailSchema,
  CaseSummarySchema,
  ImportedReferralSchema,
  InvolvementCorrectionSchema,
  InvolvementSchema,
  LinkResultSchema,
  MergeResultSchema,
  OrganisationKeySchema,
  ReferralPackageSchema,
  ReferralSchema,
  RevealedFieldSchema,
} from './presenters/casework.ts';
import type { RecordHistorySchema, SavedRecordSchema, VersionedRecordSchema } from './presenters/edits.ts';
import type {
  AvailableListsSchema,
  SavedEstimateListSchema,
  SavedEstimateSchema,
} from './presenters/estimation.ts';
import type { IncidentDetailSchema, IncidentSummarySchema } from './presenters/incidents.ts';
import type { IntakeKeySchema, OpenedSubmissionSchema, SubmissionSchema } from './presenters/intake.ts';
import type { JobSchema, QueuedIngestSchema, QueueStatusSchema } from './presenters/jobs.ts';
import type {
  LabelHistorySchema,
  LinkageListSchema,
  LinkageRecordsSchema,
  LinkageRunResultSchema,
  LinkageRunSchema,
} from './presenters/linkage.ts';
import type { QueueItemSchema, ReviewDetailSchema, ReviewResultSchema } from './presenters/review.ts';
import type { SearchResponseSchema } from './presenters/search.ts';
import type { SessionSchema, UserSchema } from './presenters/session.ts';
import type { IngestedSchema, SourceDetailSchema, SourceListItemSchema } from './presenters/sources.ts';
import type { TotpEnrolment as TotpEnrolmentSchema } from './routes/accountAccess.ts';
import type { SetupResult as SetupResultSchema, SetupState as SetupStateSchema } from './routes/accounts.ts';
import type { AuditEntrySchema, AuditVerdictSchema, CompartmentSchema } from './routes/administration.ts';
import type { DraftSchema } from './routes/drafts.ts';
import type { ReferenceStatus as ReferenceStatusSchema } from './routes/intake.ts';
import type {
  ByCountry,
  StatsBreakdown as StatsBreakdownSchema,
  StatsPlaces as StatsPlacesSchema,
  Timeline as TimelineSchema,
} from './routes/stats.ts';
import type { AccountSchema, InvitationSchema } from './routes/users.ts';
import type { Vocabulary as VocabularySchema } from './routes/vocabulary.ts';

type Out<T extends z.ZodType> = z.output<T>;

/** A list answer with paging (listOf in presenters/common.ts). */
export interface Page<T> {
  total: number;
  limit: number;
  offset: number;
  items: T[];
}

/** A page of a long list (longListOf): the total may be "at least", `next` continues by cursor. */
export interface LongPage<T> extends Page<T> {
  totalIsLowerBound: boolean;
  next: string | null;
}

export type Vocabulary = Out<typeof VocabularySchema>;

export type User = Out<typeof UserSchema>;
export type Session = Out<typeof SessionSchema>;
export type SetupState = Out<typeof SetupStateSchema>;
export type SetupResult = Out<typeof SetupResultSchema>;
export type TotpEnrolment = Out<typeof TotpEnrolmentSchema>;

export type SourceSummary = Out<typeof SourceListItemSchema>;
export type SourceDetail = Out<typeof SourceDetailSchema>;
export type CaptureResult = Out<typeof IngestedSchema>;

export type ReviewQueueItem = Out<typeof QueueItemSchema>;
export type ReviewItem = Out<typeof ReviewDetailSchema>;
export type ReviewOutcome = Out<typeof ReviewResultSchema>;
export type ReviewDecision = z.input<typeof ReviewRequest>;

export type IncidentSummary = Out<typeof IncidentSummarySchema>;
export type Incident = Out<typeof IncidentDetailSchema>;

export type SearchResult = Out<typeof SearchResponseSchema>;
export type Timeline = Out<typeof TimelineSchema>;
export type MapStats = Out<typeof ByCountry>;
export type StatsBreakdown = Out<typeof StatsBreakdownSchema>;
export type StatsPlaces = Out<typeof StatsPlacesSchema>;

export type IntakeKey = Out<typeof IntakeKeySchema>;
export type IntakeSubmission = Out<typeof SubmissionSchema>;
export type OpenedSubmission = Out<typeof OpenedSubmissionSchema>;
export type ReportStatus = Out<typeof ReferenceStatusSchema>;

export type Account = Out<typeof AccountSchema>;
export type Invitation = Out<typeof InvitationSchema>;
export type AuditEntry = Out<typeof AuditEntrySchema>;
export type AuditVerdict = Out<typeof AuditVerdictSchema>;
export type Compartment = Out<typeof CompartmentSchema>;
export type Job = Out<typeof JobSchema>;
export type QueuedIngest = Out<typeof QueuedIngestSchema>;
export type QueueStatus = Out<typeof QueueStatusSchema>;

export type VersionedRecord = Out<typeof VersionedRecordSchema>;
export type RecordHistory = Out<typeof RecordHistorySchema>;
export type SavedRecord = Out<typeof SavedRecordSchema>;
export type Draft = Out<typeof DraftSchema>;

export type NewPerson = z.input<typeof newPersonSchema>;
export type RevealedField = Out<typeof RevealedFieldSchema>;
export type Involvement = Out<typeof InvolvementSchema>;
export type LinkResult = Out<typeof LinkResultSchema>;
export type InvolvementCorrection = Out<typeof InvolvementCorrectionSchema>;
export type MergeResult = Out<typeof MergeResultSchema>;
export type CaseSummary = Out<typeof CaseSummarySchema>;
export type CaseDetail = Out<typeof CaseDetailSchema>;
export type OrganisationKey = Out<typeof OrganisationKeySchema>;
export type Referral = Out<typeof ReferralSchema>;
export type ReferralPackage = Out<typeof ReferralPackageSchema>;
export type ImportedReferral = Out<typeof ImportedReferralSchema>;

export type EstimationLists = Out<typeof AvailableListsSchema>;
export type EstimationOverlaps = Out<typeof OverlapsSchema>;
export type EstimateAnswer = Out<typeof EstimateAnswerSchema>;
export type EstimateRequest = z.input<typeof EstimateRequestSchema>;
export type SaveEstimateRequest = z.input<typeof SaveEstimateSchema>;
export type SavedEstimate = Out<typeof SavedEstimateSchema>;
export type SavedEstimateList = Out<typeof SavedEstimateListSchema>;
export type LinkageList = Out<typeof LinkageListSchema>;
export type LinkageRun = Out<typeof LinkageRunSchema>;
export type LinkageRunResult = Out<typeof LinkageRunResultSchema>;
export type LinkageRecords = Out<typeof LinkageRecordsSchema>;
export type LabelHistory = Out<typeof LabelHistorySchema>;
export type LinkageRunRequest = z.input<typeof runRequestSchema>;
export type LinkageLabelRequest = z.input<typeof labelRequestSchema>;
