/**
 * Names of private individuals, which must be protected before a text is shared.
 *
 * The rule: a name is protected when the text itself marks its bearer as a private person:
 * - it follows a contact cue ("contate Christopher Plummer", "связаться с Кристофером Пламмером");
 * - it follows a private role ("the victim, Ahmed Daudov", "a mãe Maria Silva", "свидетель Иван Петров");
 * - it carries an age in apposition ("Ahmed Daudov, 34, was detained"; "Maria, 27 ans");
 * - it is flagged as a pseudonym ("Ivan (name changed)"), which shields a real person.
 * Names after an official title ("Senator Ben Cardin", "President Trump", "Ambassador Nikki Haley")
 * are never protected: officials act in public and naming them is the point of the report. A name
 * with none of these marks is left to the reviewer: most capitalised pairs in news are officials,
 * organisations or places, and a false alarm on every one would bury the real ones.
 */
import { languagePacks, packFor } from './lang/index.ts';
import type { Span } from './phones.ts';
import { matchInWindows, type TriggerOptions, tokensOf, triggerWindows } from './windows.ts';
import { caseAlternation, perLanguage, WORD_END, WORD_START } from './wordList.ts';

/** One capitalised word (Latin or Cyrillic), allowing O'Brien, Jean-Pierre, Abu-Bakar. */
const CAP = "\\p{Lu}[\\p{Ll}\\p{M}]+(?:['’-]\\p{Lu}?[\\p{Ll}\\p{M}]+)?";
/** Particles inside names: "da Silva", "de la Cruz", "van der", "ibn". */
const PARTICLE = '(?:de|da|do|dos|das|del|de la|di|van|von|der|bin|ibn|al|el|ben)';
const NAME = `${CAP}(?:\\s+(?:${PARTICLE}\\s+)?${CAP}){1,3}`;
/** Honorifics that may stand between a cue and the name: "contact Ms. Jane Doe". */
const HONORIFIC = '(?:(?:o|a|the|Mr\\.?|Mrs\\.?|Ms\\.?|Sr\\.?|Sra\\.?|M\\.|Mme|Dr\\.?|г-н|г-жа)\\s+){0,2}';

/** Words that make a capitalised run an organisation or a place, not a person. */
const NOT_A_PERSON = new Set(
  [
    'human',
    'rights',
    'watch',
    'international',
    'amnesty',
    'first',
    'memorial',
    'committee',
    'comitê',
    'council',
    'conselho',
    'ministry',
    'ministério',
    'department',
    'departamento',
    'office',
    'agency',
    'organization',
    'organização',
    'organización',
    'network',
    'rede',
    'red',
    'project',
    'projeto',
    'foundation',
    'fundação',
    'fundación',
    'fondation',
    'union',
    'nations',
    'nações',
    'naciones',
    'unidas',
    'unies',
    'states',
    'estados',
    'unidos',
    'gazeta',
    'news',
    'times',
    'post',
    'press',
    'государственный',
    'комитет',
    'министерство',
    'мемориал',
    'совет',
    'новая',
    'газета',
  ].map((w) => w.toLowerCase()),
);

interface PersonRules {
  /** Each expression with the words that trigger it: it only runs in windows around them. */
  patterns: Array<{ re: RegExp; triggers: TriggerOptions }>;
  titles: RegExp;
}

const rulesFor = perLanguage((code): PersonRules => {
  const pack = packFor(code);
  const packs = pack ? [pack] : languagePacks;
  const contact = caseAlternation(packs.flatMap((p) => p.pii.contactCues));
  const roles = caseAlternation(packs.flatMap((p) => p.pii.privateRoleCues));
  const pseudonym = caseAlternation(packs.flatMap((p) => p.pii.pseudonymMarkers));
  const titles = caseAlternation(packs.flatMap((p) => p.pii.officialTitles));
  const name = `(?<name>${NAME})${WORD_END}`;
  // Cues come before the name (the window reaches forward over it), ages and pseudonym notes after
  // it (the window reaches back). The distinctive word of each cue triggers it: the verb of
  // "fale com", the participle of "o nome foi alterado".
  const cues: TriggerOptions = {
    words: tokensOf(
      packs.flatMap((p) => [...p.pii.contactCues, ...p.pii.privateRoleCues].map((c) => c.split(' ')[0] ?? c)),
    ),
    digits: false,
    before: 10,
    after: 90,
  };
  const ages: TriggerOptions = { words: new Set(), digits: true, before: 90, after: 30 };
  const notes: TriggerOptions = {
    words: tokensOf(packs.flatMap((p) => p.pii.pseudonymMarkers.map((c) => c.split(' ').pop() ?? c))),
    digits: false,
    before: 90,
    after: 10,
  };
  const patterns: Array<[string, TriggerOptions]> = [
    [`${WORD_START}(?:${contact})\\s*:?\\s+${HONORIFIC}${name}`, cues],
    [`${WORD_START}(?:${roles}),?\\s+${HONORIFIC}${name}`, cues],
    // Age in apposition: "Ahmed Daudov, 34,", "João Silva, de 27 anos", "Иван Петров, 34 года".
    [
      `${WORD_START}${name},\\s+(?:de\\s+|aged\\s+|âgée?\\s+de\\s+)?\\d{1,2}(?:\\s*(?:anos|años|ans|года|лет|год|years(?:\\s+old)?))?[,)]`,
      ages,
    ],
    // A single given name needs the unit: "Ahmed, 27 ans," (a bare "Ontem, 5" is not an age).
    [
      `${WORD_START}(?<single>${CAP}),\\s+(?:de\\s+)?\\d{1,2}\\s*(?:anos|años|ans|года|лет|год|years\\s+old|-year-old)${WORD_END}`,
      ages,
    ],
    [`${WORD_START}(?<single>${CAP}(?:\\s+${CAP})?)\\s*\\((?:${pseudonym})`, notes],
  ];
  return {
    patterns: patterns.map(([source, triggers]) => ({ re: new RegExp(source, 'gu'), triggers })),
    // A title just before the name marks an official.
    titles: new RegExp(`${WORD_START}(?:${titles})\\.?\\s*$`, 'u'),
  };
});

function looksLikePerson(name: string): boolean {
  return !name.split(/\s+/).some((w) => NOT_A_PERSON.has(w.toLowerCase()));
}

export function findPersonNames(text: string, lang: string): Span[] {
  const rules = rulesFor(packFor(lang)?.code ?? '');
  const out: Span[] = [];
  for (const { re, triggers } of rules.patterns) {
    for (const m of matchInWindows(text, triggerWindows(text, triggers), re)) {
      const name = m.groups?.name ?? m.groups?.single;
      if (!name) continue;
      const start = m.index + m[0].indexOf(name);
      const end = start + name.length;
      if (!looksLikePerson(name)) continue;
      const firstWord = name.split(/\s+/)[0] ?? '';
      if (rules.titles.test(text.slice(Math.max(0, start - 40), start)) || rules.titles.test(`${firstWord}`))
        continue;
      out.push({ text: name, start, end });
    }
  }
  return out;
}
