/** The append-only audit log and its chain head. Appends must run inside a transaction. */
import type { AuditDetails, StoredAuditEntry } from '../crypto/auditChain.ts';
import { type Queryable, toBytes } from './db.ts';

interface RawEntry {
  seq: number;
  at: Date;
  actor: string;
  action: string;
  outcome: 'allowed' | 'denied';
  record_type: string | null;
  record_id: string | null;
  details: AuditDetails;
  prev_hash: Uint8Array;
  hash: Uint8Array;
}

const toEntry = (row: RawEntry): StoredAuditEntry => ({
  seq: Number(row.seq),
  at: row.at,
  actor: row.actor,
  action: row.action,
  outcome: row.outcome,
  recordType: row.record_type,
  recordId: row.record_id,
  details: typeof row.details === 'string' ? (JSON.parse(row.details) as AuditDetails) : row.details,
  prevHash: toBytes(row.prev_hash),
  hash: toBytes(row.hash),
});

/** The newest entry each transaction appended, so the store can anchor it once the transaction commits. */
const appendedIn = new WeakMap<Queryable, { seq: number; hash: Uint8Array }>();

export function auditHeadAppendedIn(tx: Queryable): { seq: number; hash: Uint8Array } | undefined {
  return appendedIn.get(tx);
}

export function auditRepository(db: Queryable) {
  return {
    /** Locks the head row: concurrent appenders wait here, so the chain cannot fork. */
    async lockHead(): Promise<{ seq: number; hash: Uint8Array }> {
      const rows = await db.query<{ seq: number; hash: Uint8Array }>(
        'select seq, hash from audit_chain_head where id for update',
      );
      const row = rows[0];
      if (!row) throw new Error('audit chain head row is missing');
      return { seq: Number(row.seq), hash: toBytes(row.hash) };
    },
    async head(): Promise<{ seq: number; hash: Uint8Array } | null> {
      const rows = await db.query<{ seq: number; hash: Uint8Array }>(
        'select seq, hash from audit_chain_head where id',
      );
      const row = rows[0];
      return row ? { seq: Number(row.seq), hash: toBytes(row.hash) } : null;
    },
    async append(entry: StoredAuditEntry): Promise<void> {
      await db.query(
        `insert into audit_log (seq, at, actor, action, outcome, record_type, record_id, details, prev_hash, hash)
         values ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9, $10)`,
        [
          entry.seq,
          entry.at,
          entry.actor,
          entry.action,
          entry.outcome,
          entry.recordType,
          entry.recordId,
          JSON.stringify(entry.details),
          entry.prevHash,
          entry.hash,
        ],
      );
      await db.query('update audit_chain_head set seq = $1, hash = $2 where id', [entry.seq, entry.hash]);
      appendedIn.set(db, { seq: entry.seq, hash: entry.hash });
    },
    /** Appends consecutive entries (after the locked head) with one insert and one head update. */
    async appendMany(entries: readonly StoredAuditEntry[]): Promise<void> {
      const last = entries[entries.length - 1];
      if (!last) return;
      await db.query(
        `insert into audit_log (seq, at, actor, action, outcome, record_type, record_id, details, prev_hash, hash)
         select u.seq::bigint, u.at::timestamptz, u.actor, u.action, u.outcome, u.record_type, u.record_id,
           u.details::jsonb, decode(u.prev_hash, 'hex'), decode(u.hash, 'hex')
         from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
           $8::text[], $9::text[], $10::text[])
           as u(seq, at, actor, action, outcome, record_type, record_id, details, prev_hash, hash)`,
        [
          entries.map((e) => String(e.seq)),
          entries.map((e) => e.at.toISOString()),
          entries.map((e) => e.actor),
          entries.map((e) => e.action),
          entries.map((e) => e.outcome),
          entries.map((e) => e.recordType),
          entries.map((e) => e.recordId),
          entries.map((e) => JSON.stringify(e.details)),
          entries.map((e) => Buffer.from(e.prevHash).toString('hex')),
          entries.map((e) => Buffer.from(e.hash).toString('hex')),
        ],
      );
      await db.query('update audit_chain_head set seq = $1, hash = $2 where id', [last.seq, last.hash]);
      appendedIn.set(db, { seq: last.seq, hash: last.hash });
    },
    /**
     * Newest first, for a reader: entries before `beforeSeq` matching every filter given. Exact
     * matches only, so the filters use the indexes and never scan details.
     */
    async search(filter: {
      actor?: string | undefined;
      action?: string | undefined;
      recordId?: string | undefined;
      beforeSeq?: number | undefined;
      limit: number;
    }): Promise<StoredAuditEntry[]> {
      const rows = await db.query<RawEntry>(
        `select * from audit_log
         where ($1::text is null or actor = $1) and ($2::text is null or action = $2)
           and ($3::text is null or record_id = $3) and ($4::bigint is null or seq < $4)
         order by seq desc limit $5`,
        [
          filter.actor ?? null,
          filter.action ?? null,
          filter.recordId ?? null,
          filter.beforeSeq ?? null,
          filter.limit,
        ],
      );
      return rows.map(toEntry);
    },
    /** A page of entries in seq order (keyset pagination keeps memory flat for long logs). */
    async page(afterSeq: number, limit: number): Promise<StoredAuditEntry[]> {
      const rows = await db.query<RawEntry>('select * from audit_log where seq > $1 order by seq limit $2', [
        afterSeq,
        limit,
      ]);
      return rows.map(toEntry);
    },
  };
}
