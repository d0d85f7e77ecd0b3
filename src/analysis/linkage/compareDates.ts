/**
 * Birth dates as lists write them, and a graded comparison. Dates are kept as their components
 * (0 = unknown) without calendar validation: a typo such as month 13 is still evidence in the other
 * two components. Day and month are read day-first for slashed and dotted forms; the comparison then
 * treats a day/month swap as a near agreement, which also absorbs US-style month-first entries.
 */

export interface PartialDate {
  year: number;
  month: number;
  day: number;
}

/** Parses YYYYMMDD, YYYY-MM-DD, YYYY/MM/DD, DD.MM.YYYY, DD/MM/YYYY, DD-MM-YYYY, YYYY-MM or YYYY. */
export function parsePartialDate(value: string): PartialDate | null {
  const text = value.trim();
  if (text === '') return null;
  let match = /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (match) return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  match = /^(\d{4})[-/.](\d{1,2})(?:[-/.](\d{1,2}))?$/.exec(text);
  if (match) return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3] ?? 0) };
  match = /^(\d{1,2})[-/.](\d{1,2})[-/.](\d{4})$/.exec(text);
  if (match) return { year: Number(match[3]), month: Number(match[2]), day: Number(match[1]) };
  match = /^(\d{4})$/.exec(text);
  if (match) return { year: Number(match[1]), month: 0, day: 0 };
  return null;
}

/** Agreement levels of two birth dates, most similar first (what compareDates returns an index of). */
export const DATE_LEVELS = ['exact', 'near', 'year', 'otherDay', 'different'] as const;

/**
 * 0 exact; 1 near: day and month swapped, or exactly one component differs as a slip of the pen does
 * (one digit, or a year off by one); 2 year: one side gives only the year (or year and month) and it
 * agrees; 3 otherDay: two full dates agree on the year only — for two records of one person that
 * takes two independent errors, so it is evidence against; 4 different.
 */
export function compareDates(a: PartialDate, b: PartialDate): number {
  const full = a.month > 0 && a.day > 0 && b.month > 0 && b.day > 0;
  if (!full) {
    if (a.year !== b.year) return 4;
    if (a.month > 0 && b.month > 0 && a.month !== b.month) return 4;
    return 2;
  }
  const y = a.year === b.year;
  const m = a.month === b.month;
  const d = a.day === b.day;
  if (y && m && d) return 0;
  if (y && a.month === b.day && a.day === b.month) return 1;
  if (m && d && (Math.abs(a.year - b.year) === 1 || oneDigitApart(a.year, b.year))) return 1;
  if (y && (m || d) && oneDigitApart(a.month * 100 + a.day, b.month * 100 + b.day)) return 1;
  if (y) return 3;
  return 4;
}

/** Whether two numbers written with the same number of digits differ in exactly one of them. */
function oneDigitApart(x: number, y: number): boolean {
  let differing = 0;
  for (; x > 0 || y > 0; x = Math.floor(x / 10), y = Math.floor(y / 10)) {
    if (x % 10 !== y % 10) differing++;
  }
  return differing === 1;
}

/** Key for blocking: year with day and month in sorted order, so swaps fall in the same block. */
export function dateBlockKey(date: PartialDate | null): string | null {
  if (!date || date.month === 0 || date.day === 0) return null;
  const lo = Math.min(date.month, date.day);
  const hi = Math.max(date.month, date.day);
  return `${date.year}-${lo}-${hi}`;
}
