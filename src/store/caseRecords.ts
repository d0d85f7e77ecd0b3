/**
 * What a case holds besides its status: tasks, consents, notes and attachments. Texts and files are
 * envelopes; due dates, field names and authorship stay clear for the overdue list and the audit.
 * `SEALED_CASE_COLUMNS` names every envelope so key rotation re-seals them all.
 */
import { type Queryable, toBytes } from './db.ts';

/** Every sealed column of a case's records: [table, column]. The envelope's record type is the table. */
export const SEALED_CASE_COLUMNS = [
  ['case_transitions', 'note'],
  ['case_tasks', 'title'],
  ['case_consents', 'recipient'],
  ['case_notes', 'body'],
  ['case_attachments', 'name'],
  ['case_attachments', 'content'],
] as const;
export type SealedCaseTable = (typeof SEALED_CASE_COLUMNS)[number][0];

export interface TaskRow {
  id: string;
  caseId: string;
  title: Uint8Array;
  dueOn: string | null;
  doneAt: Date | null;
  createdAt: Date;
}

export interface ConsentRow {
  id: string;
  personId: string;
  fields: string[];
  recipient: Uint8Array;
  givenOn: string;
  withdrawnAt: Date | null;
}

export interface NoteRow {
  id: string;
  body: Uint8Array;
  createdByEmail: string;
  createdAt: Date;
}

export interface AttachmentRow {
  id: string;
  name: Uint8Array;
  byteSize: number;
  createdByEmail: string;
  createdAt: Date;
}

const bytes = (value: Uint8Array) => toBytes(value);

export function caseRecordsRepository(db: Queryable) {
  return {
    async insertTask(row: {
      id: string;
      caseId: string;
      title: Uint8Array;
      dueOn: string | null;
      by: string;
    }) {
      await db.query(
        'insert into case_tasks (id, case_id, title, due_on, created_by) values ($1, $2, $3, $4, $5)',
        [row.id, row.caseId, row.title, row.dueOn, row.by],
      );
    },
    async completeTask(caseId: string, taskId: string, by: string): Promise<boolean> {
      const rows = await db.query<{ id: string }>(
        `update case_tasks set done_at = now(), done_by = $3
         where id = $2 and case_id = $1 and done_at is null returning id`,
        [caseId, taskId, by],
      );
      return rows.length === 1;
    },
    async tasks(caseId: string): Promise<TaskRow[]> {
      const rows = await db.query<{
        id: string;
        case_id: string;
        title: Uint8Array;
        due_on: string | null;
        done_at: Date | null;
        created_at: Date;
      }>('select * from case_tasks where case_id = $1 order by due_on nulls last, created_at', [caseId]);
      return rows.map((row) => ({
        id: row.id,
        caseId: row.case_id,
        title: bytes(row.title),
        dueOn: row.due_on,
        doneAt: row.done_at,
        createdAt: row.created_at,
      }));
    },
    async insertConsent(row: {
      id: string;
      caseId: string;
      personId: string;
      fields: string[];
      recipient: Uint8Array;
      givenOn: string;
      by: string;
    }) {
      await db.query(
        `insert into case_consents (id, case_id, person_id, fields, recipient, given_on, created_by)
         values ($1, $2, $3, $4, $5, $6, $7)`,
        [row.id, row.caseId, row.personId, row.fields, row.recipient, row.givenOn, row.by],
      );
    },
    async withdrawConsent(caseId: string, consentId: string): Promise<boolean> {
      const rows = await db.query<{ id: string }>(
        `update case_consents set withdrawn_at = now()
         where id = $2 and case_id = $1 and withdrawn_at is null returning id`,
        [caseId, consentId],
      );
      return rows.length === 1;
    },
    async consents(caseId: string): Promise<ConsentRow[]> {
      const rows = await db.query<{
        id: string;
        person_id: string;
        fields: string[];
        recipient: Uint8Array;
        given_on: string;
        withdrawn_at: Date | null;
      }>('select * from case_consents where case_id = $1 order by given_on, created_at', [caseId]);
      return rows.map((row) => ({
        id: row.id,
        personId: row.person_id,
        fields: row.fields,
        recipient: bytes(row.recipient),
        givenOn: row.given_on,
        withdrawnAt: row.withdrawn_at,
      }));
    },
    async insertNote(row: { id: string; caseId: string; body: Uint8Array; by: string }) {
      await db.query('insert into case_notes (id, case_id, body, created_by) values ($1, $2, $3, $4)', [
        row.id,
        row.caseId,
        row.body,
        row.by,
      ]);
    },
    async notes(caseId: string): Promise<NoteRow[]> {
      const rows = await db.query<{ id: string; body: Uint8Array; email: string; created_at: Date }>(
        `select n.id, n.body, u.email, n.created_at from case_notes n join users u on u.id = n.created_by
         where n.case_id = $1 order by n.created_at, n.id`,
        [caseId],
      );
      return rows.map((row) => ({
        id: row.id,
        body: bytes(row.body),
        createdByEmail: row.email,
        createdAt: row.created_at,
      }));
    },
    async insertAttachment(row: {
      id: string;
      caseId: string;
      name: Uint8Array;
      content: Uint8Array;
      byteSize: number;
      by: string;
    }) {
      await db.query(
        `insert into case_attachments (id, case_id, name, content, byte_size, created_by)
         values ($1, $2, $3, $4, $5, $6)`,
        [row.id, row.caseId, row.name, row.content, row.byteSize, row.by],
      );
    },
    async attachments(caseId: string): Promise<AttachmentRow[]> {
      const rows = await db.query<{
        id: string;
        name: Uint8Array;
        byte_size: number;
        email: string;
        created_at: Date;
      }>(
        `select a.id, a.name, a.byte_size, u.email, a.created_at
         from case_attachments a join users u on u.id = a.created_by
         where a.case_id = $1 order by a.created_at, a.id`,
        [caseId],
      );
      return rows.map((row) => ({
        id: row.id,
        name: bytes(row.name),
        byteSize: row.byte_size,
        createdByEmail: row.email,
        createdAt: row.created_at,
      }));
    },
    async attachmentContent(
      caseId: string,
      attachmentId: string,
    ): Promise<{ name: Uint8Array; content: Uint8Array } | null> {
      const rows = await db.query<{ name: Uint8Array; content: Uint8Array }>(
        'select name, content from case_attachments where id = $2 and case_id = $1',
        [caseId, attachmentId],
      );
      return rows[0] ? { name: bytes(rows[0].name), content: bytes(rows[0].content) } : null;
    },
    /** Every envelope of one column of the cases in a compartment, for re-sealing under a new key. */
    async sealedValues(
      table: SealedCaseTable,
      column: string,
      compartmentId: string,
    ): Promise<Array<{ id: string; value: Uint8Array }>> {
      const rows = await db.query<{ id: string; value: Uint8Array }>(
        `select r.id, r.${column} as value from ${table} r join cases c on c.id = r.case_id
         where c.compartment_id = $1 and r.${column} is not null`,
        [compartmentId],
      );
      return rows.map((row) => ({ id: row.id, value: bytes(row.value) }));
    },
    async replaceSealedValue(table: SealedCaseTable, column: string, id: string, value: Uint8Array) {
      await db.query(`update ${table} set ${column} = $2 where id = $1`, [id, value]);
    },
  };
}
