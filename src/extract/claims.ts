/**
 * Claims: statements an actor makes about the acts. A denial ("negou", "no evidence", "не поступало
 * жалоб", "aucune victime") or a negated act with a speaker ("no one was detained, police said")
 * attributed to someone is a `denies` claim; an actor telling of acts ("Novaya Gazeta relatou sobre
 * a detenção") `asserts`. A negation nobody is said to have made is the author's own wording, not a
 * claim, so it yields nothing here (it still cancels the act).
 */
import type { ClaimSuggestion } from '../core/suggestions.ts';
import {
  type ActorFound,
  canPerpetrate,
  findActors,
  findLexiconActors,
  findReporters,
  toMention,
} from './actors.ts';
import type { Cues, FoundMentions } from './eventMentions.ts';
import { type DocContext, type Sentence, type Span, within, wordsBetween } from './extractContext.ts';

const TRAILING = /[\s"'”»]+$/u;

function claimOf(
  ctx: DocContext,
  sentence: Sentence,
  stance: ClaimSuggestion['stance'],
  actor: ActorFound | null,
  from: number,
): ClaimSuggestion {
  let end = sentence.end;
  const tail = TRAILING.exec(ctx.text.slice(from, end));
  if (tail) end -= tail[0].length;
  const start = Math.min(from, end);
  return { stance, actor: actor ? toMention(actor) : null, text: ctx.text.slice(start, end), start, end };
}

/**
 * Who denies: the nearest actor before the cue ("O governo russo alega que não há…"), else the
 * speaker named after it ("No hubo muertos, aseguró el gobierno").
 */
function denierOf(ctx: DocContext, sentence: Sentence, cue: Span): ActorFound | null {
  const actors = findActors(ctx, sentence.start, sentence.end, sentence.start).filter(
    (a) => a.kind !== 'witness',
  );
  return actors.filter((a) => a.end <= cue.start).pop() ?? actors.find((a) => a.start >= cue.end) ?? null;
}

/**
 * "No deaths were reported", said of a storm or a match, is not a denial of abuses: a paragraph
 * about weather or sport, with no perpetrator in the sentence, yields no claim.
 */
function aboutNature(
  ctx: DocContext,
  cues: Cues,
  sentence: Sentence,
  paragraphs: Map<number, Span>,
): boolean {
  const paragraph = paragraphs.get(sentence.paragraph) ?? sentence;
  if (within(cues.nonViolation, paragraph.start, paragraph.end).length === 0) return false;
  return !findLexiconActors(ctx, sentence.start, sentence.end).some(canPerpetrate);
}

/** "denied the ticket", "negou o pedido de visto": a denial whose object is a thing, not an act. */
function deniesAThing(ctx: DocContext, cues: Cues, sentence: Sentence, cue: Span): boolean {
  const object = within(cues.objects, cue.end, Math.min(sentence.end, cue.end + 40))[0];
  return object !== undefined && wordsBetween(ctx, cue.end, object.start) <= 2;
}

/** "“Não houve vítimas”, disse…": a quote-first denial starts at its opening quotation mark. */
function quoteStart(ctx: DocContext, sentence: Sentence, cue: Span): number {
  const open = ctx.text.slice(sentence.start, cue.start).search(/["“«„]/u);
  return open >= 0 ? sentence.start + open : cue.start;
}

/**
 * "Пожар потушен, сообщили в МЧС. Погибших нет.": a short denial right after a sentence whose
 * speaker is named belongs to that speaker.
 */
function speakerBefore(ctx: DocContext, sentence: Sentence): ActorFound | null {
  const previous = ctx.sentences[sentence.index - 1];
  if (!previous || previous.paragraph !== sentence.paragraph) return null;
  return findReporters(ctx, previous.start, previous.end, previous.start)[0] ?? null;
}

function paragraphSpans(sentences: readonly Sentence[]): Map<number, Span> {
  const spans = new Map<number, Span>();
  for (const s of sentences) {
    const span = spans.get(s.paragraph);
    if (span) span.end = s.end;
    else spans.set(s.paragraph, { start: s.start, end: s.end });
  }
  return spans;
}

function sentenceAt(ctx: DocContext, at: number): Sentence | undefined {
  const { sentences } = ctx;
  let lo = 0;
  let hi = sentences.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sentences[mid]!.end <= at) lo = mid + 1;
    else hi = mid;
  }
  const sentence = sentences[lo];
  return sentence && sentence.start <= at ? sentence : undefined;
}

export function findClaims(ctx: DocContext, cues: Cues, found: FoundMentions): ClaimSuggestion[] {
  const out: ClaimSuggestion[] = [];
  const claimed = new Set<number>();
  let paragraphs: Map<number, Span> | undefined;
  const paragraphsOf = () => {
    paragraphs ??= paragraphSpans(ctx.sentences);
    return paragraphs;
  };
  const deny = (sentence: Sentence, cue: Span) => {
    if (claimed.has(sentence.index) || aboutNature(ctx, cues, sentence, paragraphsOf())) return;
    if (deniesAThing(ctx, cues, sentence, cue)) return;
    const actor = denierOf(ctx, sentence, cue) ?? speakerBefore(ctx, sentence);
    // "No one was injured, he added": someone said it even when the text names them by a pronoun.
    if (!actor && within(cues.reporting, sentence.start, sentence.end).length === 0) return;
    const from = actor && actor.end <= cue.start && actor.start >= sentence.start ? actor.start : cue.start;
    out.push(
      claimOf(ctx, sentence, 'denies', actor, Math.min(from, cue.start, quoteStart(ctx, sentence, cue))),
    );
    claimed.add(sentence.index);
  };
  for (const cue of cues.denial) {
    const sentence = sentenceAt(ctx, cue.start);
    if (sentence && cue.end <= sentence.end) deny(sentence, cue);
  }
  for (const t of found.negated) {
    if (within(cues.reporting, t.sentence.start, t.sentence.end).length === 0) continue;
    const cue = within(cues.negation, t.sentence.start, t.start).pop() ?? t;
    deny(t.sentence, cue);
  }
  const eventSentences = new Map<number, Sentence>();
  for (const e of found.mentions) eventSentences.set(e.sentence.index, e.sentence);
  for (const sentence of eventSentences.values()) {
    if (claimed.has(sentence.index)) continue;
    const told = within(cues.reporting, sentence.start, sentence.end).length > 0;
    if (!told && within(ctx.matches.sourceIntro, sentence.start, sentence.end).length === 0) continue;
    const reporter = findReporters(ctx, sentence.start, sentence.end, sentence.start)[0];
    if (!reporter) continue;
    out.push(claimOf(ctx, sentence, 'asserts', reporter, sentence.start));
  }
  return out.sort((a, b) => a.start - b.start);
}
