/**
 * A first guess at what kind of actor a name is, so evidence can say "denied by 2 official
 * statements". Only words that name state bodies in the five interface languages; anything else stays
 * 'other' for a person to correct, because a wrong "official" label would lend a denial weight it
 * may not have.
 */

/**
 * What an actor recorded in the database is. (Extraction's lexicon has finer kinds of its own, for
 * deciding who may commit or report an act; these are the stored ones.)
 */
export const ACTOR_KINDS = [
  'media',
  'authority',
  'ngo',
  'security-force',
  'religious',
  'political',
  'other',
] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

const PATTERNS: Array<[ActorKind, RegExp]> = [
  [
    'security-force',
    /\b(police|polícia|policia|policía|полиц|military|army|exército|ejército|армия|armée|fsb|фсб|guard|guarda|guardia)/iu,
  ],
  [
    'authority',
    /(government|governo|gobierno|gouvernement|правительств|ministry|ministério|ministerio|ministère|министерств|embassy|embaixada|embajada|ambassade|посольств|kremlin|кремл|prosecutor|procurador|fiscal|прокурат|president|presidente|président|президент|council|conselho|consejo|conseil|совет|authorit|autoridad|autorité|власт)/iu,
  ],
  [
    'media',
    /(gazeta|gazette|times|news|noticias|notícias|journal|jornal|periódico|haaretz|reuters|новост|газет)/iu,
  ],
  [
    'ngo',
    /(human rights|direitos humanos|derechos humanos|droits de l|amnesty|anistia|amnistía|правозащит|мемориал|memorial|ngo|ong)\b/iu,
  ],
];

export function guessActorKind(name: string): ActorKind {
  for (const [kind, pattern] of PATTERNS) if (pattern.test(name)) return kind;
  return 'other';
}
