/**
 * What the public report form seals in the browser. It comes from an anonymous stranger, so it is
 * checked against this shape when opened; anything else is shown as text and never interpreted.
 * Version 2 adds the reporter's name and attachments (sealed with the rest: the server never sees
 * them in the clear). The attachment limits are checked here again because the form's own checks
 * run on the stranger's device.
 */
import { z } from 'zod';

const Text = (max: number) => z.string().max(max);

/** The decoded size of base64 text, without decoding it. */
const base64ByteLength = (data: string) =>
  Math.floor((data.length * 3) / 4) - (data.endsWith('==') ? 2 : data.endsWith('=') ? 1 : 0);

/** Raw bytes of all attachments together; the form refuses more before sealing. */
export const MAX_REPORT_ATTACHMENT_BYTES = 5 * 1024 * 1024;
export const MAX_REPORT_ATTACHMENTS = 5;

export const ReportAttachmentSchema = z.strictObject({
  name: Text(255),
  type: Text(100),
  /** Base64 (standard alphabet). */
  data: z.base64(),
});

const base = {
  what: Text(50_000).describe('what happened, in the submitter’s words'),
  where: Text(2_000),
  when: Text(500),
  contact: Text(2_000).describe('how to reach the submitter; empty if they chose not to say'),
};

export const IntakeReportSchema = z.union([
  z.strictObject({ version: z.literal(1), ...base }),
  z
    .strictObject({
      version: z.literal(2),
      ...base,
      name: Text(500).describe('the submitter’s name; empty if they chose not to say'),
      attachments: z.array(ReportAttachmentSchema).max(MAX_REPORT_ATTACHMENTS),
    })
    .refine(
      (report) =>
        report.attachments.reduce((sum, file) => sum + base64ByteLength(file.data), 0) <=
        MAX_REPORT_ATTACHMENT_BYTES,
      { message: `attachments are larger than ${MAX_REPORT_ATTACHMENT_BYTES} bytes together` },
    ),
]);
export type IntakeReport = z.infer<typeof IntakeReportSchema>;

/** Parses opened plaintext; null when it is not the form's JSON (shown as text instead). */
export function parseIntakeReport(text: string): IntakeReport | null {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return null;
  }
  const result = IntakeReportSchema.safeParse(json);
  return result.success ? result.data : null;
}

export const INTAKE_STATUSES = ['new', 'triaged', 'converted', 'discarded'] as const;
export type IntakeStatus = (typeof INTAKE_STATUSES)[number];
export const DISCARD_REASONS = ['spam', 'duplicate', 'out-of-scope', 'not-enough-information'] as const;
export type DiscardReason = (typeof DISCARD_REASONS)[number];

/**
 * What a reporter learns with their reference code: no more than whether someone is working on it.
 * Converted and triaged look the same, and a discard is only "closed", so the answer says nothing
 * about what the organisation decided or holds.
 */
export function coarseIntakeStatus(status: IntakeStatus): 'received' | 'in-progress' | 'closed' {
  if (status === 'new') return 'received';
  if (status === 'discarded') return 'closed';
  return 'in-progress';
}
