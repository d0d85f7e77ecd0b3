/**
 * Synthetic victim lists with known truth, for tests and benchmarks: persons with Chechen and Russian
 * names appear on several organisations' lists, each list writing names its own way — Cyrillic, or
 * one of several romanisations (English BGN/PCGN, the Russian passport's ICAO scheme, a simplified
 * diaspora spelling, German), Arabic-origin names in their own variants (Magomed/Mahomed/Muhammad) —
 * with the errors real lists have: typos, given name and surname swapped, initials, missing or
 * partial birth dates, day and month swapped. Deterministic for a seed (mulberry32), so failures
 * reproduce. FEBRL (Christen 2008) inspired the approach; its data has none of these traits.
 */

import { seededRandom } from '../seededRandom.ts';
import { RUSSIAN_TO_LATIN } from './transliterate.ts';

// Given names in Cyrillic, with spellings that no transliteration scheme produces.
const MALE: Array<[string, string[]]> = [
  ['Зелимхан', ['Selimchan']],
  ['Магомед', ['Mahomed', 'Muhammad', 'Mohammed']],
  ['Руслан', []],
  ['Ахмед', ['Ahmed', 'Achmed']],
  ['Рамзан', []],
  ['Ислам', []],
  ['Адам', []],
  ['Аслан', []],
  ['Шамиль', ['Shamil']],
  ['Хасан', ['Hassan']],
  ['Хусейн', ['Hussein']],
  ['Умар', ['Omar']],
  ['Муса', []],
  ['Иса', ['Issa']],
  ['Алихан', []],
  ['Беслан', []],
  ['Арби', []],
  ['Салман', []],
  ['Лечи', []],
  ['Ибрагим', ['Ibrahim']],
  ['Юсуп', ['Yusuf']],
  ['Сулейман', ['Suleiman']],
  ['Абдул', []],
  ['Расул', []],
  ['Идрис', []],
  ['Мансур', []],
  ['Хамзат', []],
  ['Тимур', []],
  ['Заур', []],
  ['Артур', []],
  ['Иван', []],
  ['Сергей', []],
  ['Александр', []],
  ['Дмитрий', []],
  ['Ваха', []],
  ['Турпал', []],
  ['Адлан', []],
  ['Султан', []],
  ['Руслан', []],
  ['Апти', []],
];
const FEMALE: Array<[string, string[]]> = [
  ['Зарема', []],
  ['Малика', []],
  ['Хеда', ['Heda']],
  ['Айшат', ['Aishat']],
  ['Медина', []],
  ['Луиза', []],
  ['Марьям', ['Maryam', 'Mariam']],
  ['Петимат', []],
  ['Хава', ['Hawa']],
  ['Зулай', []],
  ['Таиса', []],
  ['Раиса', []],
  ['Мадина', []],
  ['Фатима', []],
  ['Амина', []],
  ['Елена', []],
  ['Ольга', []],
  ['Наталья', []],
  ['Светлана', []],
  ['Анна', []],
  ['Зура', []],
  ['Хадижат', []],
  ['Seda', []],
  ['Милана', []],
  ['Элина', []],
  ['Жанна', []],
  ['Лейла', ['Leila']],
  ['Асет', []],
];
const SURNAMES = [
  'Бакаев',
  'Кадыров',
  'Масхадов',
  'Дудаев',
  'Басаев',
  'Закаев',
  'Яндарбиев',
  'Умаров',
  'Гелаев',
  'Исаев',
  'Мусаев',
  'Алиев',
  'Ахмадов',
  'Хасанов',
  'Магомадов',
  'Эльмурзаев',
  'Цуев',
  'Байсаров',
  'Хамзатов',
  'Абдулаев',
  'Садулаев',
  'Вахаев',
  'Джабраилов',
  'Эдилов',
  'Межидов',
  'Мурдалов',
  'Такаев',
  'Хаджиев',
  'Ибрагимов',
  'Исмаилов',
  'Шамсудинов',
  'Юсупов',
  'Асуев',
  'Тимиров',
  'Мациев',
  'Гаирбеков',
  'Дениев',
  'Эсамбаев',
  'Висаитов',
  'Байраев',
  'Иванов',
  'Петров',
  'Смирнов',
  'Кузнецов',
  'Соколов',
  'Зайнулабидов',
  'Чабаев',
  'Шахбулатов',
  'Цакаев',
  'Жамалдинов',
  'Арсанукаев',
  'Гучигов',
  'Хатуев',
  'Ильясов',
  'Сайдулаев',
  'Батукаев',
  'Муртазалиев',
  'Ясаев',
  'Оздамиров',
  'Чергизбиев',
];

// Real lists have thousands of surnames (many derived from a teip or an ancestor's name); a few
// dozen would make namesakes far commoner than they are. Plausible extra surnames from syllables.
const SURNAME_HEADS = [
  'Ба',
  'Ма',
  'Ха',
  'Да',
  'Ду',
  'Ис',
  'Ум',
  'Ге',
  'Ах',
  'Ча',
  'Ца',
  'Эль',
  'Ша',
  'Му',
  'Са',
  'Та',
  'Яс',
  'Оз',
  'Ви',
  'Мур',
  'Бат',
  'Сай',
  'Хат',
  'Гу',
  'Шах',
  'Зу',
  'Ар',
  'Ус',
  'Ки',
  'Же',
];
const SURNAME_MIDDLES = [
  'ка',
  'ду',
  'са',
  'ла',
  'ми',
  'ди',
  'ра',
  'ги',
  'ху',
  'та',
  'за',
  'би',
  'ли',
  'ма',
  'ча',
  'ну',
  'ха',
  'ша',
];
const ALL_SURNAMES = [
  ...SURNAMES,
  ...SURNAME_HEADS.flatMap((head, h) =>
    SURNAME_MIDDLES.map((middle, m) => `${head}${middle}${(h + m) % 2 === 0 ? 'ев' : 'ов'}`),
  ),
];

// The larger surname pool of the Zipf mode: a second syllable gives some ten thousand surnames.
const MORE_SURNAMES = SURNAME_HEADS.flatMap((head, h) =>
  SURNAME_MIDDLES.flatMap((middle, m) =>
    SURNAME_MIDDLES.map((second, k) => `${head}${middle}${second}${(h + m + k) % 2 === 0 ? 'ев' : 'ов'}`),
  ),
);
const ZIPF_SURNAMES = [...new Set([...ALL_SURNAMES, ...MORE_SURNAMES])];
// Rank order of the given names in the Zipf mode: Magomed (with its variants) is by far the
// commonest man's name in Chechnya; the rest keep the order of the lists above.
const MALE_BY_RANK = [MALE[1]!, ...MALE.filter((_, i) => i !== 1)];

/**
 * Zipf–Mandelbrot weights p(r) ∝ 1/(r + q): family and given names are distributed by a power law
 * with exponent close to 1 (Zanette & Manrubia 2001, "Vertical transmission of culture and the
 * distribution of family names", Physica A 295:1–8; Fox & Lasker 1983). The offset q flattens the
 * head: q = 15 over the surname pool gives the commonest surname about 1 % of persons.
 */
function zipfSampler<T>(items: readonly T[], offset: number): (random: () => number) => T {
  const cumulative: number[] = [];
  let total = 0;
  items.forEach((_, r) => {
    total += 1 / (r + 1 + offset);
    cumulative.push(total);
  });
  return (random) => {
    const x = random() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return items[lo]!;
  };
}

type Scheme = 'cyrillic' | 'bgn' | 'passport' | 'simple' | 'german';

// Each scheme differs from the matcher's own BGN/PCGN-like table only in the letters it names.
const SCHEMES: Record<Exclude<Scheme, 'cyrillic'>, Record<string, string>> = {
  bgn: RUSSIAN_TO_LATIN,
  // ICAO Doc 9303, used in Russian passports since 2014.
  passport: { ...RUSSIAN_TO_LATIN, й: 'i', ю: 'iu', я: 'ia', ъ: 'ie', ё: 'e' },
  simple: { ...RUSSIAN_TO_LATIN, х: 'h', й: 'i', ь: '', ы: 'i' },
  german: {
    ...RUSSIAN_TO_LATIN,
    в: 'w',
    ж: 'sch',
    з: 's',
    с: 's',
    х: 'ch',
    ц: 'z',
    ч: 'tsch',
    ш: 'sch',
    щ: 'schtsch',
    й: 'j',
    ю: 'ju',
    я: 'ja',
    ё: 'jo',
  },
};

function romanise(cyrillic: string, scheme: Scheme): string {
  if (scheme === 'cyrillic') return cyrillic;
  const table = SCHEMES[scheme];
  let out = '';
  for (const ch of cyrillic) {
    const lower = ch.toLowerCase();
    const mapped = table[lower];
    if (mapped === undefined) out += ch;
    else out += ch === lower ? mapped : mapped.charAt(0).toUpperCase() + mapped.slice(1);
  }
  return out;
}

function patronymicOf(father: string, female: boolean): string {
  const last = father.slice(-1);
  if (last === 'й') return father.slice(0, -1) + (female ? 'евна' : 'евич');
  if (/[аеиоуыэюя]/.test(last)) return father + (female ? 'евна' : 'евич');
  return father + (female ? 'овна' : 'ович');
}

export interface VictimListOptions {
  persons: number;
  /** Number of organisations' lists (at most 5). */
  lists: number;
  seed: number;
  /** Probability that a person appears on a given list. */
  coverage: number;
  /**
   * How names are drawn. `uniform` (default; what the tests' floors were set on): each of 40 given
   * names per sex and ~600 surnames equally likely, so at 100,000 records most persons have
   * namesakes. `zipf`: power-law frequencies (zipfSampler) over ~10,000 surnames, as real name
   * distributions are: a few very common names, a long tail of rare ones.
   */
  names?: 'uniform' | 'zipf';
  /** Share of entries whose patronymic is typed into the given-name field ("Руслан Ахмедович"). */
  patronymicInGiven?: number;
}

export interface GeneratedLists {
  columns: string[];
  rows: string[][];
  /** Record id → person id: the truth. */
  entityOf: Map<string, string>;
  /** Person id → the person's true name, for analyses of what any linker could reach (linkageCeiling.ts). */
  personOf: Map<string, PersonName>;
}

/** A generated person's name as generated: Cyrillic given name and surname, patronymic, sex. */
export interface PersonName {
  given: string;
  surname: string;
  patronymic: string;
  female: boolean;
}

interface Person {
  female: boolean;
  given: [string, string[]];
  surname: string;
  patronymic: string;
  year: number;
  month: number;
  day: number;
}

const LIST_STYLES: Array<{
  name: string;
  schemes: Scheme[];
  date: (y: string, m: string, d: string) => string;
}> = [
  {
    name: 'memorial',
    schemes: ['cyrillic', 'cyrillic', 'cyrillic', 'bgn'],
    date: (y, m, d) => `${d}.${m}.${y}`,
  },
  { name: 'hrw', schemes: ['bgn', 'passport', 'simple'], date: (y, m, d) => `${y}-${m}-${d}` },
  { name: 'eu', schemes: ['german', 'bgn', 'simple'], date: (y, m, d) => `${d}/${m}/${y}` },
  { name: 'local', schemes: ['simple', 'cyrillic'], date: (y, m, d) => `${d}.${m}.${y}` },
  { name: 'un', schemes: ['passport', 'bgn'], date: (y, m, d) => `${y}${m}${d}` },
];

export const VICTIM_LIST_COLUMNS = ['id', 'list', 'given_name', 'surname', 'patronymic', 'birth_date', 'sex'];

export function generateVictimLists(options: VictimListOptions): GeneratedLists {
  const random = seededRandom(options.seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const chance = (p: number) => random() < p;
  const zipf = options.names === 'zipf';
  const zipfSurname = zipfSampler(ZIPF_SURNAMES, 15);
  const zipfMale = zipfSampler(MALE_BY_RANK, 1);
  const zipfFemale = zipfSampler(FEMALE, 1);
  const persons: Person[] = Array.from({ length: options.persons }, () => {
    const female = chance(0.3);
    const surname = zipf ? zipfSurname(random) : pick(ALL_SURNAMES);
    const given = zipf ? (female ? zipfFemale : zipfMale)(random) : pick(female ? FEMALE : MALE);
    const father = zipf ? zipfMale(random) : pick(MALE);
    return {
      female,
      given,
      surname: female ? `${surname}а` : surname,
      patronymic: patronymicOf(father[0], female),
      year: 1940 + Math.floor(random() * 65),
      month: 1 + Math.floor(random() * 12),
      day: 1 + Math.floor(random() * 28),
    };
  });
  const rows: string[][] = [];
  const entityOf = new Map<string, string>();
  const styles = LIST_STYLES.slice(0, Math.max(2, Math.min(options.lists, LIST_STYLES.length)));
  const counters = styles.map(() => 0);
  persons.forEach((person, p) => {
    let chosen = styles.map(() => chance(options.coverage));
    if (!chosen.some(Boolean)) {
      const only = Math.floor(random() * styles.length);
      chosen = styles.map((_, s) => s === only);
    }
    chosen.forEach((on, s) => {
      if (!on) return;
      const copies = chance(0.04) ? 2 : 1; // the same list sometimes names a person twice
      for (let c = 0; c < copies; c++) {
        const style = styles[s]!;
        const id = `${style.name}-${String(++counters[s]!).padStart(6, '0')}`;
        rows.push([id, style.name, ...renderPerson(person, style, random, options.patronymicInGiven ?? 0)]);
        entityOf.set(id, `P${p}`);
      }
    });
  });
  // Lists arrive in no particular order: shuffle so that truth is not in the row order.
  for (let i = rows.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [rows[i], rows[j]] = [rows[j]!, rows[i]!];
  }
  const personOf = new Map(
    persons.map((person, p): [string, PersonName] => [
      `P${p}`,
      {
        given: person.given[0],
        surname: person.surname,
        patronymic: person.patronymic,
        female: person.female,
      },
    ]),
  );
  return { columns: VICTIM_LIST_COLUMNS, rows, entityOf, personOf };
}

function renderPerson(
  person: Person,
  style: (typeof LIST_STYLES)[number],
  random: () => number,
  patronymicInGiven: number,
): string[] {
  const chance = (p: number) => random() < p;
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const scheme = pick(style.schemes);
  const [givenCyr, variants] = person.given;
  let given =
    scheme !== 'cyrillic' && variants.length > 0 && chance(0.4) ? pick(variants) : romanise(givenCyr, scheme);
  let surname = romanise(person.surname, scheme);
  let patronymic = chance(0.5) ? romanise(person.patronymic, scheme) : '';
  if (chance(0.1)) given = typo(given, random);
  if (chance(0.1)) surname = typo(surname, random);
  if (chance(0.03)) patronymic = typo(patronymic, random);
  if (patronymicInGiven > 0 && patronymic !== '' && chance(patronymicInGiven)) {
    given = `${given} ${patronymic}`;
    patronymic = '';
  }
  if (chance(0.04)) given = `${given.charAt(0)}.`;
  if (chance(0.1)) [given, surname] = [surname, given];
  if (chance(0.3)) {
    given = given.toUpperCase();
    surname = surname.toUpperCase();
  }
  let { year, month, day } = person;
  let birth = '';
  const r = random();
  const two = (n: number) => String(n).padStart(2, '0');
  if (r < 0.2) birth = '';
  else if (r < 0.26) birth = String(year);
  else {
    if (r < 0.31) [month, day] = [day <= 12 ? day : month, day <= 12 ? month : day];
    else if (r < 0.36) year += chance(0.5) ? 1 : -1;
    else if (r < 0.39) day = day >= 20 ? day - 10 : day + 10;
    birth = style.date(String(year), two(month), two(day));
  }
  const sex = chance(0.25)
    ? ''
    : person.female
      ? scheme === 'cyrillic'
        ? 'ж'
        : 'F'
      : scheme === 'cyrillic'
        ? 'м'
        : 'M';
  return [given, surname, patronymic, birth, sex];
}

/** One keyboard slip: a letter dropped, doubled, replaced by a neighbour of the same script, or two swapped. */
function typo(value: string, random: () => number): string {
  if (value.length < 3) return value;
  const chars = [...value];
  const at = 1 + Math.floor(random() * (chars.length - 1));
  const cyrillic = /[а-яё]/i.test(value);
  const alphabet = cyrillic ? 'аеиокнртсл' : 'aeiokhnrtsl';
  const kind = Math.floor(random() * 4);
  if (kind === 0) chars.splice(at, 1);
  else if (kind === 1) chars.splice(at, 0, chars[at]!);
  else if (kind === 2) chars[at] = alphabet[Math.floor(random() * alphabet.length)]!;
  else if (at < chars.length - 1) [chars[at], chars[at + 1]] = [chars[at + 1]!, chars[at]!];
  return chars.join('');
}
