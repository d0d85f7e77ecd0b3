/**
 * The records a linkage run compares, from one of two places:
 *
 * - the database: the protected persons of a compartment (named victims of incidents, people entered
 *   by hand, victims brought in by imports), opened with the compartment's key by a role that may read
 *   persons (audited as a person.read of the batch). Record references are person codes.
 * - an uploaded CSV (parseRecordsCsv and its column roles). The file is sensitive and is kept only
 *   for the run: parsed in memory, linked, and dropped; the run keeps its id column's values as
 *   references. The uploader's browser keeps the file to show the records side by side.
 */
import type { ColumnRole } from '../../analysis/linkage/columnRoles.ts';
import type { LinkInput } from '../../analysis/linkage/linkRecords.ts';
import { parseRecordsCsv } from '../../analysis/linkage/parseRecordsCsv.ts';
import { keyRing, SealOpenFailed } from '../../crypto/seal.ts';
import type { CompartmentRow } from '../../store/compartments.ts';
import type { Db } from '../../store/db.ts';
import { linkageRepository } from '../../store/linkage.ts';
import { personsRepository } from '../../store/persons.ts';
import type { Actor } from '../accounts/actor.ts';
import { recordAudit } from '../audit/audit.ts';
import { keysForAction, wipeKeys } from '../compartments/compartments.ts';
import { openPersonFields, type PersonFields } from '../persons/sealing.ts';

/** Records as the engine takes them, with the columns shown beside each other in review. */
export type RecordsTable = LinkInput;

const DATABASE_COLUMNS: Array<[string, ColumnRole, (p: PersonFields, incidents: number) => string]> = [
  ['code', 'id', () => ''],
  ['name', 'name', (p) => p.name],
  ['birth_date', 'birthDate', (p) => p.birthDate ?? ''],
  ['sex', 'sex', (p) => p.sex ?? ''],
  ['nationality', 'ignore', (p) => p.nationality ?? ''],
  ['aliases', 'ignore', (p) => p.aliases.join('; ')],
  ['incidents', 'ignore', (_, incidents) => (incidents > 0 ? String(incidents) : '')],
];

/**
 * Opens the persons of a compartment (all of them, or those with the given codes) for a member whose
 * role may read persons; one audit entry for the batch. Throws Forbidden (audited) otherwise.
 */
export async function personRecords(
  db: Db,
  actor: Actor,
  compartment: CompartmentRow,
  purpose: { recordType: string; recordId: string | null },
  codes?: readonly string[],
): Promise<RecordsTable> {
  const keys = await keysForAction(db, actor, 'person.read', compartment, purpose);
  try {
    const wanted = codes ? new Set(codes) : null;
    const rows = (await personsRepository(db).listByCompartment(compartment.id)).filter(
      (row) => wanted === null || wanted.has(row.code),
    );
    const incidents = await linkageRepository(db).victimIncidentCounts(compartment.id);
    const ring = keyRing(keys);
    const records: RecordsTable['records'] = [];
    for (const row of rows) {
      let fields: PersonFields;
      try {
        fields = openPersonFields(ring, row);
      } catch (error) {
        // A record sealed under a key this member does not hold stays out of the list.
        if (error instanceof SealOpenFailed) continue;
        throw error;
      }
      records.push({
        id: row.code,
        values: DATABASE_COLUMNS.map(([column, , value]) =>
          column === 'code' ? row.code : value(fields, incidents.get(row.code) ?? 0),
        ),
      });
    }
    await recordAudit(db, {
      actor: actor.userId,
      action: 'person.read',
      recordType: purpose.recordType,
      recordId: purpose.recordId,
      details: { compartment: compartment.code, count: records.length, for: 'linkage' },
    });
    return {
      columns: DATABASE_COLUMNS.map(([column]) => column),
      roles: DATABASE_COLUMNS.map(([, role]) => role),
      records,
    };
  } finally {
    wipeKeys(keys);
  }
}

/** The records of an uploaded CSV; nothing of it is stored. */
export function csvRecords(
  text: string,
  options: { idColumn?: string; roles?: Record<string, ColumnRole> },
): RecordsTable {
  const table = parseRecordsCsv(text, {
    source: 'upload',
    ...(options.idColumn === undefined ? {} : { idColumn: options.idColumn }),
    ...(options.roles === undefined ? {} : { roles: options.roles }),
  });
  return {
    columns: table.columns,
    roles: table.roles,
    records: table.records.map((record) => ({ id: record.id, values: record.values })),
  };
}
