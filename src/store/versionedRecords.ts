/**
 * The editable records (incidents, acts, claims, interventions, involvements) as versioned rows: read
 * one with its version, update named fields only if the version is still the one the editor saw, and
 * the `record_versions` history written beside each change (041_record_versions_and_drafts.sql).
 * Persons keep their history here too, sealed (094_person_corrections.sql): their fields are
 * envelopes, edited by services/persons/personEdits.ts, so they have no columns below.
 */
import { type Queryable, type SqlParam, toBytes } from './db.ts';

export const RECORD_KINDS = ['incident', 'act', 'claim', 'intervention', 'involvement'] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];
/** Every kind with a history: the editable records and persons. */
export const HISTORY_KINDS = [...RECORD_KINDS, 'person'] as const;
export type HistoryKind = (typeof HISTORY_KINDS)[number];

export const CHANGE_KINDS = ['create', 'update', 'move', 'delete', 'withdraw', 'merge'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/** A record's editable fields by their API name, as JSON values (dates 'YYYY-MM-DD'). */
export type Fields = Record<string, unknown>;

interface Column {
  name: string;
  /** The cast the parameter needs (jsonb travels as text). */
  cast?: string;
}

// API field → column, per kind. Only these can be changed through an edit; ids, provenance, spans
// and timestamps are facts about the record's origin and are never edited.
const COLUMNS: Record<RecordKind, { table: string; fields: Record<string, Column> }> = {
  incident: {
    table: 'incidents',
    fields: {
      title: { name: 'title' },
      summary: { name: 'summary' },
      tags: { name: 'tags', cast: 'text[]' },
      status: { name: 'status' },
    },
  },
  act: {
    table: 'acts',
    fields: {
      incidentId: { name: 'incident_id', cast: 'uuid' },
      type: { name: 'type' },
      victimsMin: { name: 'victims_min', cast: 'integer' },
      victimsMax: { name: 'victims_max', cast: 'integer' },
      victimGroup: { name: 'victim_group' },
      placeName: { name: 'place_name' },
      country: { name: 'country' },
      dateFrom: { name: 'date_from', cast: 'date' },
      dateTo: { name: 'date_to', cast: 'date' },
      datePrecision: { name: 'date_precision' },
      perpetrators: { name: 'perpetrators', cast: 'jsonb' },
    },
  },
  claim: {
    table: 'claims',
    fields: {
      incidentId: { name: 'incident_id', cast: 'uuid' },
      actId: { name: 'act_id', cast: 'uuid' },
      actorId: { name: 'actor_id', cast: 'uuid' },
      stance: { name: 'stance' },
      text: { name: 'text' },
    },
  },
  intervention: {
    table: 'interventions',
    fields: {
      incidentId: { name: 'incident_id', cast: 'uuid' },
      type: { name: 'type' },
      actorId: { name: 'actor_id', cast: 'uuid' },
      description: { name: 'description' },
      dateFrom: { name: 'date_from', cast: 'date' },
      outcome: { name: 'outcome' },
    },
  },
  // The person and the act are what the link is between: correcting either is a withdrawal and a new link.
  involvement: {
    table: 'involvements',
    fields: {
      role: { name: 'role' },
      perpetratorDegree: { name: 'perpetrator_degree' },
      victimStatus: { name: 'victim_status' },
      withdrawn: { name: 'withdrawn', cast: 'boolean' },
    },
  },
};

export interface VersionedRecord {
  id: string;
  version: number;
  fields: Fields;
}

export interface RecordVersion {
  kind: HistoryKind;
  recordId: string;
  version: number;
  change: ChangeKind;
  changedBy: string;
  changedAt: Date;
  before: Fields | null;
  after: Fields | null;
  reason: string | null;
  /**
   * A person's change (before, after, reason) as one envelope, the three above then null; or the
   * sealed reason of a person's involvement withdrawn, `reason` then null.
   */
  sealed?: Uint8Array | null;
}

export interface RecordVersionWithEditor extends RecordVersion {
  /** The editor's account email, when the account still exists. */
  changedByEmail: string | null;
}

interface VersionRow {
  record_kind: HistoryKind;
  record_id: string;
  version: number;
  change: ChangeKind;
  changed_by: string;
  changed_at: Date;
  before: Fields | null;
  after: Fields | null;
  reason: string | null;
  sealed: Uint8Array | null;
  changed_by_email: string | null;
}

function toParam(value: unknown, column: Column): SqlParam {
  if (value === null || value === undefined) return null;
  if (column.cast === 'jsonb') return JSON.stringify(value);
  return value as SqlParam;
}

/** char(2) columns come back space-padded from some drivers. */
function fromColumn(value: unknown): unknown {
  return typeof value === 'string' && /^[A-Z]{2} *$/.test(value) ? value.trim() : value;
}

/** The fields whose values differ, as { before, after } (JSON comparison, so arrays compare by value). */
export function changedFields(before: Fields, after: Fields): { before: Fields; after: Fields } {
  const changed = { before: {} as Fields, after: {} as Fields };
  for (const [name, value] of Object.entries(after)) {
    if (JSON.stringify(before[name] ?? null) === JSON.stringify(value ?? null)) continue;
    changed.before[name] = before[name] ?? null;
    changed.after[name] = value ?? null;
  }
  return changed;
}

async function readRecord(
  db: Queryable,
  kind: RecordKind,
  id: string,
  forUpdate: boolean,
): Promise<VersionedRecord | null> {
  const { table, fields } = COLUMNS[kind];
  const columns = Object.entries(fields).map(([api, column]) => `${column.name} as "${api}"`);
  const rows = await db.query<Record<string, unknown> & { id: string; version: number }>(
    `select id, version, ${columns.join(', ')} from ${table} where id = $1${forUpdate ? ' for update' : ''}`,
    [id],
  );
  const row = rows[0];
  if (!row) return null;
  const { id: rowId, version, ...rest } = row;
  const values: Fields = {};
  for (const [name, value] of Object.entries(rest)) values[name] = fromColumn(value);
  return { id: rowId, version, fields: values };
}

export function versionedRecords(db: Queryable) {
  return {
    find: (kind: RecordKind, id: string) => readRecord(db, kind, id, false),

    /** The record's editable fields and version, locked for the rest of the transaction. */
    lock: (kind: RecordKind, id: string) => readRecord(db, kind, id, true),

    /** Sets the given fields; the caller has locked the row and checked its version. */
    async update(kind: RecordKind, id: string, changes: Fields): Promise<void> {
      const { table, fields } = COLUMNS[kind];
      const params: SqlParam[] = [id];
      const sets: string[] = [];
      for (const [api, value] of Object.entries(changes)) {
        const column = fields[api];
        if (!column) throw new Error(`${kind}.${api} is not an editable field`);
        params.push(toParam(value, column));
        sets.push(`${column.name} = $${params.length}${column.cast ? `::${column.cast}` : ''}`);
      }
      if (sets.length === 0) return;
      if (kind === 'incident') sets.push('updated_at = now()');
      await db.query(`update ${table} set ${sets.join(', ')} where id = $1`, params);
    },

    async bumpVersion(kind: RecordKind, id: string): Promise<number> {
      const rows = await db.query<{ version: number }>(
        `update ${COLUMNS[kind].table} set version = version + 1 where id = $1 returning version`,
        [id],
      );
      return rows[0]!.version;
    },

    async remove(kind: RecordKind, id: string): Promise<void> {
      await db.query(`delete from ${COLUMNS[kind].table} where id = $1`, [id]);
    },

    async appendVersion(entry: Omit<RecordVersion, 'changedAt'>): Promise<void> {
      await db.query(
        `insert into record_versions (record_kind, record_id, version, change, changed_by, before, after, reason, sealed)
         values ($1, $2, $3, $4, $5, $6::jsonb, $7::jsonb, $8, $9)`,
        [
          entry.kind,
          entry.recordId,
          entry.version,
          entry.change,
          entry.changedBy,
          entry.before ? JSON.stringify(entry.before) : null,
          entry.after ? JSON.stringify(entry.after) : null,
          entry.reason,
          entry.sealed ?? null,
        ],
      );
    },

    /** Oldest change first. */
    async history(kind: HistoryKind, id: string): Promise<RecordVersionWithEditor[]> {
      const rows = await db.query<VersionRow>(
        `select v.*, u.email as changed_by_email
           from record_versions v left join users u on u.id::text = v.changed_by
          where v.record_kind = $1 and v.record_id = $2 order by v.version`,
        [kind, id],
      );
      return rows.map((row) => ({
        kind: row.record_kind,
        recordId: row.record_id,
        version: row.version,
        change: row.change,
        changedBy: row.changed_by,
        changedAt: row.changed_at,
        before: row.before,
        after: row.after,
        reason: row.reason,
        sealed: row.sealed ? toBytes(row.sealed) : null,
        changedByEmail: row.changed_by_email,
      }));
    },

    /**
     * The sealed history of a compartment's persons and the sealed withdrawal reasons of their
     * involvements, for key rotation.
     */
    async sealedVersionsOf(
      compartmentId: string,
    ): Promise<{ kind: 'person' | 'involvement'; recordId: string; version: number; sealed: Uint8Array }[]> {
      const rows = await db.query<{
        record_kind: 'person' | 'involvement';
        record_id: string;
        version: number;
        sealed: Uint8Array;
      }>(
        `select v.record_kind, v.record_id, v.version, v.sealed from record_versions v
           left join involvements i on v.record_kind = 'involvement' and i.id = v.record_id
           join persons p on p.id = case when v.record_kind = 'person' then v.record_id else i.person_id end
          where v.sealed is not null and p.compartment_id = $1
          order by v.record_kind, v.record_id, v.version`,
        [compartmentId],
      );
      return rows.map((row) => ({
        kind: row.record_kind,
        recordId: row.record_id,
        version: row.version,
        sealed: toBytes(row.sealed),
      }));
    },

    /** Re-sealing on key rotation: the only change a history row may undergo (its column alone is granted). */
    async replaceSealedVersion(
      kind: 'person' | 'involvement',
      recordId: string,
      version: number,
      sealed: Uint8Array,
    ): Promise<void> {
      await db.query(
        `update record_versions set sealed = $4 where record_kind = $1 and record_id = $2 and version = $3`,
        [kind, recordId, version, sealed],
      );
    },

    /** Claims tied to an act (they follow it when it moves; lose the link when it is deleted). */
    async claimsOfAct(actId: string): Promise<{ id: string; sourceId: string }[]> {
      const rows = await db.query<{ id: string; source_id: string }>(
        'select id, source_id from claims where act_id = $1 order by id',
        [actId],
      );
      return rows.map((row) => ({ id: row.id, sourceId: row.source_id }));
    },
  };
}
