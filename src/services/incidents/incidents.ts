/**
 * Incidents use case: list with filters, one incident with its evidence, and changes to it —
 * including the status rules: an incident may not claim more than its acts support (an act is
 * corroborated by two independent sources, verified by a person with a reason: actCorroboration.ts)
 * unless a reviewer overrides that with a written reason, audited; `verified` is set only here, by
 * someone allowed to verify, and never by import or review.
 */
import { z } from 'zod';
import { claimsMoreThan } from '../../analysis/corroboration/reconcile.ts';
import { CountryCode, IsoDate, LanguageCode } from '../../core/codes.ts';
import { Conflict, Forbidden, NotFound } from '../../core/errors.ts';
import { GeoAreaParam } from '../../core/geoArea.ts';
import { type ListPage, Uuid } from '../../core/validation.ts';
import { EventType, IncidentStatus } from '../../core/vocabulary.ts';
import { actEvidenceRepository } from '../../store/actEvidence.ts';
import { actsRepository } from '../../store/acts.ts';
import { claimsRepository } from '../../store/claims.ts';
import type { Db, Queryable } from '../../store/db.ts';
import {
  INCIDENT_SORTS,
  type IncidentRecord,
  type IncidentSummary,
  incidentsRepository,
} from '../../store/incidents.ts';
import { interventionsRepository } from '../../store/interventions.ts';
import { appendAudit } from '../audit/audit.ts';
import { corroborateActs, incidentSupportedStatus } from './actCorroboration.ts';
import { EditedVersion, Reason } from './edits/editSchemas.ts';
import { lockForEdit, recordChange } from './edits/recordEdit.ts';
import { buildEvidence, type Evidence } from './evidence.ts';

export type { IncidentSummary };

export const IncidentFiltersSchema = z.strictObject({
  country: CountryCode.optional(),
  type: EventType.optional(),
  status: IncidentStatus.optional(),
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  language: LanguageCode.optional(),
  source: Uuid.optional(),
  tag: z.string().trim().min(1).max(60).optional(),
  /** A map mark's square: incidents with an act there (core/geoArea.ts). */
  area: GeoAreaParam.optional(),
  sort: z.enum(INCIDENT_SORTS).optional(),
});
export type IncidentFiltersInput = z.infer<typeof IncidentFiltersSchema>;

export const IncidentPatchSchema = z
  .strictObject({
    title: z.string().trim().min(1).max(300).optional(),
    summary: z.string().max(20_000).optional(),
    tags: z.array(z.string().trim().min(1).max(60)).max(50).optional(),
    status: IncidentStatus.optional(),
    // The version the editor saw (see services/incidents/edits/): a stale one is a 409, never an overwrite.
    version: EditedVersion.optional(),
    /** Goes into the history; needed when the status claims more than the incident's acts support. */
    reason: Reason,
  })
  .refine(
    (patch) => Object.keys(patch).some((key) => key !== 'version' && key !== 'reason'),
    'give at least one of title, summary, tags, status',
  );
export type IncidentPatch = z.infer<typeof IncidentPatchSchema>;

export interface IncidentDetail extends IncidentRecord {
  evidence: Evidence;
  /** The most the acts support; a status above it carries `statusReason`. */
  supportedStatus: IncidentStatus;
  statusReason: string | null;
}

/** Who is changing an incident, and whether they may verify (decided by the caller's policy). */
export interface IncidentEditor {
  userId: string;
  mayVerify: boolean;
}

export async function listIncidents(db: Queryable, filters: IncidentFiltersInput, page: ListPage) {
  const { source, sort, ...rest } = filters;
  return incidentsRepository(db).list({ ...rest, sourceId: source }, page, sort);
}

export async function getIncident(db: Queryable, id: string): Promise<IncidentDetail> {
  const incident = await incidentsRepository(db).findById(id);
  if (!incident) throw new NotFound('incident', id);
  const [acts, claims, interventions, sources, links, statusReason] = await Promise.all([
    actsRepository(db).listByIncident(id),
    claimsRepository(db).listByIncident(id),
    interventionsRepository(db).listByIncident(id),
    incidentsRepository(db).sourcesOf(id),
    actEvidenceRepository(db).listByIncident(id),
    incidentsRepository(db).statusReasonOf(id),
  ]);
  const evidence = buildEvidence({ acts, claims, interventions, sources, evidence: links });
  const supportedStatus = incidentSupportedStatus(
    new Map(evidence.acts.map((act) => [act.id, act.corroboration])),
  );
  return { ...incident, evidence, supportedStatus, statusReason };
}

/** What the incident's acts support, read inside a transaction. */
async function supportedStatusOf(db: Queryable, id: string): Promise<IncidentStatus> {
  const [acts, sources, links] = await Promise.all([
    actsRepository(db).listByIncident(id),
    incidentsRepository(db).sourcesOf(id),
    actEvidenceRepository(db).listByIncident(id),
  ]);
  return incidentSupportedStatus(corroborateActs(acts, links, sources));
}

export async function updateIncident(
  db: Db,
  editor: IncidentEditor,
  id: string,
  patch: IncidentPatch,
): Promise<IncidentDetail> {
  if (patch.status === 'verified' && !editor.mayVerify) {
    throw new Forbidden('only a person allowed to verify incidents may set the status verified');
  }
  await db.transaction(async (tx) => {
    const incidents = incidentsRepository(tx);
    const before = await lockForEdit(tx, 'incident', id, patch.version);
    const current = await incidents.findById(id);
    if (!current) throw new NotFound('incident', id);
    let overridden = false;
    if (patch.status && patch.status !== current.status) {
      const supported = await supportedStatusOf(tx, id);
      overridden = claimsMoreThan(patch.status, supported);
      if (overridden && !patch.reason) {
        throw new Conflict(
          `status: the acts support at most "${supported}" (corroborated needs an act with 2 independent sources, verified an act a person verified); give a reason to set "${patch.status}" anyway`,
        );
      }
      await incidents.setStatus(id, patch.status, editor.userId, overridden ? (patch.reason ?? null) : null);
    }
    if (patch.title !== undefined || patch.summary !== undefined || patch.tags !== undefined) {
      await incidents.update(id, patch);
      await incidents.refreshDerived(id);
    }
    // Its own audit entry follows (incident.update or incident.verify, with the status change).
    await recordChange(tx, editor, 'incident', before, 'update', patch.reason ?? null, false);
    await appendAudit(tx, {
      actor: editor.userId,
      action:
        patch.status === 'verified' && current.status !== 'verified' ? 'incident.verify' : 'incident.update',
      recordType: 'incident',
      recordId: id,
      details: {
        fields: Object.keys(patch).sort().join(','),
        from: current.status,
        to: patch.status ?? current.status,
        // The reason itself is free text kept on the record (status_reason), not copied into the log.
        ...(overridden ? { override: true } : {}),
      },
    });
  });
  return getIncident(db, id);
}
