/** Sealed public submissions: bytes, arrival minute and their life as work; nothing about the sender. */
import type { DiscardReason, IntakeStatus } from '../core/intakeReport.ts';
import { type Queryable, toBytes } from './db.ts';

export interface SubmissionRow {
  id: string;
  receivedAt: Date;
  status: IntakeStatus;
  discardReason: DiscardReason | null;
  sourceId: string | null;
  personCode: string | null;
  caseId: string | null;
}

interface RawRow {
  id: string;
  received_at: Date;
  status: IntakeStatus;
  discard_reason: DiscardReason | null;
  source_id: string | null;
  person_code: string | null;
  case_id: string | null;
}

const COLUMNS = 'id, received_at, status, discard_reason, source_id, person_code, case_id';

const toRow = (row: RawRow): SubmissionRow => ({
  id: row.id,
  receivedAt: row.received_at,
  status: row.status,
  discardReason: row.discard_reason,
  sourceId: row.source_id,
  personCode: row.person_code,
  caseId: row.case_id,
});

export function intakeRepository(db: Queryable) {
  return {
    async insert(id: string, sealed: Uint8Array, referenceHash: Uint8Array | null = null): Promise<void> {
      // received_at is truncated to the minute: finer timing would help correlate a submitter with
      // network logs kept elsewhere.
      await db.query(
        `insert into intake_submissions (id, sealed, received_at, reference_hash)
         values ($1, $2, date_trunc('minute', now()), $3)`,
        [id, sealed, referenceHash],
      );
    },
    async findById(id: string): Promise<(SubmissionRow & { sealed: Uint8Array }) | null> {
      const rows = await db.query<RawRow & { sealed: Uint8Array }>(
        `select ${COLUMNS}, sealed from intake_submissions where id = $1`,
        [id],
      );
      const row = rows[0];
      return row ? { ...toRow(row), sealed: toBytes(row.sealed) } : null;
    },
    async findByIdForUpdate(id: string): Promise<SubmissionRow | null> {
      const rows = await db.query<RawRow>(
        `select ${COLUMNS} from intake_submissions where id = $1 for update`,
        [id],
      );
      return rows[0] ? toRow(rows[0]) : null;
    },
    async statusByReference(referenceHash: Uint8Array): Promise<IntakeStatus | null> {
      const rows = await db.query<{ status: IntakeStatus }>(
        'select status from intake_submissions where reference_hash = $1',
        [referenceHash],
      );
      return rows[0]?.status ?? null;
    },
    async list(): Promise<SubmissionRow[]> {
      const rows = await db.query<RawRow>(
        `select ${COLUMNS} from intake_submissions order by received_at, id`,
      );
      return rows.map(toRow);
    },
    async countNew(): Promise<number> {
      const rows = await db.query<{ n: number }>(
        "select count(*)::int as n from intake_submissions where status = 'new'",
      );
      return rows[0]?.n ?? 0;
    },
    async setStatus(
      id: string,
      status: IntakeStatus,
      discardReason: DiscardReason | null = null,
    ): Promise<void> {
      await db.query(
        'update intake_submissions set status = $2, discard_reason = $3, status_changed_at = now() where id = $1',
        [id, status, discardReason],
      );
    },
    async setSource(id: string, sourceId: string): Promise<void> {
      await db.query('update intake_submissions set source_id = $2 where id = $1', [id, sourceId]);
    },
    async setPersonCode(id: string, code: string): Promise<void> {
      await db.query('update intake_submissions set person_code = $2 where id = $1', [id, code]);
    },
    async setCase(id: string, caseId: string): Promise<void> {
      await db.query('update intake_submissions set case_id = $2 where id = $1', [id, caseId]);
    },
  };
}
