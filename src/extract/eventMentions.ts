/**
 * Finds the acts a text reports, one mention per act type per clause, before duplicates are merged
 * (events.ts). A trigger word is an act only when nothing cancels it: an idiom ("killed it"), a
 * negation a few words before it in its clause ("não houve mortes"), a denial earlier in the
 * sentence ("police denied detaining"), or — for everyday words like "killed" — a natural or
 * sporting cause and no human victim or perpetrator in sight.
 */
import type { DateMention, PlaceMention, VictimCount } from '../core/suggestions.ts';
import type { EventType } from '../core/vocabulary.ts';
import { type ActorFound, canPerpetrate, findLexiconActors, findReporters } from './actors.ts';
import {
  clauseOf,
  type DocContext,
  gap,
  overlapsAny,
  type Sentence,
  type Span,
  within,
  wordsBetween,
} from './extractContext.ts';
import type { Setting } from './extractSetting.ts';
import type { TaggedMatch } from './lexicon/compile.ts';
import type { CountMention } from './numbers.ts';
import type { Segment } from './segment.ts';

export interface Trigger extends Span {
  type: EventType;
  strong: boolean;
  /** Framed as an attempt ("tried to abduct"). */
  attempt?: boolean;
}

export interface EventMention extends Span {
  type: EventType;
  sentence: Sentence;
  triggers: Trigger[];
  victims: VictimCount | null;
  place: PlaceMention | null;
  placeOwn: boolean;
  date: DateMention | null;
  perpetrators: ActorFound[];
  reportedBy: ActorFound[];
  confidence: number;
  attempt: boolean;
  historical: boolean;
}

/** Matches of the document's cue lists, found once and looked up per sentence. */
export interface Cues {
  triggers: Trigger[];
  idioms: Span[];
  nonViolation: Span[];
  negation: Span[];
  denial: Span[];
  contrast: Span[];
  reporting: Span[];
  hedges: Span[];
  groups: Array<TaggedMatch<string>>;
  units: Span[];
  conjunctions: Span[];
  locatives: Span[];
  objects: Span[];
  attempt: Span[];
  hypothetical: Span[];
  statistic: Span[];
}

export function findCues(ctx: DocContext): Cues {
  const matches = ctx.matches;
  const triggers: Trigger[] = matches.triggers.map((m) => ({ ...m.value, start: m.start, end: m.end }));
  triggers.sort((a, b) => a.start - b.start || b.end - b.start - (a.end - a.start));
  return {
    triggers: resolveOverlaps(triggers),
    idioms: matches.idioms,
    nonViolation: matches.nonViolation,
    // "не менее 40", "no fewer than 40": a negation inside a count qualifies the number.
    negation: matches.negation.filter(
      (n) =>
        !within(ctx.counts, Math.max(0, n.start - 200), n.end + 200).some(
          (c) => c.start <= n.start && n.end <= c.end,
        ),
    ),
    denial: matches.denial,
    contrast: matches.contrast,
    reporting: matches.reporting,
    hedges: matches.hedges,
    // A victim noun that is also an actor ("hommes armés", "правозащитники") names the actor.
    groups: matches.groups.filter(
      (g) =>
        !within(matches.actors, Math.max(0, g.start - 200), g.end + 200).some(
          (a) => a.start < g.end && g.start < a.end && a.value.kind !== 'witness',
        ),
    ),
    units: matches.units,
    conjunctions: matches.conjunctions,
    locatives: matches.locatives,
    objects: matches.objects,
    attempt: matches.attempt,
    hypothetical: matches.hypothetical,
    statistic: matches.statistic,
  };
}

/** Of overlapping triggers the longest wins ("ameaças de morte" is a threat, not a killing). */
function resolveOverlaps(sorted: Trigger[]): Trigger[] {
  const out: Trigger[] = [];
  for (const t of sorted) {
    const last = out[out.length - 1];
    if (last && t.start < last.end) {
      const longer =
        t.end - t.start > last.end - last.start ||
        (t.end - t.start === last.end - last.start && t.strong && !last.strong);
      if (longer) out[out.length - 1] = t;
      continue;
    }
    out.push(t);
  }
  return out;
}

function contrastBetween(cues: Cues, from: number, to: number): boolean {
  return within(cues.contrast, from, to).length > 0;
}

/** Is the trigger cancelled by a denial earlier in its sentence or a negation just before it? */
function isNegated(ctx: DocContext, cues: Cues, sentence: Sentence, clause: Segment, t: Trigger): boolean {
  for (const d of within(cues.denial, sentence.start, t.start)) {
    if (!contrastBetween(cues, d.end, t.start)) return true;
  }
  for (const n of within(cues.negation, clause.start, t.start)) {
    if (wordsBetween(ctx, n.end, t.start) <= 6 && !contrastBetween(cues, n.end, t.start)) return true;
  }
  return false;
}

/** A group noun that is the subject of a reporting verb ("survivors said") tells, it is not a victim. */
function isSpeaker(ctx: DocContext, cues: Cues, group: Span): boolean {
  const verb = within(cues.reporting, group.end, Math.min(ctx.text.length, group.end + 40))[0];
  return verb !== undefined && wordsBetween(ctx, group.end, verb.start) === 0;
}

/** How far (code units) from its act a head count may stand. */
const COUNT_REACH = 120;
const PERCENT_AFTER = /^[\s\u00a0]*%/u;
const YEAR = /^\d{4}$/u;

/** Counts in a clause that can be head counts: not dates, years, durations, distances or sums. */
function headCounts(ctx: DocContext, cues: Cues, clause: Segment, reach: Span): CountMention[] {
  return within(ctx.counts, Math.max(clause.start, reach.start), Math.min(clause.end, reach.end)).filter(
    (c) => {
      if (c.min === null && c.max === null) return false;
      if (overlapsAny(ctx.dates, c)) return false;
      // "no one was tortured": the "one" of a negation counts nobody.
      if (overlapsAny(cues.negation, c)) return false;
      if (YEAR.test(c.text.trim()) && (c.min ?? 0) >= 1900 && (c.min ?? 0) <= 2100) return false;
      if (PERCENT_AFTER.test(ctx.text.slice(c.end, c.end + 3))) return false;
      const unit = within(cues.units, c.end, Math.min(ctx.text.length, c.end + 30))[0];
      if (unit && wordsBetween(ctx, c.end, unit.start) === 0) return false;
      // "seven firearms", "une trentaine de maisons": a number of things counts no victims.
      const object = within(cues.objects, c.end, Math.min(ctx.text.length, c.end + 30))[0];
      if (object && wordsBetween(ctx, c.end, object.start) <= 1) return false;
      // "Two gunmen", "Dos sicarios": a number of attackers is not a number of victims (police and
      // soldiers are also victims: "погибли двое полицейских").
      const actor = within(ctx.matches.actors, c.end, Math.min(ctx.text.length, c.end + 30))[0];
      return !(actor && actor.value.kind === 'armed' && wordsBetween(ctx, c.end, actor.start) === 0);
    },
  );
}

/** The group noun that a count qualifies: right after it ("cem homens", "пятерых активистов"). */
function groupAfter(ctx: DocContext, cues: Cues, count: Span): TaggedMatch<string> | undefined {
  const group = within(cues.groups, count.end, Math.min(ctx.text.length, count.end + 60))[0];
  if (!group || wordsBetween(ctx, count.end, group.start) > 2) return undefined;
  return group;
}

function victimsFor(
  ctx: DocContext,
  cues: Cues,
  mentionSpan: Span,
  counts: CountMention[],
  clause: Segment,
): VictimCount | null {
  // "arrêtées et plusieurs détenus…": a count after a conjunction opens the next predicate.
  const scored = counts
    .filter(
      (c) => c.start < mentionSpan.end || within(cues.conjunctions, mentionSpan.end, c.start).length === 0,
    )
    .map((c) => ({ c, group: groupAfter(ctx, cues, c), distance: gap(c, mentionSpan) }))
    .sort((a, b) => (a.group ? 0 : 1) - (b.group ? 0 : 1) || a.distance - b.distance);
  const best = scored[0];
  if (best) {
    const end = best.group ? best.group.end : best.c.end;
    return {
      min: best.c.min,
      max: best.c.max,
      group: best.group?.value ?? null,
      text: ctx.text.slice(best.c.start, end),
    };
  }
  const groups = within(
    cues.groups,
    Math.max(clause.start, mentionSpan.start - COUNT_REACH),
    Math.min(clause.end, mentionSpan.end + COUNT_REACH),
  )
    .filter((g) => wordsApart(ctx, g, mentionSpan) <= 6 && !isSpeaker(ctx, cues, g))
    .sort((a, b) => wordsApart(ctx, a, mentionSpan) - wordsApart(ctx, b, mentionSpan));
  const group = groups[0];
  return group
    ? { min: null, max: null, group: group.value, text: ctx.text.slice(group.start, group.end) }
    : null;
}

/** A place introduced by a locative ("em Moscou", "в Чечне", "in Grozny") nearest to the act. */
function placeFor(
  ctx: DocContext,
  cues: Cues,
  sentence: Sentence,
  clause: Segment,
  span: Span,
): PlaceMention | null {
  const located = (from: number, to: number) =>
    within(ctx.places, from, to).filter((p) =>
      within(cues.locatives, Math.max(0, p.start - 12), p.start).some(
        (l) => wordsBetween(ctx, l.end, p.start) <= 1,
      ),
    );
  const candidates = located(clause.start, clause.end);
  const pool = candidates.length > 0 ? candidates : located(sentence.start, sentence.end);
  const best = pool.sort((a, b) => gap(a, span) - gap(b, span))[0];
  return best ? { name: best.name, country: best.country, text: best.text } : null;
}

function dateFor(
  ctx: DocContext,
  sentence: Sentence,
  clause: Segment,
  span: Span,
  setting: Setting,
): DateMention | null {
  const pick = (from: number, to: number) =>
    within(ctx.dates, from, to).sort((a, b) => gap(a, span) - gap(b, span))[0];
  const found =
    pick(clause.start, clause.end) ?? pick(sentence.start, sentence.end) ?? setting.dateBefore(sentence);
  if (!found) return null;
  return {
    from: found.from,
    to: found.to,
    precision: found.precision,
    unresolved: found.unresolved,
    text: found.text,
  };
}

function perpetratorsFor(ctx: DocContext, cues: Cues, sentence: Sentence, clause: Segment): ActorFound[] {
  const agents = (from: number, to: number) =>
    findLexiconActors(ctx, from, to).filter((a) => canPerpetrate(a) && !isSpeaker(ctx, cues, a));
  const inClause = agents(clause.start, clause.end);
  const chosen = inClause.length > 0 ? inClause : agents(sentence.start, sentence.end);
  const unique: ActorFound[] = [];
  for (const a of chosen) if (!unique.some((u) => u.name === a.name)) unique.push(a);
  return unique;
}

const QUOTE = /["“”«»]/u;

function confidenceOf(cues: Cues, sentence: Sentence, m: Omit<EventMention, 'confidence'>): number {
  let score = m.triggers.some((t) => t.strong) ? 0.5 : 0.35;
  if (m.victims?.min !== null && m.victims?.min !== undefined) score += 0.1;
  if (m.placeOwn) score += 0.1;
  if (m.date) score += 0.05;
  if (m.perpetrators.length > 0) score += 0.1;
  if (m.reportedBy.length > 0) score += 0.1;
  if (within(cues.hedges, sentence.start, sentence.end).length > 0) score -= 0.15;
  // Words inside quotation marks are someone's opinion or rhetoric, weaker than a reported fact.
  if (QUOTE.test(sentence.text) && within(cues.reporting, sentence.start, sentence.end).length > 0)
    score -= 0.1;
  return Math.round(Math.min(0.95, Math.max(0.05, score)) * 100) / 100;
}

export interface FoundMentions {
  mentions: EventMention[];
  /** Triggers cancelled by a negation: with a speaker in the sentence, they are denials. */
  negated: Array<Trigger & { sentence: Sentence }>;
}

export function findEventMentions(ctx: DocContext, cues: Cues, setting: Setting): FoundMentions {
  const out: EventMention[] = [];
  const negated: FoundMentions['negated'] = [];
  for (const sentence of ctx.sentences) {
    const triggers = within(cues.triggers, sentence.start, sentence.end).filter(
      (t) =>
        !within(cues.idioms, Math.max(0, t.start - 40), Math.min(ctx.text.length, t.end + 40)).some(
          (i) => i.start <= t.start && i.end >= t.end,
        ),
    );
    // "задержанных пытали": a trigger that is also a victim noun names the victims of another act.
    const acts = triggers.filter(
      (t) =>
        !within(cues.groups, sentence.start, sentence.end).some((g) => g.start <= t.start && t.end <= g.end),
    );
    if (acts.length === 0) continue;
    // "the 21st woman murdered this year", "on the anniversary of the massacre": a tally or a
    // remembrance retells acts already known; reporting it as a new one would count it twice.
    if (within(cues.statistic, sentence.start, sentence.end).length > 0) continue;
    const natural = within(cues.nonViolation, sentence.start, sentence.end).length > 0;
    // Whether a person or perpetrator is named: asked only when an everyday word needs it.
    let humanStake: boolean | undefined;
    const kept: Array<{ t: Trigger; clause: Segment }> = [];
    for (const t of acts) {
      const clause = clauseOf(ctx, sentence, t.start);
      if (isNegated(ctx, cues, sentence, clause, t)) {
        negated.push({ ...t, sentence });
        continue;
      }
      // Weather, sport, accidents: "the storm killed", "mató el partido" are no violation, unless
      // people and a perpetrator are named ("police killed three fans after the match").
      if (natural || !t.strong) humanStake ??= hasHumanStake(ctx, cues, sentence);
      if (natural && !(humanStake && hasPerpetrator(ctx, sentence))) continue;
      if (!t.strong && !humanStake) continue;
      if (takesAnObject(ctx, cues, clause, t) || isHypothetical(ctx, cues, clause, t)) continue;
      kept.push({ t: attemptOf(ctx, cues, clause, t), clause });
    }
    if (kept.length === 0) continue;
    const reportedBy = findReporters(ctx, sentence.start, sentence.end, sentence.start);
    // One mention per act type per clause: "espancamentos e tortura" is one act of torture.
    const groups = new Map<string, { type: EventType; clause: Segment; triggers: Trigger[] }>();
    for (const { t, clause } of kept) {
      const key = `${t.type}${t.attempt ? '?' : ''}@${clause.start}`;
      const entry = groups.get(key) ?? { type: t.type, clause, triggers: [] };
      entry.triggers.push(t);
      groups.set(key, entry);
    }
    // Persecution is the act "where no narrower act is stated": beside a killing or an arrest in
    // the same sentence, "repressão" describes the context, not another act.
    const narrower = [...groups.values()].some((g) => g.type !== 'persecution');
    // "tried to kill him; he was wounded": the injuries are the attack itself, not a second act.
    const lethal = [...groups.values()].some((g) => g.type === 'killing' || g.type === 'attempted-killing');
    const entries = [...groups.values()].filter(
      (g) =>
        (g.type !== 'persecution' || !narrower) &&
        !(lethal && g.type === 'physical-assault' && g.triggers.every((t) => !t.strong)),
    );
    for (const entry of entries) {
      const span = { start: entry.triggers[0]!.start, end: entry.triggers[entry.triggers.length - 1]!.end };
      // A count belongs to the act nearest to it in its clause ("detained 30 and killed 2"); a
      // victim count stands next to its act, so only counts within reach are weighed at all.
      const reach = { start: span.start - COUNT_REACH, end: span.end + COUNT_REACH };
      const counts = headCounts(ctx, cues, entry.clause, reach).filter((c) => {
        const mine = gapTo(c, entry.triggers);
        return entries.every(
          (other) => other === entry || other.clause !== entry.clause || mine <= gapTo(c, other.triggers),
        );
      });
      const victims = victimsFor(ctx, cues, span, counts, entry.clause);
      const ownPlace = placeFor(ctx, cues, sentence, entry.clause, span);
      const place = ownPlace ?? setting.placeBefore(sentence);
      const base = {
        type: entry.type,
        sentence,
        triggers: entry.triggers,
        victims,
        place,
        placeOwn: ownPlace !== null,
        date: dateFor(ctx, sentence, entry.clause, span, setting),
        perpetrators: perpetratorsFor(ctx, cues, sentence, entry.clause),
        reportedBy,
        attempt: entry.triggers.every((t) => t.attempt === true),
        historical: false,
        start: sentence.start,
        end: sentence.end,
      };
      out.push({ ...base, confidence: confidenceOf(cues, sentence, base) });
    }
  }
  return { mentions: out, negated };
}

function wordsApart(ctx: DocContext, a: Span, b: Span): number {
  return a.end <= b.start ? wordsBetween(ctx, a.end, b.start) : wordsBetween(ctx, b.end, a.start);
}

/** Code units between a span and the nearest of some triggers (scanning stops at the first hit). */
function gapTo(span: Span, triggers: readonly Trigger[]): number {
  let best = Number.POSITIVE_INFINITY;
  for (const t of triggers) best = Math.min(best, gap(span, t));
  return best;
}

function hasPerpetrator(ctx: DocContext, sentence: Sentence): boolean {
  return findLexiconActors(ctx, sentence.start, sentence.end).some(canPerpetrate);
}

/** Everyday words ("killed", "fled") need a person or a perpetrator in the sentence to be an act. */
function hasHumanStake(ctx: DocContext, cues: Cues, sentence: Sentence): boolean {
  if (within(cues.groups, sentence.start, sentence.end).some((g) => !isSpeaker(ctx, cues, g))) return true;
  return findLexiconActors(ctx, sentence.start, sentence.end).some(canPerpetrate);
}

/** How many words before an act a framing word ("tried to", "could face") may stand. */
const FRAME_REACH = 4;

function framedBy(ctx: DocContext, cues: Span[], clause: Segment, t: Trigger): boolean {
  return within(cues, clause.start, t.start).some((c) => wordsBetween(ctx, c.end, t.start) <= FRAME_REACH);
}

const THING_ACTS: ReadonlySet<EventType> = new Set(['raid', 'censorship', 'property-destruction']);

/** "seized seven firearms", "apreendeu armas": an everyday act verb whose object is a thing. */
function takesAnObject(ctx: DocContext, cues: Cues, clause: Segment, t: Trigger): boolean {
  // A raid, a closure or a fire is done to things: "invadiram casas" is the act itself.
  if (t.strong || THING_ACTS.has(t.type)) return false;
  const object = within(cues.objects, t.end, Math.min(clause.end, t.end + 60))[0];
  if (!object || wordsBetween(ctx, t.end, object.start) > 3) return false;
  return !within(cues.groups, t.end, object.start).length;
}

/** "could face torture", "plans to arrest": a possibility or a plan, not a report of an act. */
function isHypothetical(ctx: DocContext, cues: Cues, clause: Segment, t: Trigger): boolean {
  return framedBy(ctx, cues.hypothetical, clause, t);
}

/** "tried to kill" is an attempted killing; "tried to abduct" an abduction flagged as an attempt. */
function attemptOf(ctx: DocContext, cues: Cues, clause: Segment, t: Trigger): Trigger {
  if (t.type === 'attempted-killing' || !framedBy(ctx, cues.attempt, clause, t)) return t;
  return t.type === 'killing' ? { ...t, type: 'attempted-killing', strong: true } : { ...t, attempt: true };
}
