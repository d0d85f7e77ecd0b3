/**
 * What a case holds: tasks with due dates, consent records, a notes timeline and attachments, each
 * text and file sealed under the case compartment's key, each change audited, and the whole case
 * shown in one audited read.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { SHAREABLE_FIELDS, type ShareableField } from '../../core/casework.ts';
import { IsoDate } from '../../core/codes.ts';
import { InvalidInput, NotFound } from '../../core/errors.ts';
import { parseWith } from '../../core/validation.ts';
import { keyRing, openBytes, openText, sealBytes, sealText } from '../../crypto/seal.ts';
import { caseRecordsRepository } from '../../store/caseRecords.ts';
import { casesRepository } from '../../store/cases.ts';
import type { Db } from '../../store/db.ts';
import { personsRepository } from '../../store/persons.ts';
import type { Actor } from '../accounts/actor.ts';
import { appendAudit } from '../audit/audit.ts';
import { PERSON_CODE } from '../persons/persons.ts';
import { type CaseWithKeys, holdCurrentKey, withCase } from './access.ts';
import { auditCaseRead, type CaseDetail, sealedContext, showCaseHeader, today } from './cases.ts';

/** Attachments live in the database, sealed; larger files belong in a source. */
export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

export interface CaseView extends CaseDetail {
  tasks: Array<{ id: string; title: string; dueOn: string | null; done: boolean; overdue: boolean }>;
  consents: Array<{
    id: string;
    person: string;
    fields: string[];
    recipient: string;
    givenOn: string;
    withdrawnAt: string | null;
  }>;
  notes: Array<{ id: string; text: string; by: string; at: string }>;
  attachments: Array<{ id: string; name: string; byteSize: number; by: string; at: string }>;
}

/** The whole case, opened; one `case.read` audit entry. */
export async function showCase(db: Db, actor: Actor, ref: string): Promise<CaseView> {
  return withCase(db, actor, 'case.read', ref, async (access) => {
    const ring = keyRing(access.keys);
    const records = caseRecordsRepository(db);
    const caseId = access.row.id;
    const header = await showCaseHeader(db, access);
    const consents = await records.consents(caseId);
    const codes = await personsRepository(db).codesByIds(consents.map((consent) => consent.personId));
    const day = today();
    const view: CaseView = {
      ...header,
      tasks: (await records.tasks(caseId)).map((task) => ({
        id: task.id,
        title: openText(ring, task.title, sealedContext('case_tasks', task.id, 'title')),
        dueOn: task.dueOn,
        done: task.doneAt !== null,
        overdue: task.doneAt === null && task.dueOn !== null && task.dueOn < day,
      })),
      consents: consents.map((consent) => ({
        id: consent.id,
        person: codes.get(consent.personId)!,
        fields: consent.fields,
        recipient: openText(ring, consent.recipient, sealedContext('case_consents', consent.id, 'recipient')),
        givenOn: consent.givenOn,
        withdrawnAt: consent.withdrawnAt?.toISOString() ?? null,
      })),
      notes: (await records.notes(caseId)).map((note) => ({
        id: note.id,
        text: openText(ring, note.body, sealedContext('case_notes', note.id, 'body')),
        by: note.createdByEmail,
        at: note.createdAt.toISOString(),
      })),
      attachments: (await records.attachments(caseId)).map((attachment) => ({
        id: attachment.id,
        name: openText(ring, attachment.name, sealedContext('case_attachments', attachment.id, 'name')),
        byteSize: attachment.byteSize,
        by: attachment.createdByEmail,
        at: attachment.createdAt.toISOString(),
      })),
    };
    await auditCaseRead(db, actor, access.row, 'case');
    return view;
  });
}

/** Seals, then writes in one transaction with its audit entry, under a key still current at commit. */
async function writeSealed<T>(
  db: Db,
  actor: Actor,
  access: CaseWithKeys,
  action: string,
  details: Record<string, string | number | boolean | null>,
  write: (records: ReturnType<typeof caseRecordsRepository>) => Promise<T>,
): Promise<T> {
  return db.transaction(async (tx) => {
    await holdCurrentKey(tx, access);
    const result = await write(caseRecordsRepository(tx));
    await appendAudit(tx, {
      actor: actor.userId,
      action,
      recordType: 'case',
      recordId: access.row.code,
      details,
    });
    return result;
  });
}

export const newTaskSchema = z.strictObject({
  title: z.string().trim().min(1).max(2_000),
  dueOn: IsoDate.nullable().default(null),
});

export async function addTask(
  db: Db,
  actor: Actor,
  ref: string,
  input: z.input<typeof newTaskSchema>,
): Promise<{ id: string }> {
  const task = parseWith(newTaskSchema, input, 'body');
  return withCase(db, actor, 'case.update', ref, async (access) => {
    const id = randomUUID();
    const title = sealText(access.current, task.title, sealedContext('case_tasks', id, 'title'));
    return writeSealed(
      db,
      actor,
      access,
      'case.task.add',
      { task: id, dueOn: task.dueOn },
      async (records) => {
        await records.insertTask({ id, caseId: access.row.id, title, dueOn: task.dueOn, by: actor.userId });
        return { id };
      },
    );
  });
}

export async function completeTask(db: Db, actor: Actor, ref: string, taskId: string): Promise<void> {
  await withCase(db, actor, 'case.update', ref, (access) =>
    writeSealed(db, actor, access, 'case.task.done', { task: taskId }, async (records) => {
      if (!(await records.completeTask(access.row.id, taskId, actor.userId)))
        throw new NotFound('open task', taskId);
    }),
  );
}

export const newConsentSchema = z.strictObject({
  person: z.string().regex(PERSON_CODE, 'expected a person code like V-0001'),
  fields: z.array(z.enum(SHAREABLE_FIELDS)).min(1),
  /** With whom the person agreed to share (an organisation, a service). */
  recipient: z.string().trim().min(1).max(500),
  givenOn: IsoDate.optional(),
});

export async function addConsent(
  db: Db,
  actor: Actor,
  ref: string,
  input: z.input<typeof newConsentSchema>,
): Promise<{ id: string }> {
  const consent = parseWith(newConsentSchema, input, 'body');
  return withCase(db, actor, 'case.update', ref, async (access) => {
    const person = await personsRepository(db).findByCode(consent.person);
    if (!person) throw new NotFound('person', consent.person);
    if (!(await isCasePerson(db, access.row.id, person.id)))
      throw new InvalidInput('person', `${consent.person} is not a person of case ${access.row.code}`);
    const id = randomUUID();
    const recipient = sealText(
      access.current,
      consent.recipient,
      sealedContext('case_consents', id, 'recipient'),
    );
    const fields = [...new Set(consent.fields)];
    return writeSealed(
      db,
      actor,
      access,
      'case.consent.add',
      { consent: id, person: consent.person, fields: fields.join(',') },
      async (records) => {
        await records.insertConsent({
          id,
          caseId: access.row.id,
          personId: person.id,
          fields,
          recipient,
          givenOn: consent.givenOn ?? today(),
          by: actor.userId,
        });
        return { id };
      },
    );
  });
}

async function isCasePerson(db: Db, caseId: string, personId: string): Promise<boolean> {
  return (await casesRepository(db).personIds(caseId)).includes(personId);
}

export async function withdrawConsent(db: Db, actor: Actor, ref: string, consentId: string): Promise<void> {
  await withCase(db, actor, 'case.update', ref, (access) =>
    writeSealed(db, actor, access, 'case.consent.withdraw', { consent: consentId }, async (records) => {
      if (!(await records.withdrawConsent(access.row.id, consentId)))
        throw new NotFound('consent', consentId);
    }),
  );
}

/** The fields each person of the case has consented to share and not withdrawn, by person id. */
export async function consentedFields(db: Db, caseId: string): Promise<Map<string, Set<ShareableField>>> {
  const out = new Map<string, Set<ShareableField>>();
  for (const consent of await caseRecordsRepository(db).consents(caseId)) {
    if (consent.withdrawnAt) continue;
    const fields = out.get(consent.personId) ?? new Set<ShareableField>();
    for (const field of consent.fields) fields.add(field as ShareableField);
    out.set(consent.personId, fields);
  }
  return out;
}

export const newNoteSchema = z.strictObject({ text: z.string().trim().min(1).max(100_000) });

export async function addNote(
  db: Db,
  actor: Actor,
  ref: string,
  input: z.input<typeof newNoteSchema>,
): Promise<{ id: string }> {
  const note = parseWith(newNoteSchema, input, 'body');
  return withCase(db, actor, 'case.update', ref, async (access) => {
    const id = randomUUID();
    const body = sealText(access.current, note.text, sealedContext('case_notes', id, 'body'));
    return writeSealed(db, actor, access, 'case.note.add', { note: id }, async (records) => {
      await records.insertNote({ id, caseId: access.row.id, body, by: actor.userId });
      return { id };
    });
  });
}

const attachmentNameSchema = z.string().trim().min(1).max(255);

export async function addAttachment(
  db: Db,
  actor: Actor,
  ref: string,
  file: { name: string; bytes: Uint8Array },
): Promise<{ id: string }> {
  const name = parseWith(attachmentNameSchema, file.name, 'file.name');
  if (file.bytes.byteLength > MAX_ATTACHMENT_BYTES)
    throw new InvalidInput('file', `is larger than ${MAX_ATTACHMENT_BYTES / 1024 / 1024} MB`);
  return withCase(db, actor, 'case.update', ref, async (access) => {
    const id = randomUUID();
    const sealedName = sealText(access.current, name, sealedContext('case_attachments', id, 'name'));
    const content = sealBytes(access.current, file.bytes, sealedContext('case_attachments', id, 'content'));
    return writeSealed(
      db,
      actor,
      access,
      'case.attachment.add',
      { attachment: id, bytes: file.bytes.byteLength },
      async (records) => {
        await records.insertAttachment({
          id,
          caseId: access.row.id,
          name: sealedName,
          content,
          byteSize: file.bytes.byteLength,
          by: actor.userId,
        });
        return { id };
      },
    );
  });
}

/** The attachment's name and bytes, opened; the download is audited. */
export async function readAttachment(
  db: Db,
  actor: Actor,
  ref: string,
  attachmentId: string,
): Promise<{ name: string; bytes: Uint8Array }> {
  return withCase(db, actor, 'case.read', ref, async (access) => {
    const stored = await caseRecordsRepository(db).attachmentContent(access.row.id, attachmentId);
    if (!stored) throw new NotFound('attachment', attachmentId);
    const ring = keyRing(access.keys);
    const file = {
      name: openText(ring, stored.name, sealedContext('case_attachments', attachmentId, 'name')),
      bytes: openBytes(ring, stored.content, sealedContext('case_attachments', attachmentId, 'content')),
    };
    await auditCaseRead(db, actor, access.row, `attachment ${attachmentId}`);
    return file;
  });
}
