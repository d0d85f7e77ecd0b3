/**
 * The evidence view of an incident: every claim with the exact passage of its source, how many
 * independent sources assert the acts, and the denials beside what they deny — so a reader sees
 * "reported by 4 independent sources; denied by 2 official statements" and can check each passage.
 *
 * Independence (analysis/corroboration/independence.ts): two sources are independent when their
 * publishers differ — a source with a URL has its domain as publisher (two articles on one site are
 * one newsroom); a source without one (testimony, upload, paste) is its own — and neither text is a
 * near-copy of the other, so a wire copy on another domain does not count twice. Same bytes are
 * always one source. The passages are shown so a reader can still check.
 */
import { assessIndependence } from '../../analysis/corroboration/independence.ts';
import type { EvidenceRecord } from '../../store/actEvidence.ts';
import type { ActRecord, Provenance } from '../../store/acts.ts';
import type { ClaimWithSource } from '../../store/claims.ts';
import type { IncidentSource } from '../../store/incidents.ts';
import type { InterventionRecord } from '../../store/interventions.ts';
import { type ActCorroboration, corroborateActs, reportsOf } from './actCorroboration.ts';

export interface EvidenceClaim {
  id: string;
  stance: 'asserts' | 'denies';
  actor: { id: string; name: string; kind: string } | null;
  actId: string | null;
  text: string;
  source: { id: string; title: string | null; url: string | null; origin: string };
  passage: string;
  start: number;
  end: number;
  provenance: Provenance | null;
}

export interface EvidenceDenial extends EvidenceClaim {
  denies: { actId: string; type: string } | null;
}

export interface EvidenceAct {
  id: string;
  type: string;
  victims: { min: number | null; max: number | null; group: string | null };
  placeName: string | null;
  country: string | null;
  dateFrom: string | null;
  dateTo: string | null;
  datePrecision: string | null;
  perpetrators: Array<{ name: string; actorId: string | null }>;
  provenance: Provenance | null;
  assertedBy: number;
  deniedBy: number;
  corroboration: ActCorroboration;
}

export interface EvidenceIntervention {
  id: string;
  type: string;
  actor: { id: string; name: string } | null;
  description: string;
  dateFrom: string | null;
  outcome: string | null;
  source: { id: string; passage: string; start: number; end: number } | null;
  provenance: Provenance | null;
}

export interface Evidence {
  /** Sources asserting something in the incident, and how many of them are independent. */
  reportingSources: number;
  independentSources: number;
  /** The denials listed, so the summary counts exactly what is shown. */
  deniedBy: number;
  /** Every listed denial comes from an authority or a security force. */
  deniedOfficially: boolean;
  summary: string;
  canBeCorroborated: boolean;
  sources: Array<Omit<IncidentSource, 'text'>>;
  assertions: EvidenceClaim[];
  denials: EvidenceDenial[];
  acts: EvidenceAct[];
  interventions: EvidenceIntervention[];
}

const OFFICIAL_KINDS = new Set(['authority', 'security-force']);

export function evidenceSummary(independent: number, denials: ClaimWithSource[]): string {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  const reported = `reported by ${plural(independent, 'independent source')}`;
  if (denials.length === 0) return reported;
  return `${reported}; denied by ${plural(denials.length, deniedOfficially(denials) ? 'official statement' : 'statement')}`;
}

function deniedOfficially(denials: readonly ClaimWithSource[]): boolean {
  return (
    denials.length > 0 &&
    denials.every((claim) => claim.actorKind !== null && OFFICIAL_KINDS.has(claim.actorKind))
  );
}

/** Independent sources among those asserting: distinct publishers, near-copies counted once. */
export function independentAsserting(claims: readonly ClaimWithSource[], sources: readonly IncidentSource[]) {
  const asserting = new Set(
    claims.filter((claim) => claim.stance === 'asserts').map((claim) => claim.sourceId),
  );
  return assessIndependence(reportsOf(sources, asserting));
}

export function buildEvidence(input: {
  acts: ActRecord[];
  claims: ClaimWithSource[];
  interventions: InterventionRecord[];
  sources: IncidentSource[];
  evidence: EvidenceRecord[];
}): Evidence {
  const texts = new Map(input.sources.map((source) => [source.id, source.text]));
  // Spans are UTF-16 offsets (extraction.md), which is what String#slice counts.
  const passage = (sourceId: string, start: number, end: number) =>
    texts.get(sourceId)?.slice(start, end) ?? '';
  const actType = new Map(input.acts.map((act) => [act.id, act.type]));
  const toClaim = (claim: ClaimWithSource): EvidenceClaim => ({
    id: claim.id,
    stance: claim.stance,
    actor: claim.actorId
      ? { id: claim.actorId, name: claim.actorName ?? '', kind: claim.actorKind ?? 'other' }
      : null,
    actId: claim.actId,
    text: claim.text,
    source: {
      id: claim.sourceId,
      title: claim.sourceTitle,
      url: claim.sourceUrl,
      origin: claim.sourceOrigin,
    },
    passage: passage(claim.sourceId, claim.spanStart, claim.spanEnd),
    start: claim.spanStart,
    end: claim.spanEnd,
    provenance: claim.provenance,
  });
  const assertions = input.claims.filter((claim) => claim.stance === 'asserts');
  const denials = input.claims.filter((claim) => claim.stance === 'denies');
  const independence = independentAsserting(input.claims, input.sources);
  const independent = independence.independent;
  const corroboration = corroborateActs(input.acts, input.evidence, input.sources);
  return {
    reportingSources: independence.reports,
    independentSources: independent,
    deniedBy: denials.length,
    deniedOfficially: deniedOfficially(denials),
    summary: evidenceSummary(independent, denials),
    canBeCorroborated: independent >= 2,
    sources: input.sources.map(({ text: _text, ...source }) => source),
    assertions: assertions.map(toClaim),
    denials: denials.map((claim) => ({
      ...toClaim(claim),
      denies: claim.actId ? { actId: claim.actId, type: actType.get(claim.actId) ?? 'unknown' } : null,
    })),
    acts: input.acts.map((act) => ({
      id: act.id,
      type: act.type,
      victims: { min: act.victimsMin, max: act.victimsMax, group: act.victimGroup },
      placeName: act.placeName,
      country: act.country,
      dateFrom: act.dateFrom,
      dateTo: act.dateTo,
      datePrecision: act.datePrecision,
      perpetrators: act.perpetrators,
      provenance: act.provenance,
      assertedBy: corroboration.get(act.id)!.independent,
      // The denials listed beside this act, so its line counts what the reader sees.
      deniedBy: denials.filter((claim) => claim.actId === act.id).length,
      corroboration: corroboration.get(act.id)!,
    })),
    interventions: input.interventions.map((intervention) => ({
      id: intervention.id,
      type: intervention.type,
      actor: intervention.actorId ? { id: intervention.actorId, name: intervention.actorName ?? '' } : null,
      description: intervention.description,
      dateFrom: intervention.dateFrom,
      outcome: intervention.outcome,
      source:
        intervention.sourceId && intervention.spanStart !== null && intervention.spanEnd !== null
          ? {
              id: intervention.sourceId,
              passage: passage(intervention.sourceId, intervention.spanStart, intervention.spanEnd),
              start: intervention.spanStart,
              end: intervention.spanEnd,
            }
          : null,
      provenance: intervention.provenance,
    })),
  };
}
