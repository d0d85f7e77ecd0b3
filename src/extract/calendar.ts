/** Calendar arithmetic on ISO dates in UTC: no time zones, no locale, no Date parsing surprises. */

export interface Ymd {
  y: number;
  m: number; // 1–12
  d: number;
}

const pad = (n: number, w = 2): string => String(n).padStart(w, '0');

export function toIso({ y, m, d }: Ymd): string {
  return `${pad(y, 4)}-${pad(m)}-${pad(d)}`;
}

export function parseIso(s: string | null): Ymd | null {
  const match = s ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(s) : null;
  if (!match) return null;
  const ymd = { y: Number(match[1]), m: Number(match[2]), d: Number(match[3]) };
  return isValidDay(ymd) ? ymd : null;
}

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export function isValidDay({ y, m, d }: Ymd): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

function fromTime(t: number): Ymd {
  const date = new Date(t);
  return { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate() };
}

export function addDays(day: Ymd, n: number): Ymd {
  return fromTime(Date.UTC(day.y, day.m - 1, day.d) + n * 86_400_000);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(day: Ymd): number {
  return new Date(Date.UTC(day.y, day.m - 1, day.d)).getUTCDay();
}

/** Monday–Sunday week containing `day` (ISO 8601 weeks start on Monday). */
export function weekOf(day: Ymd): [Ymd, Ymd] {
  const monday = addDays(day, -((weekday(day) + 6) % 7));
  return [monday, addDays(monday, 6)];
}

export function addMonths(y: number, m: number, n: number): { y: number; m: number } {
  const index = y * 12 + (m - 1) + n;
  return { y: Math.floor(index / 12), m: (index % 12) + 1 };
}

export function monthRange(y: number, m: number): [Ymd, Ymd] {
  return [
    { y, m, d: 1 },
    { y, m, d: daysInMonth(y, m) },
  ];
}

/** The year of the latest month `m` that is not after `reference` ("March" read in May 2017 → 2017). */
export function latestYearOfMonth(m: number, reference: Ymd): number {
  return m <= reference.m ? reference.y : reference.y - 1;
}
