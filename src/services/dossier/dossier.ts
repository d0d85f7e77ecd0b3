/**
 * `attest dossier` and the incident page's "Dossier" button as one use case: a PDF about one incident
 * that a lawyer, a court or a UN mechanism can use — summary, acts with their counts and status, the
 * passages that support them, the denials beside what they deny, the sources with their hashes, the
 * chain of custody and how to verify it all — optionally zipped with the originals and a manifest.
 *
 * A dossier leaves the organisation like a dataset export, so it follows the export's rules exactly:
 * the same roles may make one (`dataset.export`), the same redaction at public level (the export's
 * presenters and redactor, run over this incident's records: dossierContent.ts), and the same refusal
 * of a public dossier by a user who cannot check the texts against every protected person. It is
 * audited with the SHA-256 of the PDF (and of the ZIP), so the organisation can later confirm which
 * dossier it issued.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { z } from 'zod';
import { InvalidInput } from '../../core/errors.ts';
import type { Store } from '../../store/openStore.ts';
import type { Actor } from '../accounts/actor.ts';
import { recordAudit } from '../audit/audit.ts';
import { checkMayExport, publicRedactionOf } from '../export/dataset.ts';
import { sha256Of } from '../export/files.ts';
import { presentDataset } from '../export/presenters.ts';
import { type DatasetRecords, readDatasetRecords } from '../export/records.ts';
import { noRedaction } from '../export/redaction.ts';
import { presentStatistics } from '../export/statistics.ts';
import { getIncident } from '../incidents/incidents.ts';
import { composeDossier, DOSSIER_LEVELS, type DossierContent, type DossierLevel } from './dossierContent.ts';
import { custodyLines, pseudonymsFor, readCustodyEntries } from './dossierCustody.ts';
import { dossierFonts } from './dossierFonts.ts';
import { type DossierOriginal, packageDossier } from './dossierPackage.ts';
import { renderDossierPdf } from './dossierPdf.ts';
import { readSourceTimestamps } from './sourceTimestamps.ts';

export { DOSSIER_LEVELS, type DossierLevel };

export const DossierRequest = z.strictObject({
  incidentId: z.uuid('expected an incident id (a UUID)'),
  level: z.enum(DOSSIER_LEVELS, 'the level must be partner or public').default('partner'),
  zip: z.boolean().default(false),
});
export type DossierRequest = z.input<typeof DossierRequest>;

export interface DossierContext {
  /** The signed-in user, or null before the first account exists. */
  actor: Actor | null;
  /**
   * Who made it when no account exists (the OS user). A partner dossier names its maker by role and
   * pseudonym like everyone in its chain of custody; a public one names the organisation.
   */
  generatedBy: string;
  now?: Date;
}

export interface Dossier {
  /** A file name to offer: dossier-<incident>-<level>.pdf or .zip. */
  fileName: string;
  mediaType: 'application/pdf' | 'application/zip';
  bytes: Uint8Array;
  pdfSha256: string;
  /** The originals in the ZIP (0 without --zip, and always at public level). */
  originals: number;
  redactions: number;
  /** Things the operator must know; never a protected value. */
  warnings: string[];
}

export const ATTEST_VERSION = (
  JSON.parse(readFileSync(resolve(import.meta.dirname, '../../../package.json'), 'utf8')) as {
    version: string;
  }
).version;

export async function makeDossier(
  store: Store,
  request: DossierRequest,
  context: DossierContext,
): Promise<Dossier> {
  const parsed = DossierRequest.safeParse(request);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new InvalidInput(issue.path.join('.') || 'dossier', issue.message);
  }
  const { incidentId, level, zip } = parsed.data;
  const db = store.db;
  await checkMayExport(db, context.actor, 'incident.dossier');
  const detail = await getIncident(db, incidentId);
  const warnings: string[] = [];
  const all = await readDatasetRecords(db);
  const isPublic = level === 'public';
  // Known personal values come from every source, as in a public export: a name detected in any
  // source is removed from this incident's texts too.
  const redactor = isPublic
    ? (await publicRedactionOf(db, context.actor, all.sources, warnings)).redactor
    : noRedaction;
  const records = recordsOfIncident(all, incidentId);
  const tables = presentDataset(records, { public: isPublic, redactor });
  const statistics = presentStatistics(records).table;

  const recordIds = [
    incidentId,
    ...records.acts.map((a) => a.id),
    ...records.claims.map((c) => c.id),
    ...records.interventions.map((i) => i.id),
    ...records.sources.map((s) => s.id),
  ];
  const entries = await readCustodyEntries(db, recordIds);
  const maker = context.actor?.userId ?? context.generatedBy;
  const name = await pseudonymsFor(db, [
    maker,
    ...entries.map((entry) => entry.actor),
    ...detail.evidence.acts.flatMap((act) => [
      act.corroboration.chosenBy?.by ?? 'system',
      act.corroboration.verification?.by ?? 'system',
    ]),
  ]);
  const generatedAt = context.now ?? new Date();
  const content: DossierContent = composeDossier({
    level,
    generatedAt,
    generatedBy: isPublic ? (all.organisation ?? 'unknown organisation') : name(maker),
    attestVersion: ATTEST_VERSION,
    organisation: all.organisation,
    detail,
    tables,
    statistics,
    redactor,
    name,
    timestamps: await readSourceTimestamps(
      db,
      records.sources.map((s) => s.id),
    ),
    custody: custodyLines(entries, name),
  });
  const pdf = await renderDossierPdf(content, dossierFonts());
  const pdfSha256 = sha256Of(pdf);

  const originals: DossierOriginal[] = [];
  if (zip && !isPublic) {
    for (const source of content.sources) {
      if (!source.sha256 || !store.files.has(source.sha256)) {
        warnings.push(
          `the original of source ${source.ref} is missing from the file store (run attest verify)`,
        );
        continue;
      }
      const bytes = store.files.get(source.sha256);
      originals.push({
        ref: source.ref,
        sourceId: source.id,
        sha256: source.sha256,
        fileName: source.fileName,
        bytes,
      });
    }
  }
  const bytes = zip ? packageDossier(content, pdf, originals) : pdf;
  const redactions = redactor.counts().total;
  await recordAudit(db, {
    actor: context.actor?.userId ?? 'system',
    action: 'incident.dossier',
    recordType: 'incident',
    recordId: incidentId,
    details: {
      level,
      zip,
      originals: originals.length,
      redactions,
      pdfSha256,
      ...(zip ? { zipSha256: sha256Of(bytes) } : {}),
    },
  });
  return {
    fileName: `dossier-${incidentId.slice(0, 8)}-${level}.${zip ? 'zip' : 'pdf'}`,
    mediaType: zip ? 'application/zip' : 'application/pdf',
    bytes,
    pdfSha256,
    originals: originals.length,
    redactions,
    warnings,
  };
}

/** The dataset records of one incident: its acts, claims, interventions, the actors they name, its sources. */
function recordsOfIncident(all: DatasetRecords, incidentId: string): DatasetRecords {
  const incidents = all.incidents.filter((incident) => incident.id === incidentId);
  const sourceIds = new Set(incidents.flatMap((incident) => incident.sourceIds));
  const acts = all.acts.filter((act) => act.incidentId === incidentId);
  const claims = all.claims.filter((claim) => claim.incidentId === incidentId);
  const interventions = all.interventions.filter((intervention) => intervention.incidentId === incidentId);
  const actorIds = new Set<string>();
  for (const act of acts) for (const p of act.perpetrators) if (p.actorId) actorIds.add(p.actorId);
  for (const record of [...claims, ...interventions]) if (record.actorId) actorIds.add(record.actorId);
  return {
    organisation: all.organisation,
    incidents,
    acts,
    claims,
    interventions,
    involvements: all.involvements.filter((involvement) => acts.some((act) => act.id === involvement.actId)),
    actors: all.actors.filter((actor) => actorIds.has(actor.id)),
    sources: all.sources.filter((source) => sourceIds.has(source.id)),
  };
}
