import { describe, expect, it } from 'vitest';
import { type ActFacts, bestActMatch, scoreActMatch } from './actMatch.ts';

const act = (overrides: Partial<ActFacts> = {}): ActFacts => ({
  type: 'detention',
  victimsMin: 5,
  victimsMax: 5,
  victimGroup: 'activists',
  placeName: 'Moscow',
  country: 'RU',
  dateFrom: '2017-05-11',
  dateTo: '2017-05-11',
  ...overrides,
});

describe('scoreActMatch', () => {
  it('proposes the same act for the Moscow detention reported twice, and says why', () => {
    const match = scoreActMatch(act({ victimGroup: 'LGBT activists' }), act());
    expect(match).toEqual({
      score: 1,
      confident: true,
      reasons: ['same-type', 'same-place', 'dates-overlap', 'counts-compatible', 'same-victim-group'],
    });
  });

  it('matches "more than 100" with "at least 100" over a month that contains the other date', () => {
    const seed = act({ victimsMin: 100, victimsMax: null, victimGroup: 'men', placeName: 'Chechnya' });
    const article = { ...seed, dateFrom: '2017-03-01', dateTo: '2017-03-31' };
    const match = scoreActMatch(article, { ...seed, dateFrom: '2017-03-10', dateTo: '2017-03-10' });
    expect(match?.confident).toBe(true);
    expect(match?.reasons).toContain('counts-compatible');
  });

  it('rules out another type, another place, another country and dates that cannot overlap', () => {
    expect(scoreActMatch(act({ type: 'killing' }), act())).toBeNull();
    expect(scoreActMatch(act({ placeName: 'Chechnya' }), act())).toBeNull();
    expect(scoreActMatch(act({ placeName: null, country: 'UA' }), act({ placeName: null }))).toBeNull();
    expect(scoreActMatch(act({ dateFrom: '2017-03-01', dateTo: '2017-03-31' }), act())).toBeNull();
  });

  it('is not confident when counts disagree or nothing places or dates the act', () => {
    const counts = scoreActMatch(act({ victimsMin: 100, victimsMax: 120 }), act());
    expect(counts?.reasons).not.toContain('counts-compatible');
    expect(counts?.confident).toBe(false);
    const undated = scoreActMatch(act({ dateFrom: null, dateTo: null }), act());
    expect(undated?.confident).toBe(false);
    const unplaced = scoreActMatch(act({ placeName: null, country: null }), act());
    expect(unplaced?.confident).toBe(false);
  });

  it('keeps a small disagreement on counts compatible ("5" and "6 activists")', () => {
    expect(scoreActMatch(act({ victimsMin: 6, victimsMax: 6 }), act())?.confident).toBe(true);
  });

  it('is symmetric in what it rules out and deterministic in its score', () => {
    const a = act({ victimsMin: 100, victimsMax: null });
    const b = act({ victimsMin: 90, victimsMax: 110, victimGroup: 'men' });
    expect(scoreActMatch(a, b)?.score).toBe(scoreActMatch(b, a)?.score);
  });
});

describe('bestActMatch', () => {
  it('picks the recorded act that scores highest, or none', () => {
    const moscow = { ...act(), id: 'moscow' };
    const other = { ...act({ victimsMin: 40, victimsMax: 40, victimGroup: 'journalists' }), id: 'other' };
    expect(bestActMatch(act(), [other, moscow])?.act.id).toBe('moscow');
    expect(bestActMatch(act({ type: 'torture' }), [other, moscow])).toBeNull();
  });
});
