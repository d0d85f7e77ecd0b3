/**
 * Transliteration-aware name normalisation. Victims from Chechnya and Russia appear on lists in
 * Cyrillic and in several Latin romanisations (English BGN/PCGN-like "Zelimkhan", simplified
 * "Zelimhan", German "Selimchan"), and Arabic-origin names in further variants (Magomed, Mahomed,
 * Muhammad). Two functions:
 *
 * - `normaliseName`: lower case, accents stripped, Cyrillic romanised with one fixed scheme; what
 *   string comparators (Jaro–Winkler) see.
 * - `nameSkeleton`: a phonetic key in the spirit of Soundex/NYSIIS (Christen, "Data Matching", 2012,
 *   §4.5) tuned for Russian/Chechen romanisations: letters that the schemes use for the same
 *   Cyrillic letter fall into one class (х: kh/h/ch; ж: zh/j/dzh; ц: ts/tz/c; з/с: z/s; г/h), double
 *   letters collapse and vowels other than a leading one are dropped, since vowels carry most of the
 *   variation between romanisations (Akhmed/Ahmed/Achmed, Ruslan/Roslan, -ev/-yev/-jew).
 */

/**
 * The Russian alphabet romanised close to BGN/PCGN, lower case. Exported because the synthetic list
 * generator derives its romanisation schemes from it: the test data and the matcher must read
 * Cyrillic the same way.
 */
export const RUSSIAN_TO_LATIN: Readonly<Record<string, string>> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'yo',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
};

// One scheme for reading Cyrillic (close to BGN/PCGN, with Chechen's palochka dropped): consistent
// input to the skeleton rules below matters more than which scheme it is.
const CYRILLIC: Record<string, string> = {
  ...RUSSIAN_TO_LATIN,
  і: 'i',
  ї: 'yi',
  є: 'ye',
  ґ: 'g',
  ӏ: '',
  Ӏ: '',
  // Czech/ISO carons, which NFD would otherwise reduce to a different letter.
  ž: 'zh',
  š: 'sh',
  č: 'ch',
};

/** Lower-case Latin letters, digits and single spaces; Cyrillic romanised; accents removed. */
export function normaliseName(value: string): string {
  let out = '';
  for (const ch of value.toLowerCase()) {
    const mapped = CYRILLIC[ch];
    out += mapped ?? ch;
  }
  return out
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

// Ordered: longer spellings first so that "shch" is not read as "sh" + "ch".
const SKELETON_RULES: Array<[RegExp, string]> = [
  [/tsch/g, 'h'], // German ч (Tschetschenien) joins the ч/х class below
  [/(?<=[aeiouy])j/g, 'y'], // German й after a vowel (Bakajew = Bakaev, Chusejn = Khuseyn)
  [/(?<=[bfgklmnprstvw])j(?=[aeiou])/g, 'y'], // German я/ю after a consonant (Marjam, Iljasow)
  // ж, дж, ш, щ share one class: German writes both ж and ш as "sch" (Schamil, Schanna), French
  // writes ж as j; the names these letters tell apart are rare enough to tolerate the merge.
  [/shch|dzh|dsch|sch|dj|zh|sh|j/g, 'J'],
  [/kh|ch|gh|h/g, 'h'], // х in every scheme (and ч, which English writes ch: a tolerated merge)
  [/tz|ts|cz|c(?=[eiy])|z/g, 's'], // ц, з (German writes з as s: Selimchan)
  [/ck|c|q/g, 'k'],
  [/x/g, 'ks'],
  [/ph/g, 'f'],
  [/w/g, 'v'],
  [/g/g, 'h'], // г for h in Arabic-origin names: Magomed = Mahomed
];

/**
 * Phonetic skeleton of one name token (or of a whole name: tokens are keyed separately and joined
 * with spaces). Equal skeletons mean "could be the same name written differently".
 */
export function nameSkeleton(value: string): string {
  return normaliseName(value)
    .split(' ')
    .filter((token) => token !== '')
    .map(tokenSkeleton)
    .join(' ');
}

function consonantForm(token: string): string {
  let s = token;
  // Final -ff/-ow is the German/French spelling of Russian -ов/-ев (Kadyroff, Kadyrow).
  s = s.replace(/(ow|off|of)$/, 'ov').replace(/(ew|eff|ef)$/, 'ev');
  for (const [pattern, replacement] of SKELETON_RULES) s = s.replace(pattern, replacement);
  return s.replace(/J/g, 'j');
}

function tokenSkeleton(token: string): string {
  if (/^[0-9]+$/.test(token)) return token;
  // Collapse doubled letters (Magomedd, Hassan/Hasan), then reduce vowels: a leading vowel (any)
  // becomes "a" so Umar/Omar and Ismail/Ysmail agree; other vowels and y are dropped.
  const s = consonantForm(token).replace(/(.)\1+/g, '$1');
  const lead = /^[aeiouy]/.test(s) ? 'a' : '';
  const rest = s.replace(/[aeiouy]/g, '');
  return (lead + rest).replace(/(.)\1+/g, '$1') || token;
}

/**
 * A finer key than the skeleton: consonant classes as in `nameSkeleton`, but vowels kept in three
 * classes (a/o, e/i/y, u) with the iotation romanisations disagree on folded away (ya/ia/ja → a,
 * yu/iu/ju → u, ye/ie/je → e, ey/ei/ej → e). Bakaev/Bakayev/Bakajew agree; Bakaev/Bukaev do not,
 * which the vowel-free skeleton cannot tell apart.
 */
export function vowelSkeleton(value: string): string {
  return normaliseName(value)
    .split(' ')
    .filter((token) => token !== '')
    .map((token) => {
      if (/^[0-9]+$/.test(token)) return token;
      return consonantForm(token)
        .replace(/[yi]+(?=[aeiou])/g, '')
        .replace(/(?<=[aeiou])[yi]+/g, '')
        .replace(/[o]/g, 'a')
        .replace(/[eiy]/g, 'e')
        .replace(/(.)\1+/g, '$1');
    })
    .join(' ');
}
