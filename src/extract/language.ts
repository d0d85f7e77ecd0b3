/**
 * Language detection: cheap script and function-word evidence first, franc's trigrams as the
 * fallback. franc alone confuses Portuguese with Spanish and Galician on short news items, while a
 * handful of function words ("não", "foram" vs "fue", "los") separates them reliably.
 */
import { francAll } from 'franc-min';
import { languagePacks } from './lang/index.ts';
import { LETTERS_MARKS, lowerSlicer, wordSpans } from './wordSpans.ts';

/** Only the first part of a long document is read: language does not change halfway through a report. */
const SAMPLE = 8000;
/** Fewer letters than this carry too little evidence. */
const MIN_LETTERS = 8;

/** Function words for languages without a full pack, so they are not mistaken for one that has. */
const extraStopwords: Readonly<Record<string, readonly string[]>> = {
  it: [
    'il',
    'della',
    'che',
    'non',
    'sono',
    'per',
    'gli',
    'dei',
    'delle',
    'nel',
    'nella',
    'è',
    'anche',
    'stato',
    'questo',
  ],
  de: [
    'der',
    'die',
    'und',
    'das',
    'nicht',
    'ist',
    'den',
    'von',
    'mit',
    'sich',
    'auf',
    'für',
    'wurde',
    'wurden',
    'eine',
    'dem',
    'am',
    'im',
    'zu',
    'auch',
    'nach',
    'bei',
  ],
  nl: ['de', 'het', 'een', 'van', 'niet', 'zijn', 'op', 'voor', 'met', 'dat', 'werd', 'ook', 'bij', 'aan'],
  uk: ['і', 'та', 'що', 'не', 'як', 'це', 'був', 'була', 'були', 'від', 'також', 'його', 'її', 'які'],
};

const stopwordTable: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ...languagePacks.map((p): [string, ReadonlySet<string>] => [p.code, new Set(p.stopwords)]),
  ...Object.entries(extraStopwords).map(([code, words]): [string, ReadonlySet<string>] => [
    code,
    new Set(words),
  ]),
]);

/** franc's ISO 639-3 codes → 639-1 (only those franc-min can return and that have a 639-1 code). */
const iso3to1: Readonly<Record<string, string>> = {
  spa: 'es',
  eng: 'en',
  por: 'pt',
  ind: 'id',
  fra: 'fr',
  deu: 'de',
  jav: 'jv',
  vie: 'vi',
  ita: 'it',
  tur: 'tr',
  pol: 'pl',
  swh: 'sw',
  sun: 'su',
  ron: 'ro',
  hau: 'ha',
  fuv: 'ff',
  bos: 'bs',
  hrv: 'hr',
  nld: 'nl',
  srp: 'sr',
  ckb: 'ku',
  yor: 'yo',
  uzn: 'uz',
  zlm: 'ms',
  ibo: 'ig',
  tgl: 'tl',
  hun: 'hu',
  azj: 'az',
  ces: 'cs',
  run: 'rn',
  plt: 'mg',
  nya: 'ny',
  kin: 'rw',
  zul: 'zu',
  swe: 'sv',
  lin: 'ln',
  som: 'so',
  rus: 'ru',
  ukr: 'uk',
  bel: 'be',
  bul: 'bg',
  kaz: 'kk',
  arb: 'ar',
  urd: 'ur',
  pes: 'fa',
  pbu: 'ps',
  hin: 'hi',
  mar: 'mr',
  npi: 'ne',
  ben: 'bn',
  cmn: 'zh',
  jpn: 'ja',
  kor: 'ko',
  tel: 'te',
  tam: 'ta',
  guj: 'gu',
  kan: 'kn',
  mal: 'ml',
  mya: 'my',
  pan: 'pa',
  amh: 'am',
  tha: 'th',
  sin: 'si',
  ell: 'el',
  qug: 'qu',
  ceb: 'ceb',
  ilo: 'ilo',
  mad: 'mad',
  hms: 'und',
  hnj: 'und',
  zyb: 'za',
  koi: 'kv',
  skr: 'und',
  mai: 'und',
  bho: 'und',
  mag: 'und',
};

/**
 * Scripts that name their language outright (franc-min does not know Hebrew, Georgian, Armenian),
 * as UTF-16 ranges: one pass over the sample classifies every letter, without a regex per script.
 */
const uniqueScripts: readonly [from: number, to: number, code: string][] = [
  [0x0590, 0x05ff, 'he'],
  [0x10a0, 0x10ff, 'ka'],
  [0x0530, 0x058f, 'hy'],
  [0x0370, 0x03ff, 'el'],
  [0xac00, 0xd7af, 'ko'],
  [0x1100, 0x11ff, 'ko'],
  [0x3040, 0x30ff, 'ja'],
  [0x4e00, 0x9fff, 'zh'],
  [0x3400, 0x4dbf, 'zh'],
  [0x0e00, 0x0e7f, 'th'],
];

const OTHER_LETTER = /\p{L}/u;
// URLs, e-mails and markup are the same in every language and would only add noise.
const NOISE = /https?:\/\/\S+|www\.\S+|\S+@\S+|\[email[^\]]{0,20}protected\]|<[^<>]{0,200}>/g;

/** NOISE needs one of these; most texts have none, and the expression is slow to find nothing. */
function mayHoldNoise(text: string): boolean {
  return (
    text.includes('@') ||
    text.includes('<') ||
    text.includes('://') ||
    text.includes('www.') ||
    text.includes('[email')
  );
}

interface ScriptCounts {
  letters: number;
  cyrillic: number;
  byScript: Map<string, number>;
}

function countScripts(sample: string): ScriptCounts {
  const byScript = new Map<string, number>();
  let letters = 0;
  let cyrillic = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (
      (c >= 0x41 && c <= 0x5a) ||
      (c >= 0x61 && c <= 0x7a) ||
      (c >= 0xc0 && c <= 0x24f && c !== 0xd7 && c !== 0xf7)
    ) {
      letters++;
    } else if (c >= 0x400 && c <= 0x52f) {
      letters++;
      cyrillic++;
    } else if (c >= 0x370) {
      const script = uniqueScripts.find(([from, to]) => c >= from && c <= to);
      if (script) {
        letters++;
        byScript.set(script[2], (byScript.get(script[2]) ?? 0) + 1);
      } else if (OTHER_LETTER.test(sample[i] ?? '')) letters++;
    }
  }
  return { letters, cyrillic, byScript };
}

/** For each function word, the languages it belongs to, in table order: one lookup per word. */
const languagesOfStopword: ReadonlyMap<string, readonly string[]> = (() => {
  const index = new Map<string, string[]>();
  for (const [code, words] of stopwordTable) {
    for (const word of words) {
      const codes = index.get(word);
      if (codes) codes.push(code);
      else index.set(word, [code]);
    }
  }
  return index;
})();

const longestStopword = Math.max(...[...languagesOfStopword.keys()].map((word) => word.length));

/** Function-word hits per language, best first. */
function scoreStopwords(sample: string): [string, number][] {
  const scores = new Map<string, number>();
  const words = wordSpans(sample, LETTERS_MARKS);
  const lowerSlice = lowerSlicer(sample);
  for (let i = 0; i < words.count; i++) {
    const start = words.starts[i] ?? 0;
    const end = words.ends[i] ?? 0;
    // Lower-casing never shortens a word (language.test.ts checks every code point), so a word
    // longer than the longest stopword cannot be one: it is skipped without being copied.
    if (end - start > longestStopword) continue;
    const codes = languagesOfStopword.get(lowerSlice(start, end));
    if (codes) for (const code of codes) scores.set(code, (scores.get(code) ?? 0) + 1);
  }
  return [...scores].sort((a, b) => b[1] - a[1]);
}

/**
 * ISO 639-1 code of the text's main language, or 'und' when the text is too short or unrecognisable.
 */
export function detectLanguage(text: string): string {
  const head = text.slice(0, SAMPLE);
  const sample = mayHoldNoise(head) ? head.replace(NOISE, ' ') : head;
  const { letters, cyrillic, byScript } = countScripts(sample);
  if (letters < MIN_LETTERS) return 'und';

  for (const [code, n] of byScript) if (n * 2 > letters) return code;

  if (cyrillic * 2 > letters) {
    // Letters that Russian lacks decide between the Cyrillic languages before any statistics.
    if (/[іїєґ]/iu.test(sample)) return /[ыэъё]/iu.test(sample) ? 'ru' : 'uk';
    if (/ў/iu.test(sample)) return 'be';
    if (/[ңүөһ]/iu.test(sample)) return 'kk';
    if (/[ѓќљњџ]/iu.test(sample)) return /[ѓќ]/iu.test(sample) ? 'mk' : 'sr';
    const ranked = scoreStopwords(sample);
    if (ranked[0]?.[0] === 'ru' || ranked.length === 0) return 'ru';
  }

  const ranked = scoreStopwords(sample);
  const [best, second] = ranked;
  // A few hits and a clear lead are enough; anything weaker goes to the trigram model.
  if (best && best[1] >= 3 && best[1] >= 1.5 * (second?.[1] ?? 0)) return best[0];
  if (best && best[1] >= 2 && best[1] >= 2 * (second?.[1] ?? 0)) return best[0];

  const guess = francAll(sample, { minLength: 10 })[0];
  const code = guess ? (iso3to1[guess[0]] ?? 'und') : 'und';
  if (code !== 'und') return code;
  return best && best[1] >= 1 && best[1] > (second?.[1] ?? 0) ? best[0] : 'und';
}
