/**
 * What leaves the server about public intake. A listing says only that a sealed submission arrived and
 * in which minute: nothing about the sender exists to present. An opened submission is the
 * submitter's own JSON, checked against the form's shape because it comes from an anonymous stranger;
 * anything else is handed back as text so a member can still read it, never interpreted.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import {
  DISCARD_REASONS,
  INTAKE_STATUSES,
  IntakeReportSchema,
  parseIntakeReport,
} from '../../core/intakeReport.ts';
import type { SubmissionRow } from '../../services/intake/intake.ts';
import { Id, Instant } from './common.ts';

export { IntakeReportSchema };

export const IntakeKeySchema = z.object({
  publicKey: z.string().describe('the organisation’s X25519 public key, base64 (standard alphabet)'),
  keyId: z.string().describe('a short fingerprint of that key; changes when the key does'),
  algorithm: z.literal('crypto_box_seal'),
  organisation: z.string().describe('the organisation’s name, shown on the form'),
  maxAttachmentBytes: z.number().int().describe('raw bytes of all attachments together'),
});

export const SubmissionSchema = z.object({
  id: Id,
  receivedAt: Instant.describe('truncated to the minute'),
  status: z.enum(INTAKE_STATUSES),
  discardReason: z.enum(DISCARD_REASONS).nullable(),
  sourceId: Id.nullable().describe('the source it was converted into'),
  personCode: z.string().nullable().describe('the protected person record of the reporter'),
  caseId: Id.nullable().describe('the case opened for the reporter'),
});
export const SubmissionListSchema = z.object({ items: z.array(SubmissionSchema) });

export const OpenedSubmissionSchema = SubmissionSchema.extend({
  report: IntakeReportSchema.nullable().describe(
    'the form’s fields, or null if the plaintext is not the form',
  ),
  text: z.string().nullable().describe('the plaintext as UTF-8 when it is not the form’s JSON'),
});

/** A fingerprint, not a secret: lets the form notice that the key changed since it was loaded. */
export function intakeKeyId(publicKey: Uint8Array): string {
  return createHash('sha256').update(publicKey).digest('base64url').slice(0, 16);
}

export function presentIntakeKey(
  publicKey: Uint8Array,
  organisation: string,
  maxAttachmentBytes: number,
): z.infer<typeof IntakeKeySchema> {
  return {
    publicKey: Buffer.from(publicKey).toString('base64'),
    keyId: intakeKeyId(publicKey),
    algorithm: 'crypto_box_seal',
    organisation,
    maxAttachmentBytes,
  };
}

export function presentSubmission(submission: SubmissionRow): z.infer<typeof SubmissionSchema> {
  return {
    id: submission.id,
    receivedAt: submission.receivedAt.toISOString(),
    status: submission.status,
    discardReason: submission.discardReason,
    sourceId: submission.sourceId,
    personCode: submission.personCode,
    caseId: submission.caseId,
  };
}

export function presentOpenedSubmission(
  submission: SubmissionRow,
  plaintext: Uint8Array,
): z.infer<typeof OpenedSubmissionSchema> {
  const text = new TextDecoder('utf-8', { fatal: false }).decode(plaintext);
  const report = parseIntakeReport(text);
  return { ...presentSubmission(submission), report, text: report ? null : text };
}
