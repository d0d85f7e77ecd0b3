import { describe, expect, it } from 'vitest';
import { compareDates, dateBlockKey, parsePartialDate } from './compareDates.ts';

const d = (text: string) => parsePartialDate(text)!;

describe('dates', () => {
  it('parses the forms lists use', () => {
    expect(parsePartialDate('19300213')).toEqual({ year: 1930, month: 2, day: 13 });
    expect(parsePartialDate('1930-02-13')).toEqual({ year: 1930, month: 2, day: 13 });
    expect(parsePartialDate('13.02.1930')).toEqual({ year: 1930, month: 2, day: 13 });
    expect(parsePartialDate('13/02/1930')).toEqual({ year: 1930, month: 2, day: 13 });
    expect(parsePartialDate('1930')).toEqual({ year: 1930, month: 0, day: 0 });
    expect(parsePartialDate('')).toBeNull();
    expect(parsePartialDate('unknown')).toBeNull();
  });

  it('grades agreement: exact, swapped day and month or one slip, year given alone, other day, different', () => {
    expect(compareDates(d('1930-02-13'), d('13.02.1930'))).toBe(0);
    expect(compareDates(d('1970-03-04'), d('1970-04-03'))).toBe(1);
    expect(compareDates(d('1970-03-04'), d('1971-03-04'))).toBe(1);
    expect(compareDates(d('1969-03-04'), d('1970-03-04'))).toBe(1);
    expect(compareDates(d('1970-03-04'), d('1970-03-14'))).toBe(1);
    expect(compareDates(d('1970-03-04'), d('1970'))).toBe(2);
    expect(compareDates(d('1970-03-04'), d('1970-09-21'))).toBe(3);
    expect(compareDates(d('1970-03-04'), d('1982-09-21'))).toBe(4);
    expect(compareDates(d('1970'), d('1971'))).toBe(4);
  });

  it('does not call near a day and month that agree under a year no slip explains', () => {
    // 2000 for 1960 is two digits: another person born on the same day of the year, not a typo.
    expect(compareDates(d('2000-03-17'), d('1960-03-17'))).toBe(4);
    expect(compareDates(d('1970-03-04'), d('1970-03-18'))).toBe(3);
  });

  it('blocks day/month swaps together', () => {
    expect(dateBlockKey(d('1970-03-04'))).toBe(dateBlockKey(d('1970-04-03')));
    expect(dateBlockKey(d('1970'))).toBeNull();
  });
});
