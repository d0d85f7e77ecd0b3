/**
 * Reads everything a dataset export may contain, through the repositories, in one repeatable-read
 * snapshot: an incident written while the export runs appears with all its acts and claims or not
 * at all. Plain records out; what of them leaves the organisation is decided in presenters.ts.
 */
import { type ActorRecord, actorsRepository } from '../../store/actors.ts';
import { type ActRecord, actsRepository } from '../../store/acts.ts';
import { type ClaimWithSource, claimsRepository } from '../../store/claims.ts';
import type { Db, Queryable } from '../../store/db.ts';
import { type IncidentRecord, incidentsRepository } from '../../store/incidents.ts';
import { type InterventionRecord, interventionsRepository } from '../../store/interventions.ts';
import { type InvolvementRow, involvementsRepository } from '../../store/involvements.ts';
import { organisationsRepository } from '../../store/organisations.ts';
import { reviewsRepository } from '../../store/reviews.ts';
import { type SourceRecord, sourcesRepository } from '../../store/sources.ts';

export interface IncidentWithSources extends IncidentRecord {
  sourceIds: string[];
}

export interface DatasetRecords {
  organisation: string | null;
  incidents: IncidentWithSources[];
  acts: ActRecord[];
  claims: ClaimWithSource[];
  interventions: InterventionRecord[];
  /** Who was involved in each act; persons by code only (their names stay sealed). */
  involvements: InvolvementRow[];
  /** Only actors some exported record refers to. */
  actors: ActorRecord[];
  sources: SourceRecord[];
}

const PAGE = 500;

export function readDatasetRecords(db: Db): Promise<DatasetRecords> {
  return db.transaction(async (tx) => {
    await tx.query('set transaction isolation level repeatable read');
    const incidents = await readIncidents(tx);
    const acts: ActRecord[] = [];
    const claims: ClaimWithSource[] = [];
    const interventions: InterventionRecord[] = [];
    const involvements: InvolvementRow[] = [];
    for (const incident of incidents) {
      acts.push(...(await actsRepository(tx).listByIncident(incident.id)));
      claims.push(...(await claimsRepository(tx).listByIncident(incident.id)));
      interventions.push(...(await interventionsRepository(tx).listByIncident(incident.id)));
      involvements.push(...(await involvementsRepository(tx).listByIncident(incident.id)));
    }
    const actorIds = new Set<string>();
    for (const act of acts) for (const p of act.perpetrators) if (p.actorId) actorIds.add(p.actorId);
    for (const record of [...claims, ...interventions]) if (record.actorId) actorIds.add(record.actorId);
    const actors = (await actorsRepository(tx).findByIds([...actorIds])).sort((a, b) =>
      a.name.localeCompare(b.name),
    );
    const organisation = (await organisationsRepository(tx).find())?.name ?? null;
    return {
      organisation,
      incidents,
      acts,
      claims,
      interventions,
      involvements,
      actors,
      sources: await readSources(tx),
    };
  });
}

async function readIncidents(tx: Queryable): Promise<IncidentWithSources[]> {
  const repository = incidentsRepository(tx);
  const out: IncidentWithSources[] = [];
  // Page by cursor: an offset would re-read every earlier row, and the list's total is capped.
  let after: string | undefined;
  do {
    const page = await repository.list({}, { limit: PAGE, offset: 0, after });
    for (const item of page.items) {
      const record = await repository.findById(item.id);
      if (!record) continue;
      const sourceIds = (await repository.sourcesOf(item.id)).map((source) => source.id);
      out.push({ ...record, sourceIds });
    }
    after = page.next ?? undefined;
  } while (after !== undefined);
  return out;
}

async function readSources(tx: Queryable): Promise<SourceRecord[]> {
  const out: SourceRecord[] = [];
  let after: string | undefined;
  do {
    const page = await reviewsRepository(tx).listSources({}, { limit: PAGE, offset: 0, after });
    for (const item of page.items) {
      const source = await sourcesRepository(tx).findById(item.id);
      // A sealed source never leaves in an export, public or partner: not its row, not a passage.
      if (source && source.compartmentId === null) out.push(source);
    }
    after = page.next ?? undefined;
  } while (after !== undefined);
  // Oldest capture first: a stable order makes two exports of the same data easy to compare.
  return out.sort((a, b) => a.capturedAt.getTime() - b.capturedAt.getTime() || a.id.localeCompare(b.id));
}
