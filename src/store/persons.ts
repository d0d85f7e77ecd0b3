/** Protected person records: every personal field is an envelope; only the code is plain. */
import { type Queryable, toBytes } from './db.ts';

export const PROTECTED_PERSON_FIELDS = [
  'name',
  'aliases',
  'contacts',
  'birth_date',
  'note',
  // ESF biographic details and the safety-relevant note, as one sealed JSON object (051_casework.sql).
  'details',
] as const;
export type ProtectedPersonField = (typeof PROTECTED_PERSON_FIELDS)[number];

export interface PersonRow {
  id: string;
  code: string;
  compartmentId: string;
  sealed: Record<ProtectedPersonField, Uint8Array | null>;
  nameIndex: Uint8Array;
  createdBy: string;
  createdAt: Date;
  /** Bumped by every correction; an edit names the version it was made on. */
  version: number;
  /** The record this one was merged into (a second record of the same person), or null. */
  mergedInto: string | null;
}

interface RawRow {
  id: string;
  code: string;
  compartment_id: string;
  name: Uint8Array;
  aliases: Uint8Array | null;
  contacts: Uint8Array | null;
  birth_date: Uint8Array | null;
  note: Uint8Array | null;
  details: Uint8Array | null;
  name_index: Uint8Array;
  created_by: string;
  created_at: Date;
  version: number;
  merged_into: string | null;
}

const bytesOrNull = (value: Uint8Array | null) => (value ? toBytes(value) : null);

const toRow = (row: RawRow): PersonRow => ({
  id: row.id,
  code: row.code,
  compartmentId: row.compartment_id,
  sealed: {
    name: toBytes(row.name),
    aliases: bytesOrNull(row.aliases),
    contacts: bytesOrNull(row.contacts),
    birth_date: bytesOrNull(row.birth_date),
    note: bytesOrNull(row.note),
    details: bytesOrNull(row.details),
  },
  nameIndex: toBytes(row.name_index),
  createdBy: row.created_by,
  createdAt: row.created_at,
  version: row.version,
  mergedInto: row.merged_into,
});

/** Every sealed column and the index, written back whole (a correction, a rotation). */
const SEALED_SET = `name = $2, aliases = $3, contacts = $4, birth_date = $5, note = $6, details = $7,
                    name_index = $8, updated_at = now()`;
const sealedParams = (id: string, sealed: PersonRow['sealed'], nameIndex: Uint8Array) => [
  id,
  sealed.name!,
  sealed.aliases,
  sealed.contacts,
  sealed.birth_date,
  sealed.note,
  sealed.details,
  nameIndex,
];

export function personsRepository(db: Queryable) {
  return {
    /** How many protected person records exist, in every compartment (merged ones too: their names are still redacted). */
    async count(): Promise<number> {
      const rows = await db.query<{ n: number }>('select count(*)::int as n from persons');
      return rows[0]!.n;
    },
    /** How many records each compartment holds (compartments with none are absent). */
    async countByCompartment(): Promise<Array<{ compartmentId: string; count: number }>> {
      const rows = await db.query<{ compartment_id: string; n: number }>(
        'select compartment_id, count(*)::int as n from persons group by compartment_id order by compartment_id',
      );
      return rows.map((row) => ({ compartmentId: row.compartment_id, count: row.n }));
    },

    async nextCode(): Promise<string> {
      const rows = await db.query<{ n: number }>("select nextval('person_code_seq')::int as n");
      return `V-${String(rows[0]!.n).padStart(4, '0')}`;
    },
    async insert(row: Omit<PersonRow, 'createdAt' | 'version' | 'mergedInto'>): Promise<void> {
      await db.query(
        `insert into persons (id, code, compartment_id, name, aliases, contacts, birth_date, note, details, name_index,
           created_by)
         values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
        [
          row.id,
          row.code,
          row.compartmentId,
          row.sealed.name!,
          row.sealed.aliases,
          row.sealed.contacts,
          row.sealed.birth_date,
          row.sealed.note,
          row.sealed.details,
          row.nameIndex,
          row.createdBy,
        ],
      );
    },
    async findById(id: string): Promise<PersonRow | null> {
      const rows = await db.query<RawRow>('select * from persons where id = $1', [id]);
      return rows[0] ? toRow(rows[0]) : null;
    },
    /** Codes of the given ids (involvements and cases name persons by code only). */
    async codesByIds(ids: readonly string[]): Promise<Map<string, string>> {
      if (ids.length === 0) return new Map();
      const rows = await db.query<{ id: string; code: string }>(
        'select id, code from persons where id = any($1::uuid[])',
        [[...ids]],
      );
      return new Map(rows.map((row) => [row.id, row.code]));
    },
    /** The record locked for a correction: concurrent editors queue, the second sees the new version. */
    async lockByCode(code: string): Promise<PersonRow | null> {
      const rows = await db.query<RawRow>('select * from persons where code = $1 for update', [code]);
      return rows[0] ? toRow(rows[0]) : null;
    },
    /** A correction: every sealed field and the index written anew, and the version bumped. */
    async saveCorrection(id: string, sealed: PersonRow['sealed'], nameIndex: Uint8Array): Promise<number> {
      const rows = await db.query<{ version: number }>(
        `update persons set ${SEALED_SET}, version = version + 1 where id = $1 returning version`,
        sealedParams(id, sealed, nameIndex),
      );
      return rows[0]!.version;
    },
    async findByCode(code: string): Promise<PersonRow | null> {
      const rows = await db.query<RawRow>('select * from persons where code = $1', [code]);
      return rows[0] ? toRow(rows[0]) : null;
    },
    async findByNameIndex(compartmentId: string, nameIndex: Uint8Array): Promise<PersonRow[]> {
      const rows = await db.query<RawRow>(
        'select * from persons where compartment_id = $1 and name_index = $2 and merged_into is null order by code',
        [compartmentId, nameIndex],
      );
      return rows.map(toRow);
    },
    /**
     * A compartment's records, without those merged into another unless asked: key rotation must
     * re-seal them, and a public export must still redact the names they hold.
     */
    async listByCompartment(
      compartmentId: string,
      options: { limit?: number; offset?: number; merged?: boolean } = {},
    ): Promise<PersonRow[]> {
      const rows = await db.query<RawRow>(
        `select * from persons where compartment_id = $1 and ($4 or merged_into is null)
         order by code limit $2 offset $3`,
        [compartmentId, options.limit ?? 1_000_000, options.offset ?? 0, options.merged ?? false],
      );
      return rows.map(toRow);
    },
    /** Marks a record merged into `survivorId` (kept, versioned, listed nowhere); returns its version. */
    async markMerged(id: string, survivorId: string): Promise<number> {
      const rows = await db.query<{ version: number }>(
        'update persons set merged_into = $2, version = version + 1 where id = $1 returning version',
        [id, survivorId],
      );
      return rows[0]!.version;
    },
    async bumpVersion(id: string): Promise<number> {
      const rows = await db.query<{ version: number }>(
        'update persons set version = version + 1 where id = $1 returning version',
        [id],
      );
      return rows[0]!.version;
    },
    /** Used by key rotation: writes every sealed field and the index back in place. */
    async replaceSealed(id: string, sealed: PersonRow['sealed'], nameIndex: Uint8Array): Promise<void> {
      await db.query(`update persons set ${SEALED_SET} where id = $1`, sealedParams(id, sealed, nameIndex));
    },
  };
}
