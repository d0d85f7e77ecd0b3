/**
 * What leaves the server about public intake. A listing says only that a sealed submission arrived and
 * in which minute: nothing about the sender exists to present. An opened submission is the
 * submitter's own JSON, checked against the form's shape because it comes from an anonymous stranger;
 * anything else is handed back as text so a member can still read it, never interpreted.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { Id, Instant } from './common.ts';

const Text = (max: number) => z.string().max(max);

/** The plaintext the web form seals. `version` lets the form evolve without breaking old submissions. */
export const IntakeReportSchema = z.strictObject({
  version: z.literal(1),
  what: Text(50_000).describe('what happened, in the submitter’s words'),
  where: Text(2_000),
  when: Text(500),
  contact: Text(2_000).describe('how to reach the submitter; empty if they chose not to say'),
});
export type IntakeReport = z.infer<typeof IntakeReportSchema>;

export const IntakeKeySchema = z.object({
  publicKey: z.string().describe('the organisation’s X25519 public key, base64 (standard alphabet)'),
  keyId: z.string().describe('a short fingerprint of that key; changes when the key does'),
  algorithm: z.literal('crypto_box_seal'),
});

export const SubmissionSchema = z.object({
  id: Id,
  receivedAt: Instant.describe('truncated to the minute'),
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

export function presentIntakeKey(publicKey: Uint8Array): z.infer<typeof IntakeKeySchema> {
  return {
    publicKey: Buffer.from(publicKey).toString('base64'),
    keyId: intakeKeyId(publicKey),
    algorithm: 'crypto_box_seal',
  };
}

export function presentSubmission(submission: { id: string; receivedAt: Date }) {
  return { id: submission.id, receivedAt: submission.receivedAt.toISOString() };
}

export function presentOpenedSubmission(
  submission: { id: string; receivedAt: Date },
  plaintext: Uint8Array,
): z.infer<typeof OpenedSubmissionSchema> {
  const text = new TextDecoder('utf-8', { fatal: false }).decode(plaintext);
  const report = IntakeReportSchema.safeParse(parseJson(text));
  return {
    ...presentSubmission(submission),
    report: report.success ? report.data : null,
    text: report.success ? null : text,
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
