/**
 * `attest import` and the import screen as one use case: a CSV or XLSX file and a mapping become
 * incidents, acts, protected persons (sealed on arrival) and sources — in ONE transaction, so an
 * import is stored whole or not at all, with its audit entries in the same transaction.
 *
 * Bad rows: with `onError: 'stop'` the first bad row stops the import and nothing is stored; with
 * `'skip'` the valid rows are stored and every bad row is reported (row, column, why). A dry run
 * reads, checks and counts exactly as the import would, and stores nothing.
 *
 * The caller checks that the actor may record incidents (`review.apply`); sealing the victims needs
 * `person.create` and the organisation compartment's key, checked (and a refusal audited) here.
 * Victims' names never reach a log, an error or the report: the preview says how many, not who.
 */
import { createHash, randomUUID } from 'node:crypto';
import { z } from 'zod';
import { guessActorKind } from '../../core/actors.ts';
import { Conflict, InvalidInput } from '../../core/errors.ts';
import {
  type ImportCounts,
  type ImportReport,
  ON_ERROR as ON_ERROR_CODES,
  type PreviewRow,
} from '../../core/importFields.ts';
import type { SymmetricKey } from '../../crypto/seal.ts';
import { detectLanguage } from '../../extract/language.ts';
import { actorsRepository } from '../../store/actors.ts';
import { actsRepository } from '../../store/acts.ts';
import { compartmentsRepository } from '../../store/compartments.ts';
import type { Queryable } from '../../store/db.ts';
import { incidentsRepository } from '../../store/incidents.ts';
import { involvementsRepository } from '../../store/involvements.ts';
import type { Store } from '../../store/openStore.ts';
import { sourcesRepository } from '../../store/sources.ts';
import type { Actor } from '../accounts/actor.ts';
import { appendAudit } from '../audit/audit.ts';
import { keysForAction, resolveCompartment, wipeKeys } from '../compartments/compartments.ts';
import { recordCreation } from '../incidents/edits/recordEdit.ts';
import { insertPerson } from '../persons/persons.ts';
import { baseNameOf } from '../sources/ingest.ts';
import { parseImportMapping } from './importMapping.ts';
import { type ImportPlan, type PlannedRow, planImport } from './importRows.ts';
import { importFileKind, readImportTable } from './readImportTable.ts';

export { type ImportReport, ON_ERROR, type OnError } from '../../core/importFields.ts';

export const ImportOptions = z.strictObject({
  dryRun: z.boolean().default(false),
  onError: z.enum(ON_ERROR_CODES).default('stop'),
});
export type ImportOptions = z.input<typeof ImportOptions>;

/** How many rows the report shows as records (the import screen's preview). */
export const PREVIEW_ROWS = 5;

export interface ImportInput {
  fileName: string;
  bytes: Uint8Array;
  mapping: unknown;
}

/** Called after each row is written (inside the transaction: nothing is committed until the last). */
export type ImportProgress = (done: number, total: number) => void;

export async function importFile(
  store: Store,
  actor: Actor,
  input: ImportInput,
  options: ImportOptions = {},
  onProgress: ImportProgress = () => {},
): Promise<ImportReport> {
  const { dryRun, onError } = ImportOptions.parse(options);
  const fileName = baseNameOf(input.fileName);
  const mapping = parseImportMapping(input.mapping);
  const kind = importFileKind(fileName, input.bytes);
  const table = await readImportTable(fileName, input.bytes, { sheet: mapping.sheet });
  const plan = planImport(table, mapping);
  if (plan.missingColumns.length > 0)
    throw new InvalidInput(
      'mapping columns',
      `the file has no column ${plan.missingColumns.map((c) => `"${c}"`).join(', ')} (its columns: ${table.headers.join(', ')})`,
    );
  const sha256 = createHash('sha256').update(input.bytes).digest('hex');
  const stopped = onError === 'stop' && plan.errors.length > 0;
  const rows = stopped ? [] : plan.rows;
  const report: ImportReport = {
    file: { name: fileName, kind, sha256 },
    dryRun,
    onError,
    rows: table.rows.length,
    valid: plan.rows.length,
    imported: rows.length,
    skipped: table.rows.length - rows.length,
    stopped,
    created: countsOf(rows),
    // Stopping at the first error reports that one; a dry run and a skipping import report them all.
    errors: stopped && !dryRun ? plan.errors.slice(0, 1) : plan.errors,
    ignoredColumns: plan.ignoredColumns,
    preview: plan.rows.slice(0, PREVIEW_ROWS).map(previewOf),
  };
  if (dryRun || rows.length === 0) return report;
  await storeRows(store, actor, rows, {
    fileName,
    kind,
    sha256,
    language: mapping.language,
    plan,
    report,
    onProgress,
  });
  return report;
}

function countsOf(rows: readonly PlannedRow[]): ImportCounts {
  return {
    incidents: new Set(rows.map((row) => row.incidentKey)).size,
    acts: rows.filter((row) => row.act).length,
    persons: rows.reduce((sum, row) => sum + (row.act ? row.victims.length : 0), 0),
    sources: rows.filter((row) => row.source).length,
  };
}

function previewOf(row: PlannedRow): PreviewRow {
  const act = row.act;
  const range =
    act && act.victimsMin !== null
      ? act.victimsMax !== null && act.victimsMax !== act.victimsMin
        ? `${act.victimsMin}–${act.victimsMax}`
        : String(act.victimsMin)
      : null;
  return {
    row: row.row,
    incident: { title: row.incident.title, tags: row.incident.tags },
    act: act
      ? {
          type: act.type,
          date:
            act.dateFrom && act.dateTo && act.dateTo !== act.dateFrom
              ? `${act.dateFrom} – ${act.dateTo}`
              : act.dateFrom,
          place: act.placeName,
          country: act.country,
          victims: range,
          perpetrators: act.perpetrators,
        }
      : null,
    persons: act ? row.victims.length : 0,
    source: row.source ? { title: row.source.title, url: row.source.url } : null,
  };
}

interface StoreContext {
  fileName: string;
  kind: 'csv' | 'xlsx';
  sha256: string;
  language: string;
  plan: ImportPlan;
  report: ImportReport;
  onProgress: ImportProgress;
}

async function storeRows(
  store: Store,
  actor: Actor,
  rows: PlannedRow[],
  context: StoreContext,
): Promise<void> {
  const wantsPersons = rows.some((row) => row.act && row.victims.length > 0);
  const compartment = wantsPersons ? await resolveCompartment(store.db, undefined) : null;
  const keys = compartment
    ? await keysForAction(store.db, actor, 'person.create', compartment, {
        recordType: 'person',
        recordId: null,
      })
    : [];
  try {
    const key = compartment ? keys.find((k) => k.id === compartment.currentKeyId)! : null;
    // Each source's original: the row's own words as a small UTF-8 text, preserved by hash like any
    // capture, written before the transaction (an unreferenced original is harmless and reused).
    const originals = new Map<number, { bytes: Uint8Array; sha256: string }>();
    for (const row of rows) {
      if (!row.source) continue;
      const bytes = new TextEncoder().encode(sourceDocument(row.source));
      originals.set(row.row, { bytes, sha256: createHash('sha256').update(bytes).digest('hex') });
      await store.files.put(bytes);
    }
    await store.db.transaction(async (tx) => {
      if (compartment) {
        const keyNow = await compartmentsRepository(tx).currentKeyIdForShare(compartment.id);
        if (keyNow !== compartment.currentKeyId)
          throw new Conflict(
            `the key of compartment ${compartment.code} was rotated during the import; import again`,
          );
      }
      const incidents = new Map<string, string>();
      let done = 0;
      for (const row of rows) {
        let incidentId = incidents.get(row.incidentKey);
        if (!incidentId) {
          incidentId = randomUUID();
          incidents.set(row.incidentKey, incidentId);
          await incidentsRepository(tx).insert({
            id: incidentId,
            ...row.incident,
            language: context.language,
            createdBy: actor.userId,
          });
          await recordCreation(
            tx,
            actor,
            'incident',
            incidentId,
            `imported from ${context.fileName} row ${row.row}`,
          );
        }
        if (row.act)
          await storeAct(tx, actor, incidentId, row, compartment && key ? { compartment, key } : null);
        const original = originals.get(row.row);
        if (row.source && original) {
          const sourceId = await storeSource(tx, actor, row, original, context);
          await incidentsRepository(tx).addSource(incidentId, sourceId);
        }
        context.onProgress(++done, rows.length);
      }
      for (const id of incidents.values()) await incidentsRepository(tx).refreshDerived(id);
      await appendAudit(tx, {
        actor: actor.userId,
        action: 'import.run',
        recordType: 'import',
        recordId: context.sha256,
        // Counts and the file's hash: which file made which records can be proven, nothing of its content.
        details: {
          format: context.kind,
          sha256: context.sha256,
          rows: context.report.rows,
          imported: context.report.imported,
          skipped: context.report.skipped,
          onError: context.report.onError,
          ...context.report.created,
        },
      });
    });
  } finally {
    wipeKeys(keys);
  }
}

async function storeAct(
  tx: Queryable,
  actor: Actor,
  incidentId: string,
  row: PlannedRow,
  sealing: { compartment: { id: string; code: string }; key: SymmetricKey } | null,
): Promise<void> {
  const act = row.act!;
  const id = randomUUID();
  const actors = actorsRepository(tx);
  const perpetrators = [];
  for (const name of act.perpetrators)
    perpetrators.push({ name, actorId: await actors.idForName(name, guessActorKind(name)) });
  await actsRepository(tx).insert({
    id,
    incidentId,
    type: act.type,
    victimsMin: act.victimsMin,
    victimsMax: act.victimsMax,
    victimGroup: act.victimGroup,
    placeName: act.placeName,
    country: act.country,
    dateFrom: act.dateFrom,
    dateTo: act.dateTo,
    datePrecision: act.datePrecision,
    perpetrators,
    provenance: null,
  });
  if (act.geolocation) await actsRepository(tx).setGeolocation(id, act.geolocation);
  await recordCreation(tx, actor, 'act', id, `imported, row ${row.row}`);
  for (const name of row.victims) {
    const personId = randomUUID();
    const code = await insertPerson(tx, actor, sealing!.compartment, sealing!.key, personId, {
      name,
      aliases: [],
      contacts: [],
      birthDate: null,
      note: null,
    });
    await involvementsRepository(tx).insert({
      id: randomUUID(),
      actId: id,
      role: 'victim',
      personId,
      actorId: null,
      perpetratorDegree: null,
      victimStatus: null,
      createdBy: actor.userId,
    });
    await appendAudit(tx, {
      actor: actor.userId,
      action: 'involvement.create',
      recordType: 'act',
      recordId: id,
      details: { role: 'victim', person: code, organisation: null, countRaised: false },
    });
  }
}

function sourceDocument(source: NonNullable<PlannedRow['source']>): string {
  const lines = [source.title, source.url, source.published ? `published ${source.published}` : null].filter(
    (line): line is string => line !== null,
  );
  return `${lines.join('\n')}\n\n${source.text}\n`;
}

async function storeSource(
  tx: Queryable,
  actor: Actor,
  row: PlannedRow,
  original: { bytes: Uint8Array; sha256: string },
  context: StoreContext,
): Promise<string> {
  const source = row.source!;
  const text = sourceDocument(source);
  const language = source.text.trim() ? detectLanguage(source.text) : context.language;
  const inserted = await sourcesRepository(tx).insertUnlessPresent({
    id: randomUUID(),
    sha256: original.sha256,
    byteSize: original.bytes.byteLength,
    mediaType: 'text/plain',
    encoding: 'utf-8',
    fileName: `${context.fileName}-row-${row.row}.txt`,
    title: source.title,
    url: source.url,
    publishedOn: source.published,
    language,
    text,
    capturedBy: actor.email,
    suggestions: {
      language,
      published: source.published,
      pii: [],
      events: [],
      claims: [],
      interventions: [],
    },
    warnings: [
      `imported from ${context.fileName} row ${row.row}: recorded as the file gave it, no suggestions made`,
    ],
    notDecoded: null,
  });
  if (!inserted.duplicate)
    await appendAudit(tx, {
      actor: actor.userId,
      action: 'source.create',
      recordType: 'source',
      recordId: inserted.id,
      details: {
        sha256: original.sha256,
        byteSize: original.bytes.byteLength,
        mediaType: 'text/plain',
        decoded: true,
        imported: true,
      },
    });
  return inserted.id;
}

/** The file's columns and first rows as written, for the import screen to map before a dry run. */
export async function readImportColumns(
  input: { fileName: string; bytes: Uint8Array },
  sheet: string | null = null,
): Promise<{ kind: 'csv' | 'xlsx'; headers: string[]; rows: number; sample: string[][] }> {
  const fileName = baseNameOf(input.fileName);
  const kind = importFileKind(fileName, input.bytes);
  const table = await readImportTable(fileName, input.bytes, { sheet });
  return {
    kind,
    headers: table.headers,
    rows: table.rows.length,
    sample: table.rows.slice(0, PREVIEW_ROWS).map((row) => row.cells),
  };
}
