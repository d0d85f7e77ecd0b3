/** Referrals sent to and received from partner organisations, known by their public keys. */
import type { ReferralStatus } from '../core/casework.ts';
import { type Queryable, toBytes } from './db.ts';

export interface ReferralRow {
  id: string;
  direction: 'outgoing' | 'incoming';
  caseId: string;
  caseCode: string;
  partnerPublicKey: Uint8Array;
  fields: string[];
  status: ReferralStatus;
  statusChangedAt: Date;
  createdAt: Date;
}

interface RawRow {
  id: string;
  direction: 'outgoing' | 'incoming';
  case_id: string;
  case_code: string;
  partner_public_key: Uint8Array;
  fields: string[];
  status: ReferralStatus;
  status_changed_at: Date;
  created_at: Date;
}

const toRow = (row: RawRow): ReferralRow => ({
  id: row.id,
  direction: row.direction,
  caseId: row.case_id,
  caseCode: row.case_code,
  partnerPublicKey: toBytes(row.partner_public_key),
  fields: row.fields,
  status: row.status,
  statusChangedAt: row.status_changed_at,
  createdAt: row.created_at,
});

const SELECT = 'select r.*, c.code as case_code from referrals r join cases c on c.id = r.case_id';

export function referralsRepository(db: Queryable) {
  return {
    async insert(row: {
      id: string;
      direction: 'outgoing' | 'incoming';
      caseId: string;
      partnerPublicKey: Uint8Array;
      fields: string[];
      createdBy: string;
    }): Promise<void> {
      await db.query(
        `insert into referrals (id, direction, case_id, partner_public_key, fields, status, created_by)
         values ($1, $2, $3, $4, $5, 'sent', $6)`,
        [row.id, row.direction, row.caseId, row.partnerPublicKey, row.fields, row.createdBy],
      );
    },
    async findById(id: string): Promise<ReferralRow | null> {
      const rows = await db.query<RawRow>(`${SELECT} where r.id = $1`, [id]);
      return rows[0] ? toRow(rows[0]) : null;
    },
    async findByIdForUpdate(id: string): Promise<ReferralRow | null> {
      const rows = await db.query<RawRow>(`${SELECT} where r.id = $1 for update of r`, [id]);
      return rows[0] ? toRow(rows[0]) : null;
    },
    async setStatus(id: string, status: ReferralStatus): Promise<void> {
      await db.query('update referrals set status = $2, status_changed_at = now() where id = $1', [
        id,
        status,
      ]);
    },
    /** Referrals of the cases in compartments `memberId` belongs to, newest first. */
    async listForMember(memberId: string, caseId?: string): Promise<ReferralRow[]> {
      const rows = await db.query<RawRow>(
        `${SELECT} join compartments k on k.id = c.compartment_id
         where exists (select 1 from compartment_members m where m.compartment_id = k.id
                       and m.key_id = k.current_key_id and m.user_id = $1)
           and ($2::uuid is null or r.case_id = $2::uuid)
         order by r.created_at desc`,
        [memberId, caseId ?? null],
      );
      return rows.map(toRow);
    },
  };
}
