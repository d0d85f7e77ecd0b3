/**
 * A public report becomes work: new → triaged → converted, or discarded with a reason from a fixed
 * list (free text here could name someone, and the status columns are not sealed). Each transition is
 * one transaction with its audit entry.
 *
 * Conversion turns an opened report into a captured source (its narrative, with the reporter's own
 * name and contacts taken out, preserved like any capture: SHA-256, decoding, suggestions) and a
 * protected person for the reporter (name and contacts sealed through the persons service) and, when
 * asked, a case for that person in a compartment of its own (the cases service). The steps
 * run through their own services, each atomic; the submission records each result as it lands and
 * becomes `converted` only when all are done, so a conversion that failed half-way is finished by
 * running it again, never duplicated. The narrative and each attachment become sealed sources in the
 * organisation's compartment (services/sources/sealedSources.ts): members only, every read audited.
 */
import type { CaseType } from '../../core/casework.ts';
import { InvalidInput, NotFound } from '../../core/errors.ts';
import {
  coarseIntakeStatus,
  type DiscardReason,
  type IntakeReport,
  type IntakeStatus,
  parseIntakeReport,
} from '../../core/intakeReport.ts';
import { knownValueFinder, redactText } from '../../core/redactText.ts';
import type { Db } from '../../store/db.ts';
import { intakeRepository, type SubmissionRow } from '../../store/intake.ts';
import type { Store } from '../../store/openStore.ts';
import type { Actor } from '../accounts/actor.ts';
import { appendAudit } from '../audit/audit.ts';
import { openCase } from '../cases/cases.ts';
import { addPerson } from '../persons/persons.ts';
import { authorize } from '../policies/index.ts';
import { ingestSealed } from '../sources/sealedSources.ts';
import { openSubmission, referenceHash } from './intake.ts';

const ALLOWED_FROM: Record<'triaged' | 'discarded', readonly IntakeStatus[]> = {
  triaged: ['new'],
  discarded: ['new', 'triaged'],
};

async function transition(
  db: Db,
  actor: Actor,
  id: string,
  to: 'triaged' | 'discarded',
  reason: DiscardReason | null,
): Promise<SubmissionRow> {
  authorize(actor.role, 'intake.triage');
  return db.transaction(async (tx) => {
    const submissions = intakeRepository(tx);
    const submission = await submissions.findByIdForUpdate(id);
    if (!submission) throw new NotFound('submission', id);
    if (!ALLOWED_FROM[to].includes(submission.status))
      throw new InvalidInput('status', `a ${submission.status} report cannot become ${to}`);
    await submissions.setStatus(id, to, reason);
    await appendAudit(tx, {
      actor: actor.userId,
      action: to === 'triaged' ? 'intake.triage' : 'intake.discard',
      recordType: 'intake',
      recordId: id,
      details: { from: submission.status, ...(reason ? { reason } : {}) },
    });
    return { ...submission, status: to, discardReason: reason };
  });
}

export const triageSubmission = (db: Db, actor: Actor, id: string) =>
  transition(db, actor, id, 'triaged', null);
export const discardSubmission = (db: Db, actor: Actor, id: string, reason: DiscardReason) =>
  transition(db, actor, id, 'discarded', reason);

export interface ConversionRequest {
  /** Create a protected person for the reporter (default: when they gave a name or a contact). */
  person?: boolean | undefined;
  /** Also open a case of this type for the reporter (needs the person). */
  case?: { type: CaseType } | undefined;
}

/** The narrative as a source text: the reporter's own name and contacts replaced by markers. */
export function reportSourceText(report: IntakeReport, receivedAt: Date): string {
  const text = [
    `Public report received ${receivedAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    report.when ? `When: ${report.when}` : '',
    report.where ? `Where: ${report.where}` : '',
    '',
    report.what,
  ]
    .filter((line, index) => line !== '' || index === 3)
    .join('\n');
  const known = [
    ...('name' in report && report.name.trim() ? [{ kind: 'person', text: report.name.trim() }] : []),
    ...(report.contact.trim() ? [{ kind: 'contact', text: report.contact.trim() }] : []),
  ];
  return redactText(text, knownValueFinder(known)(text)).text;
}

export async function convertSubmission(
  store: Store,
  actor: Actor,
  id: string,
  request: ConversionRequest = {},
): Promise<SubmissionRow> {
  authorize(actor.role, 'intake.convert');
  const submissions = intakeRepository(store.db);
  const submission = await submissions.findById(id);
  if (!submission) throw new NotFound('submission', id);
  if (submission.status !== 'triaged')
    throw new InvalidInput(
      'status',
      `only a triaged report can be converted (this one is ${submission.status})`,
    );
  const plaintext = await openSubmission(store.db, actor, id);
  let report: IntakeReport | null;
  try {
    report = parseIntakeReport(new TextDecoder().decode(plaintext));
  } finally {
    plaintext.fill(0);
  }
  if (!report)
    throw new InvalidInput('submission', 'is not a report from the form; read it and capture it by hand');

  let sourceId = submission.sourceId;
  if (!sourceId) {
    const bytes = new TextEncoder().encode(reportSourceText(report, submission.receivedAt));
    // Sealed in the organisation's compartment: a third person named in the narrative, or the
    // reporter described in it, stays readable by members only.
    const source = await ingestSealed(store, actor, {
      fileName: `public-report-${submission.receivedAt.toISOString().slice(0, 10)}.txt`,
      bytes,
      capturedBy: actor.userId,
      title: 'Public report',
    });
    sourceId = source.id;
    await submissions.setSource(id, sourceId);
  }
  // Each attachment becomes a sealed source of its own. The same bytes are the same source, so a
  // conversion run again after a failure finds them instead of storing them twice.
  const attachments: string[] = [];
  for (const attachment of 'attachments' in report ? report.attachments : []) {
    const bytes = new Uint8Array(Buffer.from(attachment.data, 'base64'));
    if (bytes.byteLength === 0) continue;
    try {
      const stored = await ingestSealed(store, actor, {
        fileName: attachment.name,
        bytes,
        capturedBy: actor.userId,
      });
      attachments.push(stored.id);
    } finally {
      bytes.fill(0);
    }
  }

  const name = 'name' in report ? report.name.trim() : '';
  const contact = report.contact.trim();
  const wantsPerson = request.person ?? (name !== '' || contact !== '' || request.case !== undefined);
  if (request.case && !wantsPerson)
    throw new InvalidInput('case', 'a case concerns a person: convert with the reporter as a person');
  let personCode = submission.personCode;
  if (wantsPerson && !personCode) {
    const person = await addPerson(store.db, actor, {
      name: name || 'Reporter (no name given)',
      contacts: contact ? [contact] : [],
      note: `Reporter of public report ${id}`,
    });
    personCode = person.code;
    await submissions.setPersonCode(id, personCode);
  }

  let caseId = submission.caseId;
  if (request.case && personCode && !caseId) {
    const opened = await openCase(store.db, actor, { persons: [personCode], type: request.case.type });
    caseId = opened.id;
    await submissions.setCase(id, caseId);
  }

  return store.db.transaction(async (tx) => {
    const current = await intakeRepository(tx).findByIdForUpdate(id);
    if (!current) throw new NotFound('submission', id);
    if (current.status === 'converted') return current;
    await intakeRepository(tx).setStatus(id, 'converted');
    await appendAudit(tx, {
      actor: actor.userId,
      action: 'intake.convert',
      recordType: 'intake',
      recordId: id,
      details: {
        source: sourceId,
        attachments: attachments.join(' '),
        person: personCode ?? '',
        ...(caseId ? { case: caseId } : {}),
      },
    });
    return { ...current, caseId, status: 'converted' as const };
  });
}

/** What a reporter may learn with their reference code (see coarseIntakeStatus); null if unknown. */
export async function reportStatusByReference(
  db: Db,
  reference: string,
): Promise<ReturnType<typeof coarseIntakeStatus> | null> {
  const status = await intakeRepository(db).statusByReference(referenceHash(reference));
  return status ? coarseIntakeStatus(status) : null;
}
