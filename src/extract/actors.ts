/**
 * Who is named in a stretch of text: actors from the lexicon (police, governo, силовики), given a
 * nationality when one stands beside them ("polícia chechena" → Chechen police), and proper names
 * (runs of capitalised words: Human Rights First, Novaya Gazeta). Reporters are the media and
 * sources that tell of an act ("o jornal Novaya Gazeta relatou", "according to Memorial").
 */
import type { ActorMention } from '../core/suggestions.ts';
import { type DocContext, overlaps, overlapsAny, type Span, within } from './extractContext.ts';
import type { ActorKind } from './lexicon/index.ts';

export interface ActorFound extends Span {
  name: string;
  text: string;
  kind: ActorKind | 'named';
}

/** Kinds that may commit an act; survivors, witnesses and unknown names tell of acts instead. */
const PERPETRATOR_KINDS: ReadonlySet<ActorFound['kind']> = new Set([
  'state',
  'armed',
  'religious',
  'official',
]);

export function canPerpetrate(actor: ActorFound): boolean {
  return PERPETRATOR_KINDS.has(actor.kind);
}

export function toMention(actor: ActorFound): ActorMention {
  return { name: actor.name, text: actor.text };
}

const SPACES_ONLY = /^[\s\u00a0]*$/;

/** Finders are asked about the same sentence by events, claims and interventions: answer once. */
const memo = new WeakMap<DocContext, Map<string, ActorFound[]>>();

function remembered(ctx: DocContext, key: string, find: () => ActorFound[]): ActorFound[] {
  let cache = memo.get(ctx);
  if (!cache) {
    cache = new Map();
    memo.set(ctx, cache);
  }
  let found = cache.get(key);
  if (!found) {
    found = find();
    cache.set(key, found);
  }
  return found;
}

/** Lexicon actors in [from, to), widened over a leading article and an adjacent nationality. */
export function findLexiconActors(ctx: DocContext, from: number, to: number): ActorFound[] {
  return remembered(ctx, `lexical:${from}:${to}`, () => lexicalActorsIn(ctx, from, to));
}

function lexicalActorsIn(ctx: DocContext, from: number, to: number): ActorFound[] {
  const { folded, text } = ctx;
  const matches = within(ctx.matches.actors, from, to);
  if (matches.length === 0) return [];
  const nationalities = within(ctx.matches.nationalities, Math.max(0, from - 40), to + 40);
  const articles = within(ctx.matches.articles, Math.max(0, from - 10), to);
  const out: ActorFound[] = [];
  for (const m of matches) {
    let start = m.start;
    let end = m.end;
    let nationality: string | null = null;
    for (const n of nationalities) {
      const after = n.start >= m.end && SPACES_ONLY.test(folded.slice(m.end, n.start));
      const before = n.end <= m.start && SPACES_ONLY.test(folded.slice(n.end, m.start));
      if (after || before) {
        nationality = n.value;
        start = Math.min(start, n.start);
        end = Math.max(end, n.end);
        if (after) break;
      }
    }
    for (const a of articles) {
      if (a.end <= start && SPACES_ONLY.test(folded.slice(a.end, start)) && a.end - a.start <= 3) {
        start = a.start;
      }
    }
    const base = m.value.name;
    const name =
      nationality && !base.toLowerCase().includes(nationality.toLowerCase())
        ? `${nationality} ${base}`
        : base;
    out.push({ name, kind: m.value.kind, text: text.slice(start, end), start, end });
  }
  return out;
}

const TOKEN = /[\p{L}\p{M}\p{N}][\p{L}\p{M}\p{N}'’.&-]*/gu;
const UPPER_START = /^\p{Lu}/u;
const ACRONYM = /^\p{Lu}{2,6}$/u;

interface Token extends Span {
  word: string;
}

/**
 * Proper names: runs of capitalised words joined only by spaces and the language's joiners (de, of).
 * A lone capitalised word is a name only when it is an acronym or does not open the sentence; a
 * name that is exactly a place found by the place finder is a place, not an actor, and one that is
 * part of a date is a date.
 */
export function findNames(
  ctx: DocContext,
  from: number,
  to: number,
  sentenceStart = from,
  keepLeadingStops = false,
): ActorFound[] {
  const { text, lex } = ctx;
  const slice = text.slice(from, to);
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(slice); m; m = TOKEN.exec(slice)) {
    const word = m[0].replace(/[.'’-]+$/u, '');
    tokens.push({ word, start: from + m.index, end: from + m.index + word.length });
  }
  const places = within(ctx.places, from, to);
  const out: ActorFound[] = [];
  let i = 0;
  while (i < tokens.length) {
    if (!UPPER_START.test(tokens[i]!.word)) {
      i++;
      continue;
    }
    let j = i;
    while (j + 1 < tokens.length) {
      const next = tokens[j + 1]!;
      if (!SPACES_ONLY.test(text.slice(tokens[j]!.end, next.start))) break;
      if (UPPER_START.test(next.word)) {
        j++;
        continue;
      }
      const after = tokens[j + 2];
      if (
        lex.nameJoiners.has(next.word.toLowerCase()) &&
        after &&
        UPPER_START.test(after.word) &&
        SPACES_ONLY.test(text.slice(next.end, after.start))
      ) {
        j += 2;
        continue;
      }
      break;
    }
    let first = i;
    while (
      !keepLeadingStops &&
      first <= j &&
      lex.nameStops.has(ctx.folded.slice(tokens[first]!.start, tokens[first]!.end))
    )
      first++;
    if (first <= j) {
      const run = tokens.slice(first, j + 1);
      const span = { start: run[0]!.start, end: run[run.length - 1]!.end };
      const single = run.length === 1;
      const opensSentence = span.start <= sentenceStart + 1;
      const acceptable = single
        ? ACRONYM.test(run[0]!.word) || (!opensSentence && run[0]!.word.length >= 3)
        : true;
      const isPlace = places.some((p) => p.start <= span.start && p.end >= span.end);
      // "told reporters on Monday", "em Março": a weekday or a date is never who said or did something.
      const isDate = overlapsAny(ctx.dates, span);
      if (acceptable && !isPlace && !isDate) {
        const name = text.slice(span.start, span.end);
        out.push({ name, text: name, kind: 'named', ...span });
      }
    }
    i = j + 1;
  }
  return out;
}

/** Lexicon actors and proper names, without a name inside an actor's phrase counted twice. */
export function findActors(ctx: DocContext, from: number, to: number, sentenceStart = from): ActorFound[] {
  return remembered(ctx, `actors:${from}:${to}:${sentenceStart}`, () =>
    actorsIn(ctx, from, to, sentenceStart),
  );
}

function actorsIn(ctx: DocContext, from: number, to: number, sentenceStart: number): ActorFound[] {
  const lexical = findLexiconActors(ctx, from, to);
  const names = findNames(ctx, from, to, sentenceStart).filter((n) => !lexical.some((a) => overlaps(a, n)));
  return [...lexical, ...names].sort((a, b) => a.start - b.start);
}

const OPENING_NAME = /^(\p{Lu}[\p{L}\p{M}-]{2,})[\s\u00a0]*$/u;
const QUOTED_NAME = /^[\s\u00a0]*[«"“„]([^«»"“”„\n]{2,60})[»"”“]/u;

/** An outlet named in quotes; `start` is where the captured name begins in the document. */
function quotedOutlet(captured: string, start: number): ActorFound {
  const name = captured.trim();
  return { name, text: name, kind: 'media', start, end: start + name.length };
}

/**
 * The outlet named after a media noun: "o jornal russo independente Novaya Gazeta", "газета «Новая
 * газета»". Up to three lower-case words (adjectives) may stand between the noun and the name.
 */
function mediaReporters(ctx: DocContext, from: number, to: number): ActorFound[] {
  const out: ActorFound[] = [];
  for (const noun of within(ctx.matches.media, from, to)) {
    const rest = ctx.text.slice(noun.end, Math.min(to, noun.end + 120));
    const quoted = QUOTED_NAME.exec(rest);
    if (quoted?.[1]) {
      out.push(quotedOutlet(quoted[1], noun.end + rest.indexOf(quoted[1])));
      continue;
    }
    // An outlet's name may open with an article: "o jornal O Globo", "le quotidien Le Monde".
    const names = findNames(ctx, noun.end, Math.min(to, noun.end + 120), -1, true);
    const name = names[0];
    if (!name) continue;
    const between = ctx.text.slice(noun.end, name.start);
    const lowerWords = between.trim() === '' ? 0 : between.trim().split(/\s+/u).length;
    if (lowerWords <= 3 && !/[.,;:!?]/u.test(between)) out.push({ ...name, kind: 'media' });
  }
  return out;
}

/** Reporters in [from, to): media outlets, sources after "according to", names before "said". */
export function findReporters(ctx: DocContext, from: number, to: number, sentenceStart = from): ActorFound[] {
  return remembered(ctx, `reporters:${from}:${to}:${sentenceStart}`, () =>
    reportersIn(ctx, from, to, sentenceStart),
  );
}

function reportersIn(ctx: DocContext, from: number, to: number, sentenceStart: number): ActorFound[] {
  // Most sentences name no source at all: no verb of saying, no "according to", no outlet.
  const { reporting, sourceIntro, media } = ctx.matches;
  const told = [reporting, sourceIntro, media].some((cues) => within(cues, from, to).length > 0);
  if (!told) return [];
  const out = mediaReporters(ctx, from, to);
  const actors = findActors(ctx, from, to, sentenceStart);
  for (const intro of within(ctx.matches.sourceIntro, from, to)) {
    const next = actors.find((a) => a.start >= intro.end && a.start - intro.end <= 40);
    if (next) out.push({ ...next, kind: next.kind === 'named' ? 'media' : next.kind });
  }
  for (const verb of within(ctx.matches.reporting, from, to)) {
    const subject = actors
      .filter((a) => a.end <= verb.start && verb.start - a.end <= 3 && a.kind === 'named')
      .pop();
    if (subject) {
      out.push({ ...subject, kind: 'media' });
      continue;
    }
    // "Viasna said", "Memorial заявил": a one-word name opening the sentence, right before the verb.
    const opener = verb.start - from <= 40 ? OPENING_NAME.exec(ctx.text.slice(from, verb.start)) : null;
    if (
      opener?.[1] &&
      from === sentenceStart &&
      !ctx.lex.nameStops.has(ctx.folded.slice(from, from + opener[1].length))
    ) {
      const isLexical =
        actors.some((a) => a.start === from && a.kind !== 'named') ||
        within(ctx.matches.groups, from, from + opener[1].length).length > 0;
      if (!isLexical)
        out.push({
          name: opener[1],
          text: opener[1],
          kind: 'media',
          start: from,
          end: from + opener[1].length,
        });
    }
    // "сообщила «Новая газета»", "reported \"Meduza\"": a quoted outlet right after the verb.
    const quoted = QUOTED_NAME.exec(ctx.text.slice(verb.end, Math.min(to, verb.end + 80)));
    if (quoted?.[1]) {
      out.push(quotedOutlet(quoted[1], verb.end + ctx.text.slice(verb.end, to).indexOf(quoted[1])));
    }
  }
  const unique: ActorFound[] = [];
  for (const r of out.sort((a, b) => a.start - b.start)) {
    if (!unique.some((u) => overlaps(u, r) || u.name === r.name)) unique.push(r);
  }
  return unique;
}
