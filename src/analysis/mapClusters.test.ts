import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clusterActs, inBounds } from './mapClusters.ts';

const at = (latitude: number, longitude: number, incidentId = 'i1') => ({ latitude, longitude, incidentId });

describe('clusterActs', () => {
  it('makes one place mark for acts at one position and a cluster for acts spread in a cell', () => {
    const grozny = [at(43.3178, 45.6982, 'a'), at(43.3178, 45.6982, 'a'), at(43.3178, 45.6982, 'b')];
    const moscow = [at(55.7558, 37.6173, 'c')];
    const spread = [at(10.1, 20.1, 'd'), at(11.9, 21.9, 'e')];
    const marks = clusterActs([...grozny, ...moscow, ...spread], 2);
    expect(marks).toHaveLength(3);
    expect(marks[0]).toMatchObject({ kind: 'place', acts: 3, incidents: 2, latitude: 43.3178 });
    expect(marks.find((mark) => mark.acts === 2)).toMatchObject({
      kind: 'cluster',
      latitude: 11,
      longitude: 21,
      bounds: { south: 10, north: 12, west: 20, east: 22 },
    });
    expect(marks.find((mark) => mark.acts === 1)?.kind).toBe('place');
  });

  it('splits acts on either side of a cell edge, and counts negative coordinates in their own cells', () => {
    const marks = clusterActs([at(-0.5, -0.5), at(0.5, 0.5), at(-33.9, 18.4)], 1);
    expect(marks.map((mark) => mark.bounds)).toEqual(
      expect.arrayContaining([
        { south: -1, north: 0, west: -1, east: 0 },
        { south: 0, north: 1, west: 0, east: 1 },
        { south: -34, north: -33, west: 18, east: 19 },
      ]),
    );
  });

  it('refuses a nonsensical cell size', () => {
    expect(() => clusterActs([], 0)).toThrow(RangeError);
  });

  it('every act falls in exactly one mark, inside its bounds, and the counts add up (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            latitude: fc.double({ min: -90, max: 90, noNaN: true }),
            longitude: fc.double({ min: -180, max: 180, noNaN: true }),
            incidentId: fc.constantFrom('a', 'b', 'c'),
          }),
          { maxLength: 60 },
        ),
        fc.constantFrom(0.25, 0.5, 1, 2, 4, 8),
        (acts, cell) => {
          const marks = clusterActs(acts, cell);
          expect(marks.reduce((sum, mark) => sum + mark.acts, 0)).toBe(acts.length);
          for (const act of acts) {
            const containing = marks.filter((mark) => inBounds(mark.bounds, act.latitude, act.longitude));
            expect(containing).toHaveLength(1);
          }
          for (const mark of marks) expect(inBounds(mark.bounds, mark.latitude, mark.longitude)).toBe(true);
        },
      ),
    );
  });
});
