/**
 * What leaves the server about persons, involvement, cases and referrals. Person data leaves only as
 * codes, except through the reveal route (one field, audited); cases leave only to their members.
 */
import { z } from 'zod';
import {
  CASE_STATUSES,
  CASE_TYPES,
  INVOLVEMENT_ROLES,
  PERPETRATOR_DEGREES,
  REFERRAL_STATUSES,
  RISK_LEVELS,
  VICTIM_STATUSES,
} from '../../core/casework.ts';
import { DateOnly, Id, Instant } from './common.ts';

export const PersonCodeSchema = z.string().describe('pseudonymous person code, e.g. V-0001');

export const PersonListSchema = z.object({ items: z.array(z.object({ code: PersonCodeSchema })) });

export const RevealedFieldSchema = z.object({
  code: PersonCodeSchema,
  field: z.string(),
  value: z.union([z.string(), z.array(z.string())]).nullable(),
});

export const InvolvementSchema = z.object({
  id: Id,
  actId: Id,
  role: z.enum(INVOLVEMENT_ROLES),
  person: PersonCodeSchema.nullable(),
  organisation: z.string().nullable(),
  perpetratorDegree: z.enum(PERPETRATOR_DEGREES).nullable(),
  victimStatus: z.enum(VICTIM_STATUSES).nullable(),
  version: z.number().int().describe('send it back with a correction: a stale version is a 409'),
  withdrawn: z.boolean().describe('withdrawn as a mistake: kept with its history, counted nowhere'),
});
export const InvolvementListSchema = z.object({ items: z.array(InvolvementSchema) });

export const LinkResultSchema = z.object({
  id: Id,
  namedVictims: z.number().int(),
  victimsMin: z.number().int().nullable(),
  victimsMax: z.number().int().nullable(),
  countRaised: z.boolean().describe('the act’s count was below its named victims and was raised'),
});

export const MergeResultSchema = z.object({
  code: PersonCodeSchema,
  into: PersonCodeSchema,
  version: z.number().int(),
  intoVersion: z.number().int(),
  moved: z.number().int().describe('involvements that now name the survivor'),
  collapsed: z.number().int().describe('involvements withdrawn: the survivor already held the same link'),
  cases: z.number().int().describe('cases that now list the survivor'),
});

export const InvolvementCorrectionSchema = LinkResultSchema.extend({ version: z.number().int() });

export const CaseSummarySchema = z.object({
  id: Id,
  code: z.string(),
  compartment: z.string(),
  type: z.enum(CASE_TYPES),
  risk: z.enum(RISK_LEVELS),
  status: z.enum(CASE_STATUSES),
  assignedTo: z.string().nullable(),
  overdueTasks: z.number().int(),
  createdAt: Instant,
});
export const CaseListSchema = z.object({ items: z.array(CaseSummarySchema) });

export const CaseDetailSchema = CaseSummarySchema.extend({
  persons: z.array(PersonCodeSchema),
  allowedTransitions: z.array(z.enum(CASE_STATUSES)),
  transitions: z.array(
    z.object({
      from: z.enum(CASE_STATUSES).nullable(),
      to: z.enum(CASE_STATUSES),
      by: z.string(),
      at: Instant,
      note: z.string().nullable(),
    }),
  ),
  tasks: z.array(
    z.object({
      id: Id,
      title: z.string(),
      dueOn: DateOnly.nullable(),
      done: z.boolean(),
      overdue: z.boolean(),
    }),
  ),
  consents: z.array(
    z.object({
      id: Id,
      person: PersonCodeSchema,
      fields: z.array(z.string()),
      recipient: z.string(),
      givenOn: DateOnly,
      withdrawnAt: Instant.nullable(),
    }),
  ),
  notes: z.array(z.object({ id: Id, text: z.string(), by: z.string(), at: Instant })),
  attachments: z.array(
    z.object({ id: Id, name: z.string(), byteSize: z.number().int(), by: z.string(), at: Instant }),
  ),
});

export const CreatedSchema = z.object({ id: Id });
export const OpenedCaseSchema = z.object({ id: Id, code: z.string() });

export const OrganisationKeySchema = z.object({
  publicKey: z.string().describe('X25519 public key, base64'),
  fingerprint: z.string().describe('first 16 bytes of its SHA-256, in groups of four hex digits'),
});

export const ReferralSchema = z.object({
  id: Id,
  direction: z.enum(['outgoing', 'incoming']),
  case: z.string(),
  caseId: Id,
  partnerFingerprint: z.string(),
  fields: z.array(z.string()),
  status: z.enum(REFERRAL_STATUSES),
  statusChangedAt: Instant,
  createdAt: Instant,
});
export const ReferralListSchema = z.object({ items: z.array(ReferralSchema) });

export const ReferralPackageSchema = z.object({
  id: Id,
  package: z.string().describe('the sealed package (JSON text) to hand to the partner'),
  partnerFingerprint: z.string(),
  senderFingerprint: z.string(),
});

export const ImportedReferralSchema = z.object({
  referralId: Id,
  caseId: Id,
  caseCode: z.string(),
  persons: z.array(PersonCodeSchema),
  fields: z.array(z.string()),
  senderFingerprint: z.string(),
});

export const StatusReplySchema = z.object({
  package: z.string().describe('the sealed status reply to hand back to the sender'),
  status: z.enum(REFERRAL_STATUSES),
});

export const ImportedStatusSchema = z.object({
  referralId: Id,
  caseCode: z.string(),
  status: z.enum(REFERRAL_STATUSES),
  partnerFingerprint: z.string(),
});
