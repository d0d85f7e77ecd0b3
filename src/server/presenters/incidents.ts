/** What leaves the server about incidents and their evidence. */
import { z } from 'zod';
import { IncidentStatus } from '../../core/vocabulary.ts';
import type { IncidentDetail, IncidentSummary } from '../../services/incidents/incidents.ts';
import { DateOnly, Id, Instant, iso, longListOf, ProvenanceSchema } from './common.ts';

const Victims = z.object({ min: z.number().int().nullable(), max: z.number().int().nullable() });

export const IncidentSummarySchema = z.object({
  id: Id,
  title: z.string(),
  status: IncidentStatus,
  placeName: z.string().nullable(),
  country: z.string().nullable(),
  dateFrom: DateOnly.nullable(),
  dateTo: DateOnly.nullable(),
  datePrecision: z.string().nullable(),
  language: z.string(),
  tags: z.array(z.string()),
  types: z.array(z.string()),
  victims: Victims,
  sourceCount: z.number().int(),
  createdAt: Instant,
  updatedAt: Instant,
});
export const IncidentListSchema = longListOf(IncidentSummarySchema);

const ClaimSchema = z.object({
  id: Id,
  stance: z.enum(['asserts', 'denies']),
  actor: z.object({ id: Id, name: z.string(), kind: z.string() }).nullable(),
  actId: Id.nullable(),
  text: z.string(),
  source: z.object({ id: Id, title: z.string().nullable(), url: z.string().nullable(), origin: z.string() }),
  passage: z.string().describe('the exact source text between start and end'),
  start: z.number().int(),
  end: z.number().int(),
  provenance: ProvenanceSchema.nullable(),
});

const Judgement = z.object({ by: z.string(), at: Instant, reason: z.string() });

/** Per act: its sources (each with its own figure), independence, range, chosen figure and status. */
const CorroborationSchema = z.object({
  reports: z.number().int(),
  independent: z.number().int(),
  status: IncidentStatus,
  range: Victims,
  chosen: z.number().int().nullable().describe("the figure counted: a person's choice, else range.min"),
  chosenBy: Judgement.nullable(),
  verification: Judgement.nullable(),
  sources: z.array(
    z.object({
      sourceId: Id,
      title: z.string().nullable(),
      publisher: z.string(),
      independent: z.boolean(),
      repeats: Id.nullable().describe('the earlier report this one shares a publisher with or copies'),
      victims: Victims.extend({ group: z.string().nullable() }),
      placeName: z.string().nullable(),
      country: z.string().nullable(),
      dateFrom: DateOnly.nullable(),
      dateTo: DateOnly.nullable(),
      passage: z.string(),
      start: z.number().int(),
      end: z.number().int(),
      linkedBy: z.string(),
      linkedAt: Instant,
    }),
  ),
});

export const EvidenceSchema = z.object({
  reportingSources: z.number().int(),
  independentSources: z.number().int(),
  deniedBy: z.number().int().describe('the denials listed'),
  deniedOfficially: z.boolean(),
  summary: z.string(),
  canBeCorroborated: z.boolean(),
  sources: z.array(
    z.object({
      id: Id,
      title: z.string().nullable(),
      url: z.string().nullable(),
      publishedOn: DateOnly.nullable(),
      language: z.string(),
      origin: z.string(),
    }),
  ),
  assertions: z.array(ClaimSchema),
  denials: z.array(ClaimSchema.extend({ denies: z.object({ actId: Id, type: z.string() }).nullable() })),
  acts: z.array(
    z.object({
      id: Id,
      type: z.string(),
      victims: Victims.extend({ group: z.string().nullable() }),
      placeName: z.string().nullable(),
      country: z.string().nullable(),
      dateFrom: DateOnly.nullable(),
      dateTo: DateOnly.nullable(),
      datePrecision: z.string().nullable(),
      perpetrators: z.array(z.object({ name: z.string(), actorId: Id.nullable() })),
      provenance: ProvenanceSchema.nullable(),
      assertedBy: z.number().int(),
      deniedBy: z.number().int(),
      corroboration: CorroborationSchema,
    }),
  ),
  interventions: z.array(
    z.object({
      id: Id,
      type: z.string(),
      actor: z.object({ id: Id, name: z.string() }).nullable(),
      description: z.string(),
      dateFrom: DateOnly.nullable(),
      outcome: z.string().nullable(),
      source: z
        .object({ id: Id, passage: z.string(), start: z.number().int(), end: z.number().int() })
        .nullable(),
      provenance: ProvenanceSchema.nullable(),
    }),
  ),
});

export const IncidentDetailSchema = IncidentSummarySchema.extend({
  summary: z.string(),
  version: z.number().int().describe('send it back with an edit (PATCH): a stale version is a 409'),
  createdBy: z.string(),
  verifiedBy: z.string().nullable(),
  verifiedAt: Instant.nullable(),
  supportedStatus: IncidentStatus.describe('the most the acts support; a higher status carries statusReason'),
  statusReason: z.string().nullable(),
  evidence: EvidenceSchema,
});

export function presentIncidentSummary(incident: IncidentSummary): z.infer<typeof IncidentSummarySchema> {
  return {
    id: incident.id,
    title: incident.title,
    status: incident.status,
    placeName: incident.placeName,
    country: incident.country,
    dateFrom: incident.dateFrom,
    dateTo: incident.dateTo,
    datePrecision: incident.datePrecision,
    language: incident.language,
    tags: incident.tags,
    types: incident.types,
    victims: incident.victims,
    sourceCount: incident.sourceCount,
    createdAt: iso(incident.createdAt)!,
    updatedAt: iso(incident.updatedAt)!,
  };
}

export function presentIncident(incident: IncidentDetail): z.infer<typeof IncidentDetailSchema> {
  return {
    ...presentIncidentSummary(incident),
    summary: incident.summary,
    version: incident.version,
    createdBy: incident.createdBy,
    verifiedBy: incident.verifiedBy,
    verifiedAt: iso(incident.verifiedAt),
    supportedStatus: incident.supportedStatus,
    statusReason: incident.statusReason,
    evidence: {
      ...incident.evidence,
      acts: incident.evidence.acts.map((act) => {
        const { chosenBy, verification, sources } = act.corroboration;
        const judgement = (j: typeof chosenBy) => (j ? { ...j, at: iso(j.at)! } : null);
        return {
          ...act,
          corroboration: {
            ...act.corroboration,
            chosenBy: judgement(chosenBy),
            verification: judgement(verification),
            sources: sources.map((source) => ({ ...source, linkedAt: iso(source.linkedAt)! })),
          },
        };
      }),
    },
  };
}
