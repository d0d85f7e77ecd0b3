/**
 * The shape every language's extraction lexicon fills in. A lexicon is DATA only: words and short
 * phrases, folded (lower case, Latin accents dropped, ё → е) before matching, so authors may write
 * them with or without accents. Pattern syntax, kept deliberately tiny so a new language is a
 * translation exercise rather than a programming one:
 *   - `*` stands for any run of letters (`задерж*` covers задержаны, задержали, задержание); a stem
 *     has at least two letters before its `*`;
 *   - a space matches any run of whitespace;
 *   - every pattern is matched on whole words (no match inside a longer word).
 */
import type { VictimGroup } from '../../core/victimGroups.ts';
import type { EventType, InterventionType } from '../../core/vocabulary.ts';

export type Pattern = string;

/** Who an actor is, which decides the roles it may play (perpetrator, reporter, claimant). */
/**
 * `state`, `armed`, `religious` and `official` (officials as people) may commit acts; `institution`
 * (embassies, ministries as speakers, senators, ombudsmen), `media`, `ngo` and `witness` speak,
 * report or respond.
 */
export type ActorKind =
  | 'state'
  | 'armed'
  | 'religious'
  | 'official'
  | 'institution'
  | 'media'
  | 'ngo'
  | 'witness';

export interface ActorEntry {
  pattern: Pattern;
  /** Normalised English name, e.g. `police`, `security forces`. */
  name: string;
  kind: ActorKind;
}

export interface EventTriggers {
  /** Words that name the act unambiguously (tortured, detenção, задержаны). */
  strong: Pattern[];
  /**
   * Words that also have everyday senses (killed, beaten, fled): they only count when the sentence
   * has a human victim or a perpetrator, so "the team killed it" stays out.
   */
  weak?: Pattern[];
}

export interface Lexicon {
  /** ISO 639-1 code. */
  lang: string;
  events: Record<EventType, EventTriggers>;
  /** Phrases containing a trigger that report no act ("arrested development", "killed it"). */
  idioms: Pattern[];
  /** Words that make a death or injury natural, accidental or sporting, not a violation. */
  nonViolation: Pattern[];
  /** Negation that cancels an act named a few words later in the same clause. */
  negation: Pattern[];
  /** Denials and "no evidence / no victims / no complaints": cancel acts up to the sentence end. */
  denial: Pattern[];
  /** Contrast markers that end a denial's scope ("but", "mas", "однако"). */
  contrast: Pattern[];
  /** Verbs and phrases by which an actor asserts something (said, relatou, сообщил). */
  reporting: Pattern[];
  /** Phrases introducing a source: "according to", "segundo", "по данным". */
  sourceIntro: Pattern[];
  /** Nouns for news media, followed by the outlet's name: newspaper, jornal, газета. */
  media: Pattern[];
  /** Words that mark hearsay or doubt and lower confidence (allegedly, supostamente). */
  hedges: Pattern[];
  interventions: Record<InterventionType, Pattern[]>;
  /** Victim nouns and their English group name. Longer phrases first ("homens gays" before "homens"). */
  groups: Array<[Pattern, VictimGroup]>;
  actors: ActorEntry[];
  /** Adjectives or "of X" phrases naming a nationality or scope, prefixed to an actor's name. */
  nationalities: Array<[Pattern, string]>;
  /** Conjunctions joining two predicates: a count after one belongs to the next act. */
  conjunctions: Pattern[];
  /** Prepositions placing an act somewhere (em, in, в): a place after them is where it happened. */
  locatives: Pattern[];
  /**
   * Things, not people, that an everyday act verb may take as its object: "seized seven firearms",
   * "apreendeu armas" is no detention, and its number counts no victims.
   */
  objects: Pattern[];
  /** Words that frame an act as something other than a new violation (docs/extraction.md, Framing). */
  framing: {
    /** "tried to", "tentou": the act was attempted, not done. */
    attempt: Pattern[];
    /** "could face", "plans to", "poderia": the act is a possibility, not a report. */
    hypothetical: Pattern[];
    /** "so far this year", "anniversary", "the 21st woman": a tally or a remembrance, not a new act. */
    statistic: Pattern[];
  };
  /** Words following a number that make it not a head count (years, days, km, percent). */
  units: Pattern[];
  /** Articles and determiners that may open an actor's phrase ("a polícia", "the police"). */
  articles: Pattern[];
  /** Capitalised words that open a sentence but do not start a name (Durante, However, Однако). */
  nameStops: Pattern[];
  /** Lower-case words allowed inside a proper name (Human Rights Watch, Departamento de Estado). */
  nameJoiners: string[];
}
