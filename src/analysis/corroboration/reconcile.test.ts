import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  actStatus,
  chosenFigure,
  claimsMoreThan,
  figureRange,
  supportedIncidentStatus,
} from './reconcile.ts';

describe('figures reconcile', () => {
  it('gives the range of the reports and chooses the lowest lower bound by default', () => {
    const range = figureRange([
      { victimsMin: 100, victimsMax: null },
      { victimsMin: 120, victimsMax: 200 },
    ]);
    expect(range).toEqual({ min: 100, max: null });
    expect(chosenFigure(range, null)).toBe(100);
    expect(chosenFigure(range, 150)).toBe(150);
    expect(
      figureRange([
        { victimsMin: 5, victimsMax: 5 },
        { victimsMin: 4, victimsMax: 6 },
      ]),
    ).toEqual({ min: 4, max: 6 });
    expect(figureRange([{ victimsMin: null, victimsMax: null }])).toEqual({ min: null, max: null });
  });

  it('never chooses more than any source reports as its lower bound (property)', () => {
    const figure = fc.record({
      victimsMin: fc.option(fc.integer({ min: 0, max: 10_000 }), { nil: null }),
      victimsMax: fc.option(fc.integer({ min: 0, max: 10_000 }), { nil: null }),
    });
    fc.assert(
      fc.property(fc.array(figure, { minLength: 1, maxLength: 6 }), (figures) => {
        const chosen = chosenFigure(figureRange(figures), null);
        const lows = figures.filter((f) => f.victimsMin !== null).map((f) => f.victimsMin!);
        if (lows.length > 0) expect(chosen).toBeLessThanOrEqual(Math.min(...lows));
      }),
    );
  });
});

describe('statuses follow the evidence', () => {
  it('alleged with one independent report, corroborated with two, verified by a person', () => {
    expect(actStatus(1, false)).toBe('alleged');
    expect(actStatus(2, false)).toBe('corroborated');
    expect(actStatus(1, true)).toBe('verified');
  });

  it('lets an incident claim no more than its best-supported act', () => {
    expect(supportedIncidentStatus([])).toBe('alleged');
    expect(supportedIncidentStatus(['alleged', 'corroborated'])).toBe('corroborated');
    expect(claimsMoreThan('verified', 'corroborated')).toBe(true);
    expect(claimsMoreThan('alleged', 'corroborated')).toBe(false);
  });
});
