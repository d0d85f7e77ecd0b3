/**
 * Events: acts found in the text (eventMentions.ts), with the same act told twice merged into one —
 * "os três homens assassinados" and "pelo menos três homens foram mortos" are one killing. Two
 * mentions are the same act when nothing they say conflicts: same type, and their victims, place
 * and date agree or one of them leaves it unsaid.
 */
import type { EventSuggestion } from '../core/suggestions.ts';
import { type ActorFound, toMention } from './actors.ts';
import type { EventMention } from './eventMentions.ts';

function wordsOf(group: string): Set<string> {
  return new Set(group.toLowerCase().split(/[\s-]+/u));
}

/** "gay men" and "gay and bisexual men" may be the same people; "men" and "activists" are not. */
function groupsAgree(a: string | null, b: string | null): boolean {
  if (a === null || b === null || a === b) return true;
  const wa = wordsOf(a);
  const wb = wordsOf(b);
  return [...wa].every((w) => wb.has(w)) || [...wb].every((w) => wa.has(w));
}

function countsAgree(a: EventMention, b: EventMention): boolean {
  const x = a.victims;
  const y = b.victims;
  if (!x || !y || (x.min === null && x.max === null) || (y.min === null && y.max === null)) return true;
  return x.min === y.min || (x.max !== null && x.max === y.max);
}

function datesAgree(a: EventMention, b: EventMention): boolean {
  const x = a.date;
  const y = b.date;
  if (!x || !y || !x.from || !x.to || !y.from || !y.to) return true;
  return x.from <= y.to && y.from <= x.to;
}

function placesAgree(a: EventMention, b: EventMention): boolean {
  if (!a.place || !b.place) return true;
  if (a.placeOwn && b.placeOwn) return a.place.name === b.place.name || a.place.country === b.place.country;
  return a.place.country === b.place.country || a.place.country === null || b.place.country === null;
}

function sameAct(a: EventMention, b: EventMention): boolean {
  // "fired tear gas at protesters, and several people were injured": one sentence, one act of a type.
  if (a.sentence.index === b.sentence.index && a.type === b.type && a.attempt === b.attempt) return true;
  return (
    a.type === b.type &&
    a.attempt === b.attempt &&
    groupsAgree(a.victims?.group ?? null, b.victims?.group ?? null) &&
    countsAgree(a, b) &&
    datesAgree(a, b) &&
    placesAgree(a, b)
  );
}

function unionActors(a: ActorFound[], b: ActorFound[]): ActorFound[] {
  const out = [...a];
  for (const actor of b) if (!out.some((x) => x.name === actor.name)) out.push(actor);
  return out;
}

/** The merged event speaks with its most confident mention and borrows what that one leaves unsaid. */
function merge(into: EventMention, other: EventMention): EventMention {
  const [lead, second] = other.confidence > into.confidence ? [other, into] : [into, other];
  const hasCount = (m: EventMention) =>
    m.victims !== null && (m.victims.min !== null || m.victims.max !== null);
  return {
    ...lead,
    victims: hasCount(lead) || !hasCount(second) ? (lead.victims ?? second.victims) : second.victims,
    place: lead.placeOwn || !second.placeOwn ? (lead.place ?? second.place) : second.place,
    placeOwn: lead.placeOwn || second.placeOwn,
    date: lead.date ?? second.date,
    perpetrators: unionActors(lead.perpetrators, second.perpetrators),
    reportedBy: unionActors(lead.reportedBy, second.reportedBy),
    // Told twice in one text is not independent corroboration, so only a small lift.
    confidence: Math.min(0.95, Math.round((lead.confidence + 0.05) * 100) / 100),
  };
}

/**
 * Past this many distinct acts of one type, a mention is compared only with the latest ones: a
 * megabyte-long dump must stay linear, and a repeat that far apart is rarely the same act anyway.
 */
const MERGE_WINDOW = 50;

export function mergeEventMentions(all: readonly EventMention[]): EventMention[] {
  // "condemned the crackdown" after arrests and beatings refers back to them; a persecution with
  // no victim group stands alone only in a text that names no narrower act.
  const narrower = all.some((m) => m.type !== 'persecution');
  const mentions = all.filter((m) => m.type !== 'persecution' || !narrower || m.victims?.group);
  const byType = new Map<string, EventMention[]>();
  for (const mention of mentions) {
    const events = byType.get(mention.type) ?? [];
    byType.set(mention.type, events);
    let index = -1;
    for (let i = events.length - 1; i >= Math.max(0, events.length - MERGE_WINDOW); i--) {
      if (sameAct(events[i]!, mention)) {
        index = i;
        break;
      }
    }
    if (index >= 0) events[index] = merge(events[index]!, mention);
    else events.push(mention);
  }
  return [...byType.values()].flat().sort((a, b) => a.start - b.start);
}

/** An act dated this many years or more before publication is background, not news. */
const HISTORICAL_YEARS = 2;

/** Dated long before publication ("the 1999 massacre", "em 1964"): flagged, never a new violation. */
export function isHistorical(m: EventMention, published: string | null): boolean {
  if (!published || !m.date?.to) return false;
  return Number(published.slice(0, 4)) - Number(m.date.to.slice(0, 4)) >= HISTORICAL_YEARS;
}

export function toEventSuggestion(m: EventMention): EventSuggestion {
  // The v2 flags appear only when set, so a v1 reader sees the events it always saw.
  const flags = { ...(m.attempt ? { attempt: true } : {}), ...(m.historical ? { historical: true } : {}) };
  return {
    type: m.type,
    victims: m.victims,
    place: m.place,
    date: m.date,
    perpetrators: m.perpetrators.map(toMention),
    reportedBy: m.reportedBy.map(toMention),
    confidence: m.confidence,
    ...flags,
    start: m.start,
    end: m.end,
  };
}
