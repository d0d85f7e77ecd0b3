/**
 * Everything the extraction primitives know about one language, as data. A sixth language needs
 * no code change: its folder under ../languages/ holds this pack (`rules.ts`), its lexicon and its
 * place names (docs/extraction.md, "Adding a language").
 *
 * Conventions: words are written as a newspaper writes them. A word written in lower case also
 * matches with a capital first letter or in capitals; a word written with a capital (English
 * month and weekday names) matches only so, which keeps "may" and "march" from being dates.
 */
export interface LanguagePack {
  /** ISO 639-1. */
  code: string;
  /** Frequent function words that are rare in the other languages: the evidence for detection. */
  stopwords: readonly string[];
  segment: SegmentRules;
  numbers: NumberWords;
  counts: CountPhrases;
  dates: DateWords;
  pii: PiiCues;
}

export interface SegmentRules {
  /**
   * Abbreviations (without the final dot, lower-case) after which a full stop never ends a
   * sentence because a name or number follows: "Sr.", "Dr.", "art.", "ул.".
   */
  noBreakAbbreviations: readonly string[];
  /**
   * Abbreviations that do end a sentence when they follow a number ("2017 г. В Москве…") but not
   * otherwise ("в г. Грозном").
   */
  breakAfterNumber: readonly string[];
  /** Conjunctions that always open a new clause (contrastive/subordinating: but, mas, но). */
  clauseOpeners: readonly string[];
  /** Coordinating conjunctions that open a clause only after a comma (", and", ", e", ", и"). */
  clauseOpenersAfterComma: readonly string[];
}

export interface NumberWords {
  /** Words (or hyphen/space-joined phrases) with an additive value: units, teens, tens, 100–900. */
  values: Readonly<Record<string, number>>;
  /** Words that multiply what precedes them (hundred, thousand, million, тысяч). */
  multipliers: Readonly<Record<string, number>>;
  /** Words joining parts of one number ("cento e vinte", "soixante et onze", "one hundred and"). */
  joiners: readonly string[];
  /** Values that are also articles ("um", "une"): a count only inside a compound number. */
  articleLike: readonly string[];
}

export interface CountPhrases {
  /** Phrases before a number that make it a lower bound. */
  atLeast: readonly string[];
  moreThan: readonly string[];
  upTo: readonly string[];
  about: readonly string[];
  /** Vague quantities and their conservative lower bound (see numbers.ts). */
  vague: Readonly<Record<string, number>>;
  /** Words after a number that make it a percentage, money, or a time of day, not a count. */
  notCountAfter: readonly string[];
}

export interface DateWords {
  /** Twelve entries, January first; each lists every inflected form (ru: март, марта, марте). */
  months: readonly (readonly string[])[];
  /**
   * Seven entries, Sunday first. Only the first form of each may stand without a preposition
   * ("jeudi", "quinta-feira"); the others are common words alone (pt "quinta" = fifth, ru "среда" =
   * environment) and count as weekdays only after one ("na quinta", "в среду").
   */
  weekdays: readonly (readonly string[])[];
  /** Words that may precede a bare month or year ("em março", "in March", "в марте"). */
  monthPrepositions: readonly string[];
  /** Prepositions before a weekday, kept in the mention ("na quinta-feira", "on Thursday"). */
  weekdayPrepositions: readonly string[];
  /** Joiners between day, month and year ("11 de maio de 2017"). */
  dateJoiners: readonly string[];
  /** Words after a year ("2017 г.", "2017 года"). */
  yearMarkers: readonly string[];
  /** Fixed relative expressions: phrase → offset from the publication date. */
  relative: Readonly<Record<string, RelativeShift>>;
  /** Units for "N units ago" / "il y a N unités", each form → unit. */
  units: Readonly<Record<string, 'day' | 'week' | 'month' | 'year'>>;
  /** Words around "N units": before (il y a, hace, há) or after (ago, назад, atrás). */
  agoBefore: readonly string[];
  agoAfter: readonly string[];
}

export interface RelativeShift {
  unit: 'day' | 'week' | 'month' | 'year';
  /** How many units before (negative) the publication date. */
  offset: number;
}

export interface PiiCues {
  /** Words right before a private person's name: "contact", "contate", "связаться с". */
  contactCues: readonly string[];
  /** Private roles before a name: victim, witness, mother, detainee. */
  privateRoleCues: readonly string[];
  /** Titles that mark a public official: a name after one is not protected. */
  officialTitles: readonly string[];
  /** Words that introduce a street: rua, street, calle, rue, улица. */
  streetWords: readonly string[];
  /** Words that introduce an identity document number. */
  idDocumentWords: readonly string[];
  /** Notes that a name is a pseudonym ("name changed"): whoever it shields is a private person. */
  pseudonymMarkers: readonly string[];
  /** Obfuscated e-mail words, e.g. at/dot, arroba/ponto, собака/точка. */
  emailAt: readonly string[];
  emailDot: readonly string[];
}
