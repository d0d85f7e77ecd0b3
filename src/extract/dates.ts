/**
 * Dates mentioned in a text, resolved against the publication date. Table-driven rules (lang/*.ts)
 * rather than chrono-node: its pt/es/ru/fr parsers are uneven, and a reviewer must be able to
 * predict and fix what a rule does.
 *
 * Resolution rules:
 * - A month or day without a year is the latest such month not after publication ("março" in a text
 *   published 2017-05-12 is March 2017; "15 de maio" is 2017-05-15 even if a few days ahead).
 * - A weekday is the most recent such day on or before publication.
 * - Relative expressions ("yesterday", "last week", "il y a deux semaines") count back from publication;
 *   weeks run Monday–Sunday.
 * - Without a publication date, only a stated year resolves; otherwise precision is kept, from/to
 *   are null and `unresolved` is true.
 */
import type { DateMention } from '../core/suggestions.ts';
import {
  addDays,
  addMonths,
  isValidDay,
  latestYearOfMonth,
  monthRange,
  parseIso,
  toIso,
  weekday,
  weekOf,
  type Ymd,
} from './calendar.ts';
import { languagePacks, packFor } from './lang/index.ts';
import type { LanguagePack, RelativeShift } from './lang/types.ts';
import { findCounts } from './numbers.ts';
import { matchInWindows, type TriggerOptions, tokensOf, triggerWindows } from './windows.ts';
import { caseAlternation, perLanguage, WORD_END, WORD_START } from './wordList.ts';

export interface DateFound extends DateMention {
  start: number;
  end: number;
}

/** Years outside this window are page numbers, sums or codes more often than dates. */
const MIN_YEAR = 1900;
const MAX_YEAR = 2100;

const alt = caseAlternation;

type Kind = 'dmy' | 'mdy' | 'my' | 'm' | 'y' | 'numeric' | 'iso' | 'weekday' | 'relative' | 'ago';

interface Rules {
  patterns: [Kind, RegExp][];
  month: ReadonlyMap<string, number>;
  weekday: ReadonlyMap<string, number>;
  relative: ReadonlyMap<string, RelativeShift>;
  units: ReadonlyMap<string, 'day' | 'week' | 'month' | 'year'>;
  monthFirst: boolean;
  triggers: TriggerOptions;
}

const key = (s: string): string => s.toLowerCase().replace(/\s+/g, ' ').replace(/’/g, "'");

const rulesFor = perLanguage((code): Rules => {
  const pack: LanguagePack | null = packFor(code);
  const packs = pack ? [pack] : languagePacks;
  const d = (f: (p: LanguagePack) => readonly string[]) => packs.flatMap(f);
  const month = new Map<string, number>();
  const weekdayMap = new Map<string, number>();
  for (const p of packs) {
    p.dates.months.forEach((forms, i) => {
      for (const f of forms) month.set(key(f).replace(/\.$/, ''), i + 1);
    });
    p.dates.weekdays.forEach((forms, i) => {
      for (const f of forms) weekdayMap.set(key(f), i);
    });
  }
  const M = `(?<month>${alt(d((p) => p.dates.months.flat()))})`;
  const J = alt(d((p) => p.dates.dateJoiners));
  const joiner = J ? `(?:(?:${J})\\s+)?` : '';
  const yearMarker = alt(d((p) => p.dates.yearMarkers));
  const Y = `(?<year>\\d{4})${WORD_END}${yearMarker ? `(?:\\s*(?:${yearMarker}))?` : ''}`;
  const D = '(?<day>\\d{1,2})(?:st|nd|rd|th|er|º|°|-?го|-?е)?';
  const prep = alt(d((p) => p.dates.monthPrepositions));
  const wprep = alt(d((p) => p.dates.weekdayPrepositions));
  const anyWeekday = alt(d((p) => p.dates.weekdays.flat()));
  const bareWeekday = alt(d((p) => p.dates.weekdays.map((forms) => forms[0] ?? '')));
  const relative = new Map<string, RelativeShift>();
  for (const p of packs) for (const [k, v] of Object.entries(p.dates.relative)) relative.set(key(k), v);
  const units = new Map<string, 'day' | 'week' | 'month' | 'year'>();
  for (const p of packs) for (const [k, v] of Object.entries(p.dates.units)) units.set(key(k), v);
  const unit = alt(units.keys());
  // "duas semanas", "twenty-one days", "две недели": the language's own number words, at most two.
  const numberWord = alt(d((p) => Object.keys(p.numbers.values).filter((k) => !k.includes(' '))));
  const num = numberWord
    ? `(?<num>\\d{1,3}|(?:${numberWord})(?:[\\s-]+(?:${numberWord}))?)`
    : '(?<num>\\d{1,3})';
  const before = alt(d((p) => p.dates.agoBefore));
  const after = alt(d((p) => p.dates.agoAfter));
  const B = WORD_START;
  const E = WORD_END;
  const patterns: [Kind, string][] = [
    ['iso', `${B}(?<year>\\d{4})-(?<mon>\\d{2})-(?<day>\\d{2})${E}`],
    ['numeric', `${B}(?<a>\\d{1,2})([./])(?<b>\\d{1,2})\\2(?<year>\\d{4}|\\d{2})${E}(?![./]\\d)`],
    // Abbreviated months carry their own dot in the tables ("Jan."), so a full stop after a month
    // name stays with the sentence.
    ['dmy', `${B}${D}\\s*${joiner}${M}${E}(?:,?\\s+${joiner}${Y})?`],
    ['mdy', `${B}${M}\\s+${D}${E}(?:,?\\s+${Y})?`],
    ['my', `${B}(?:(?:${prep})\\s+)?${M},?\\s+${joiner}${Y}`],
    ['m', `${B}(?:${prep})\\s+${M}${E}`],
    [
      'y',
      `${B}(?:(?:${prep})\\s+(?<year>\\d{4})${E}(?:\\s*(?:${yearMarker || '(?!)'}))?|(?<year2>\\d{4})\\s*(?:${yearMarker || '(?!)'}))`,
    ],
    ['weekday', `${B}(?:(?:(?:${wprep})\\s+(?<wd>${anyWeekday}))|(?<wd2>${bareWeekday}))${E}`],
    ['relative', `${B}(?<rel>${alt(relative.keys())})${E}`],
  ];
  if (unit && (before || after)) {
    const parts = [];
    if (before) parts.push(`(?:${before})\\s+${num}\\s+(?<unit>${unit})`);
    if (after) parts.push(`${num.replace('num', 'num2')}\\s+(?<unit2>${unit})\\s+(?:${after})`);
    patterns.push(['ago', `${B}(?:${parts.join('|')})${E}`]);
  }
  return {
    patterns: patterns.map(([kind, source]): [Kind, RegExp] => [kind, new RegExp(source, 'gu')]),
    month,
    weekday: weekdayMap,
    relative,
    units,
    // Only English writes 05/11/2017 for 11 May (and then mostly American English).
    monthFirst: code === 'en',
    // Every date has a digit, a month or weekday name, or a relative phrase's last word ("passada", "ago").
    triggers: {
      words: tokensOf([
        ...month.keys(),
        ...weekdayMap.keys(),
        ...[...relative.keys()].map((k) => k.split(' ').pop() ?? k),
        ...units.keys(),
        ...d((p) => p.dates.agoAfter),
      ]),
      digits: true,
      before: 50,
      after: 50,
    },
  };
});

interface Parsed {
  precision: DateMention['precision'];
  /** The mention fixes a year (resolvable without a publication date). */
  from: Ymd | null;
  to: Ymd | null;
  unresolved: boolean;
}

function day(y: number, m: number, d: number): Parsed | null {
  const ymd = { y, m, d };
  return isValidDay(ymd) ? { precision: 'day', from: ymd, to: ymd, unresolved: false } : null;
}

const unresolved = (precision: DateMention['precision']): Parsed => ({
  precision,
  from: null,
  to: null,
  unresolved: true,
});

function yearOf(s: string | undefined): number | null {
  if (!s) return null;
  const y = s.length === 2 ? 2000 + Number(s) - (Number(s) >= 50 ? 100 : 0) : Number(s);
  return y >= MIN_YEAR && y <= MAX_YEAR ? y : null;
}

function shift(unit: RelativeShift['unit'], offset: number, pub: Ymd | null): Parsed {
  const precision = unit;
  if (!pub) return unresolved(precision);
  if (unit === 'day') {
    const d = addDays(pub, offset);
    return { precision, from: d, to: d, unresolved: false };
  }
  if (unit === 'week') {
    const [from, to] = weekOf(addDays(pub, offset * 7));
    return { precision, from, to, unresolved: false };
  }
  if (unit === 'month') {
    const { y, m } = addMonths(pub.y, pub.m, offset);
    const [from, to] = monthRange(y, m);
    return { precision, from, to, unresolved: false };
  }
  const y = pub.y + offset;
  return { precision, from: { y, m: 1, d: 1 }, to: { y, m: 12, d: 31 }, unresolved: false };
}

function interpret(
  kind: Kind,
  g: Record<string, string | undefined>,
  rules: Rules,
  lang: string,
  pub: Ymd | null,
): Parsed | null {
  const monthOf = (s: string | undefined) =>
    s ? (rules.month.get(key(s).replace(/\.$/, '')) ?? null) : null;
  const year = yearOf(g.year ?? g.year2);
  if ((g.year || g.year2) && year === null) return null;
  switch (kind) {
    case 'iso':
      return year === null ? null : day(year, Number(g.mon), Number(g.day));
    case 'numeric': {
      if (year === null) return null;
      let [d, m] = [Number(g.a), Number(g.b)];
      if (rules.monthFirst && m <= 12 && d <= 12) [d, m] = [m, d];
      else if (m > 12) [d, m] = [m, d];
      return day(year, m, d);
    }
    case 'dmy':
    case 'mdy': {
      const m = monthOf(g.month);
      const d = Number(g.day);
      if (m === null) return null;
      if (year !== null) return day(year, m, d);
      if (!isValidDay({ y: 2000, m, d })) return null; // 2000 is a leap year: 29 February is allowed
      if (!pub) return unresolved('day');
      return day(latestYearOfMonth(m, pub), m, d);
    }
    case 'my':
    case 'm': {
      const m = monthOf(g.month);
      if (m === null) return null;
      const y = year ?? (pub ? latestYearOfMonth(m, pub) : null);
      if (y === null) return unresolved('month');
      const [from, to] = monthRange(y, m);
      return { precision: 'month', from, to, unresolved: false };
    }
    case 'y':
      return year === null
        ? null
        : {
            precision: 'year',
            from: { y: year, m: 1, d: 1 },
            to: { y: year, m: 12, d: 31 },
            unresolved: false,
          };
    case 'weekday': {
      const wd = rules.weekday.get(key(g.wd ?? g.wd2 ?? ''));
      if (wd === undefined) return null;
      if (!pub) return unresolved('day');
      const d = addDays(pub, -((weekday(pub) - wd + 7) % 7));
      return { precision: 'day', from: d, to: d, unresolved: false };
    }
    case 'relative': {
      const r = rules.relative.get(key(g.rel ?? ''));
      return r ? shift(r.unit, r.offset, pub) : null;
    }
    case 'ago': {
      const unit = rules.units.get(key(g.unit ?? g.unit2 ?? ''));
      const numText = g.num ?? g.num2 ?? '';
      const n = /^\d+$/.test(numText) ? Number(numText) : findCounts(numText, lang)[0]?.min;
      if (!unit || n === undefined || n === null || n > 1000) return null;
      const found = findCounts(numText, lang)[0];
      // The number must be the whole "two"/"deux semaines" part, not a word that merely precedes it.
      if (!/^\d+$/.test(numText) && (!found || found.text !== numText)) return null;
      return shift(unit, -n, pub);
    }
  }
}

/** Dates in reading order; where mentions overlap, the more precise (earlier-listed) pattern wins. */
export function findDates(text: string, lang: string, published: string | null): DateFound[] {
  const code = packFor(lang)?.code ?? '';
  const rules = rulesFor(code);
  const pub = parseIso(published);
  const taken: DateFound[] = [];
  const overlaps = (s: number, e: number) => taken.some((t) => s < t.end && t.start < e);
  const windows = triggerWindows(text, rules.triggers);
  for (const [kind, pattern] of rules.patterns) {
    for (const m of matchInWindows(text, windows, pattern)) {
      const start = m.index;
      const end = start + m[0].length;
      if (overlaps(start, end)) continue;
      const parsed = interpret(kind, m.groups ?? {}, rules, code, pub);
      if (!parsed) continue;
      taken.push({
        from: parsed.from ? toIso(parsed.from) : null,
        to: parsed.to ? toIso(parsed.to) : null,
        precision: parsed.precision,
        unresolved: parsed.unresolved,
        text: m[0],
        start,
        end,
      });
    }
  }
  return taken.sort((a, b) => a.start - b.start);
}
