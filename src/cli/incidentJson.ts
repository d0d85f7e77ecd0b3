/**
 * The JSON shape of an incident for scripts (`attest incident list|show --json`; docs/cli.md): the
 * incident, its acts with their range, chosen figure and sources (each marked independent or not),
 * its claims and its status. A contract: fields are added, never renamed.
 */
import type { IncidentDetail } from '../services/incidents/incidents.ts';

export function incidentJson(incident: IncidentDetail) {
  const { evidence } = incident;
  return {
    id: incident.id,
    title: incident.title,
    status: incident.status,
    supportedStatus: incident.supportedStatus,
    statusReason: incident.statusReason,
    place: { name: incident.placeName, country: incident.country },
    date: { from: incident.dateFrom, to: incident.dateTo, precision: incident.datePrecision },
    victims: incident.victims,
    reports: evidence.reportingSources,
    independentSources: evidence.independentSources,
    acts: evidence.acts.map((act) => ({
      id: act.id,
      type: act.type,
      victims: {
        min: act.corroboration.range.min,
        max: act.corroboration.range.max,
        chosen: act.corroboration.chosen,
        group: act.victims.group,
        chosenReason: act.corroboration.chosenBy?.reason ?? null,
      },
      place: { name: act.placeName, country: act.country },
      date: { from: act.dateFrom, to: act.dateTo, precision: act.datePrecision },
      status: act.corroboration.status,
      reports: act.corroboration.reports,
      independent: act.corroboration.independent,
      sources: act.corroboration.sources.map((source) => ({
        sourceId: source.sourceId,
        publisher: source.publisher,
        independent: source.independent,
        repeats: source.repeats,
        victims: { min: source.victims.min, max: source.victims.max },
      })),
    })),
    claims: [...evidence.assertions, ...evidence.denials].map((claim) => ({
      id: claim.id,
      stance: claim.stance,
      actor: claim.actor?.name ?? null,
      actId: claim.actId,
      sourceId: claim.source.id,
      text: claim.text,
    })),
    interventions: evidence.interventions.map((intervention) => ({
      id: intervention.id,
      type: intervention.type,
      actor: intervention.actor?.name ?? null,
      sourceId: intervention.source?.id ?? null,
    })),
  };
}
