/**
 * `attest export` as a use case (the HTTP server may call it too): the dataset for a partner
 * organisation or, with `public`, for advocacy — incidents, acts, claims with their source passages,
 * interventions, actors, sources, suppressed statistics and a manifest with the SHA-256 of every file.
 *
 * Public exports redact personal data from every text (redaction.ts), carry no person records
 * and no staff identities (presenters.ts). Every text of a public export is also checked against
 * every protected person's name, aliases and contacts, in every compartment; a public export by a user
 * who cannot open one of those compartments is refused, since its people would go unchecked. Partner
 * exports carry decrypted person records only when the exporting user may read them — the read goes
 * through the persons service, so it is authorised and audited like any other — and omit them with a
 * warning otherwise. The export itself is audited with the manifest's hash, so the organisation can
 * later prove which export left when.
 */
import { resolve } from 'node:path';
import { z } from 'zod';
import { Forbidden, Unauthenticated } from '../../core/errors.ts';
import { parseWith } from '../../core/validation.ts';
import { compartmentsRepository } from '../../store/compartments.ts';
import type { Db } from '../../store/db.ts';
import { personsRepository } from '../../store/persons.ts';
import type { SourceRecord } from '../../store/sources.ts';
import { usersRepository } from '../../store/users.ts';
import type { Actor } from '../accounts/actor.ts';
import { recordAudit } from '../audit/audit.ts';
import { resolveCompartment } from '../compartments/compartments.ts';
import { readPersons } from '../persons/persons.ts';
import { detailsOf, type PersonFields } from '../persons/sealing.ts';
import { authorize, can } from '../policies/index.ts';
import {
  checkExportTarget,
  type ExportFile,
  formatTable,
  formatWorkbook,
  sha256Of,
  writeExportDirectory,
} from './files.ts';
import { acledTable } from './formats/acledTable.ts';
import { esfDocument } from './formats/esfDocument.ts';
import { type ExportTable, presentDataset, presentInvolvements, presentPersons } from './presenters.ts';
import { readDatasetRecords } from './records.ts';
import {
  knownPersonalValues,
  noRedaction,
  piiRedactor,
  type RedactionCounts,
  type Redactor,
} from './redaction.ts';
import { DEFAULT_SUPPRESSION_THRESHOLD, presentStatistics } from './statistics.ts';

export const EXPORT_FORMAT_VERSION = 1;

/**
 * csv and json: one file per record type; xlsx: one workbook, a sheet per record type; esf-json: one
 * document in the shape of the HURIDOCS Events Standard Formats; acled-csv: one row per act in the
 * columns of conflict-event datasets. Every format carries the same records at the same level.
 */
export const EXPORT_FORMATS = ['csv', 'json', 'xlsx', 'esf-json', 'acled-csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const ExportRequest = z.strictObject({
  /** The directory to create; it must not exist, or be empty. */
  target: z.string().trim().min(1, 'give a directory to export into'),
  format: z.enum(EXPORT_FORMATS).default('csv'),
  public: z.boolean().default(false),
  threshold: z.number().int().min(1).default(DEFAULT_SUPPRESSION_THRESHOLD),
});
export type ExportRequest = z.input<typeof ExportRequest>;

export interface ExportContext {
  /** The signed-in user, or null (then no person record can be read). */
  actor: Actor | null;
  /** Who ran the export, for a partner manifest (an account e-mail or the OS user). */
  exportedBy: string;
  now?: Date;
}

export interface ExportReport {
  /** Relative to the export directory. */
  files: string[];
  records: number;
  redactions: number;
  suppressed: number;
  /** Person records written (partner exports), or null when none could or may be. */
  persons: number | null;
  /** Things the operator must know (persons omitted…); never a protected value. */
  warnings: string[];
}

type DecryptedPerson = PersonFields & { code: string; compartment: string };

export async function exportDataset(
  db: Db,
  request: ExportRequest,
  context: ExportContext,
): Promise<ExportReport> {
  const options = parseWith(ExportRequest, request, '', 'export');
  await checkMayExport(db, context.actor);
  const target = resolve(options.target);
  // Fail before reading (and auditing) anything when the target is already taken.
  checkExportTarget(target);
  const now = context.now ?? new Date();
  const warnings: string[] = [];

  const records = await readDatasetRecords(db);
  const publicRedaction = options.public
    ? await publicRedactionOf(db, context.actor, records.sources, warnings)
    : null;
  const persons = publicRedaction
    ? publicRedaction.persons
    : await readPersonsIfAllowed(db, context.actor, warnings, false);
  const redactor = publicRedaction?.redactor ?? noRedaction;

  const presentOptions = { public: options.public, redactor };
  const tables: ExportTable[] = presentDataset(records, presentOptions);
  tables.push(presentInvolvements(records.involvements, presentOptions));
  if (!options.public && persons) tables.push(presentPersons(persons));
  const statistics = presentStatistics(records, options.threshold);
  tables.push(statistics.table);

  const dataFiles = await formatDataFiles(tables, options.format, {
    level: options.public ? 'public' : 'partner',
    createdAt: now.toISOString(),
  });
  const recordCounts =
    options.format === 'acled-csv'
      ? { acts: tables.find((table) => table.name === 'acts')!.rows.length }
      : Object.fromEntries(
          tables
            .filter((table) => table.name !== 'statistics')
            .map((table) => [table.name, table.rows.length]),
        );
  const recordTotal = Object.values(recordCounts).reduce((sum, n) => sum + n, 0);
  const redactions = redactor.counts();
  const manifest = manifestOf({
    now,
    public: options.public,
    format: options.format,
    exportedBy: options.public ? (records.organisation ?? 'unknown organisation') : context.exportedBy,
    organisation: records.organisation,
    recordCounts,
    persons: options.public ? 'never in public exports' : persons ? 'included' : 'omitted',
    personsCrossChecked: options.public && persons !== null,
    threshold: options.threshold,
    suppressed: statistics.suppressed,
    redactions: options.public ? redactions : null,
    files: dataFiles,
  });
  const manifestFile: ExportFile = { path: 'manifest.json', bytes: new TextEncoder().encode(manifest) };
  const files = [...dataFiles, manifestFile, checksumsFile([...dataFiles, manifestFile])];

  await writeExportDirectory(target, files, async () => {
    await recordAudit(db, {
      actor: context.actor?.userId ?? 'system',
      action: 'dataset.export',
      recordType: 'dataset',
      details: {
        public: options.public,
        format: options.format,
        records: recordTotal,
        persons: options.public ? 0 : (persons?.length ?? 0),
        redactions: redactions.total,
        manifestSha256: sha256Of(manifestFile.bytes),
      },
    });
  });

  return {
    files: files.map((file) => file.path),
    records: recordTotal,
    redactions: redactions.total,
    suppressed: statistics.suppressed,
    persons: options.public ? null : (persons?.length ?? null),
    warnings,
  };
}

async function formatDataFiles(
  tables: ExportTable[],
  format: ExportFormat,
  meta: { level: 'partner' | 'public'; createdAt: string },
): Promise<ExportFile[]> {
  switch (format) {
    case 'csv':
    case 'json':
      return tables.map((table) => formatTable(table, format));
    case 'xlsx':
      return [await formatWorkbook(tables, 'dataset.xlsx')];
    case 'esf-json': {
      const document = esfDocument(tables, meta);
      return [
        { path: 'esf.json', bytes: new TextEncoder().encode(`${JSON.stringify(document, null, 2)}\n`) },
      ];
    }
    case 'acled-csv':
      return [formatTable(acledTable(tables), 'csv')];
  }
}

/**
 * The redactor every public text goes through (dataset exports and dossiers alike), with the
 * protected persons it checks against. Detection alone misses names written in unusual forms
 * ("zarema from shali"): a public text from a database that holds protected persons is only safe
 * when it is also checked against their decrypted names and contacts, which needs a user allowed to
 * read them — so without one, while any person record exists, this refuses.
 */
export async function publicRedactionOf(
  db: Db,
  actor: Actor | null,
  sources: readonly SourceRecord[],
  warnings: string[],
): Promise<{ redactor: Redactor; persons: DecryptedPerson[] | null }> {
  const persons = await readPersonsForPublicExport(db, actor, warnings);
  if (persons === null) {
    const protectedPersons = await personsRepository(db).count();
    if (protectedPersons > 0) {
      throw new Forbidden(
        `a public export must be made by a user allowed to read protected persons (ATTEST_USER, ATTEST_PASSWORD), so that their names and contacts are removed from every text; ${protectedPersons} protected person record(s) exist`,
      );
    }
  }
  return { redactor: piiRedactor(knownPersonalValues(sources, persons ?? [])), persons };
}

/**
 * Exports leave the organisation's control, so once accounts exist only a signed-in user whose role
 * may export makes one (a refusal of a signed-in user is audited, under `action`). Before the first
 * account there is no one to sign in, and whoever holds the data directory already holds everything.
 */
export async function checkMayExport(db: Db, actor: Actor | null, action = 'dataset.export'): Promise<void> {
  if (!actor) {
    if ((await usersRepository(db).count()) > 0)
      throw new Unauthenticated(
        'an export needs a signed-in user once accounts exist: set ATTEST_USER and ATTEST_PASSWORD',
      );
    return;
  }
  if (can(actor.role, 'dataset.export')) return;
  await recordAudit(db, {
    actor: actor.userId,
    action,
    outcome: 'denied',
    recordType: 'dataset',
    details: { reason: 'role' },
  });
  authorize(actor.role, 'dataset.export');
}

/**
 * The organisation compartment's person records, decrypted, when the actor's role and keys allow;
 * null (with a warning) otherwise. Case compartments are never exported in bulk: they exist to keep
 * a case to its members, and a dataset export is the wrong door out of one.
 */
async function readPersonsIfAllowed(
  db: Db,
  actor: Actor | null,
  warnings: string[],
  isPublic: boolean,
): Promise<DecryptedPerson[] | null> {
  if (!actor) {
    warnings.push(
      isPublic
        ? 'no signed-in user (ATTEST_USER): texts were redacted by detection alone, not also checked against protected persons’ names and contacts'
        : 'no signed-in user (ATTEST_USER): person records omitted from the export',
    );
    return null;
  }
  try {
    const compartment = await resolveCompartment(db, undefined);
    const rows = await readPersons(db, actor, { decrypt: true, merged: true });
    return rows.map((row) => ({
      code: row.code,
      compartment: compartment.code,
      name: row.name ?? '',
      aliases: row.aliases ?? [],
      contacts: row.contacts ?? [],
      birthDate: row.birthDate ?? null,
      note: row.note ?? null,
      ...detailsOf(row),
    }));
  } catch (error) {
    if (!(error instanceof Forbidden)) throw error;
    warnings.push(
      isPublic
        ? `texts not checked against protected persons (${error.message})`
        : `person records omitted (${error.message})`,
    );
    return null;
  }
}

/**
 * For a public export: every protected person, from every compartment that holds any, decrypted only
 * to be matched against the texts (never written out). A case compartment's people are named in the
 * same testimonies as everyone else's, so checking only the organisation compartment would let their
 * names through while the manifest claimed a cross-check. When the exporter may read persons but is
 * not a member of every such compartment, the export is refused (and the refusal audited) before
 * anything is decrypted or written. Null (with a warning) when no user, or a role that may not read
 * persons: the caller then refuses if any person record exists.
 */
async function readPersonsForPublicExport(
  db: Db,
  actor: Actor | null,
  warnings: string[],
): Promise<DecryptedPerson[] | null> {
  // Through the general path so the refusal is worded and audited as before.
  if (!actor || !can(actor.role, 'person.read')) return readPersonsIfAllowed(db, actor, warnings, true);
  const compartments = compartmentsRepository(db);
  const holdings = await personsRepository(db).countByCompartment();
  const open: string[] = [];
  const closed: Array<{ code: string; count: number }> = [];
  for (const holding of holdings) {
    const compartment = (await compartments.findById(holding.compartmentId))!;
    if (await compartments.isMember(compartment.id, actor.userId)) open.push(compartment.code);
    else closed.push({ code: compartment.code, count: holding.count });
  }
  if (closed.length > 0) {
    const codes = closed.map((c) => c.code).join(', ');
    const unchecked = closed.reduce((sum, c) => sum + c.count, 0);
    await recordAudit(db, {
      actor: actor.userId,
      action: 'dataset.export',
      outcome: 'denied',
      recordType: 'dataset',
      details: { public: true, reason: 'compartments not open to the exporter', compartments: codes },
    });
    throw new Forbidden(
      `a public export must check every text against every protected person, but ${unchecked} person record(s) are in compartment(s) ${codes} you are not a member of; ask a member of each to run the export, or to add you`,
    );
  }
  const persons: DecryptedPerson[] = [];
  for (const code of open) {
    // Role and membership were checked above; readPersons checks them again and audits the read.
    const rows = await readPersons(db, actor, { compartment: code, decrypt: true, merged: true });
    for (const row of rows) {
      persons.push({
        code: row.code,
        compartment: code,
        name: row.name ?? '',
        aliases: row.aliases ?? [],
        contacts: row.contacts ?? [],
        birthDate: row.birthDate ?? null,
        note: row.note ?? null,
        ...detailsOf(row),
      });
    }
  }
  return persons;
}

interface ManifestInput {
  now: Date;
  public: boolean;
  format: ExportFormat;
  exportedBy: string;
  organisation: string | null;
  recordCounts: Record<string, number>;
  persons: string;
  personsCrossChecked: boolean;
  threshold: number;
  suppressed: number;
  redactions: RedactionCounts | null;
  files: readonly ExportFile[];
}

function manifestOf(input: ManifestInput): string {
  const manifest = {
    format: 'attest-dataset',
    formatVersion: EXPORT_FORMAT_VERSION,
    kind: input.public ? 'public' : 'partner',
    createdAt: input.now.toISOString(),
    exportedBy: input.exportedBy,
    organisation: input.organisation,
    fileFormat: input.format,
    records: input.recordCounts,
    persons: input.persons,
    ...(input.public ? { personsCrossChecked: input.personsCrossChecked } : {}),
    statistics: {
      unit: 'acts (documented violations)',
      dimensions: ['type', 'country', 'year'],
      suppressionThreshold: input.threshold,
      suppressedCells: input.suppressed,
    },
    // Counts only: what kind of value was removed from which field, never the value.
    ...(input.redactions ? { redactions: input.redactions } : {}),
    ...(input.format === 'csv' || input.format === 'acled-csv'
      ? {
          csv: 'RFC 4180, UTF-8, LF line ends, header row; lists and objects as JSON; a cell starting with = + - @ is prefixed with an apostrophe',
        }
      : {}),
    ...(input.format === 'xlsx'
      ? {
          xlsx: 'one sheet per record type, header row; lists and objects as JSON text; a text cell starting with = + - @ is prefixed with an apostrophe',
        }
      : {}),
    files: input.files.map((file) => ({
      path: file.path,
      bytes: file.bytes.byteLength,
      sha256: sha256Of(file.bytes),
    })),
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

/** `sha256sum -c SHA256SUMS` checks every file, the manifest included, without any Attest tool. */
function checksumsFile(files: readonly ExportFile[]): ExportFile {
  const lines = files.map((file) => `${sha256Of(file.bytes)}  ${file.path}\n`).join('');
  return { path: 'SHA256SUMS', bytes: new TextEncoder().encode(lines) };
}
