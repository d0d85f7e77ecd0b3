import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clusterActs, type GeoAct } from './mapClusters.ts';
import { hiddenMarks, markKey } from './publicMarks.ts';

const CELLS = [8, 4, 2, 1, 0.5, 0.25];
const at = (latitude: number, longitude: number, n: number, incidentId = 'i'): GeoAct[] =>
  Array.from({ length: n }, () => ({ latitude, longitude, incidentId }));
const levelsOf = (acts: readonly GeoAct[]) => CELLS.map((cell) => ({ cell, marks: clusterActs(acts, cell) }));

describe('hiddenMarks', () => {
  it('the attack: zooming from 8° to 4° cannot place the 2 acts a shown 7 leaves over', () => {
    // One 8° square [40, 48) × [40, 48): 5 acts in its 4° square at the south-west, 2 in the north-east.
    const acts = [...at(41, 41, 5), ...at(46, 46, 2)];
    const hidden = hiddenMarks(levelsOf(acts), 5);
    expect(hidden.get(8)!.size).toBe(0);
    const four = clusterActs(acts, 4);
    // Hiding only the 2 would leave 7 − 5 = 2 acts in the rest of the 8° square: the 5 goes too.
    expect(four.every((mark) => hidden.get(4)!.has(markKey(mark)))).toBe(true);
    // And every finer grid inside a hidden mark is hidden.
    for (const cell of [2, 1, 0.5, 0.25])
      expect(clusterActs(acts, cell).every((mark) => hidden.get(cell)!.has(markKey(mark)))).toBe(true);
  });

  it('leaves marks shown when what they hide is none or at least the threshold', () => {
    const acts = [...at(41, 41, 6), ...at(46, 46, 5)];
    const hidden = hiddenMarks(levelsOf(acts), 5);
    expect(hidden.get(4)!.size).toBe(0);
  });

  it('hides a forced mark; its 7 acts, left over in the square, need no partner', () => {
    const acts = [...at(41, 41, 6), ...at(46, 46, 7), ...at(41, 46, 20)];
    const levels = levelsOf(acts).map((level) =>
      level.cell === 4 ? { ...level, forced: new Set([markKey(clusterActs(at(46, 46, 1), 4)[0]!)]) } : level,
    );
    const hidden = hiddenMarks(levels, 5);
    const keyOf = (latitude: number, longitude: number) =>
      markKey(clusterActs(at(latitude, longitude, 1), 4)[0]!);
    expect([...hidden.get(4)!]).toEqual([keyOf(46, 46)]);
  });

  it('inside every shown mark the hidden acts one grid down are none or ≥ threshold (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.double({ min: 40, max: 47.99, noNaN: true }),
            fc.double({ min: 40, max: 47.99, noNaN: true }),
            fc.integer({ min: 1, max: 7 }),
          ),
          { minLength: 1, maxLength: 12 },
        ),
        fc.integer({ min: 2, max: 8 }),
        (spots, threshold) => {
          const acts = spots.flatMap(([latitude, longitude, n]) => at(latitude, longitude, n));
          const levels = levelsOf(acts);
          const hidden = hiddenMarks(levels, threshold);
          for (const [index, level] of levels.entries()) {
            for (const mark of level.marks)
              if (mark.acts < threshold) expect(hidden.get(level.cell)!.has(markKey(mark))).toBe(true);
            const finer = levels[index + 1];
            if (!finer) continue;
            for (const mark of level.marks) {
              const inside = finer.marks.filter(
                (child) =>
                  child.bounds.south >= mark.bounds.south &&
                  child.bounds.south < mark.bounds.north &&
                  child.bounds.west >= mark.bounds.west &&
                  child.bounds.west < mark.bounds.east,
              );
              const hiddenActs = inside
                .filter((child) => hidden.get(finer.cell)!.has(markKey(child)))
                .reduce((sum, child) => sum + child.acts, 0);
              if (hidden.get(level.cell)!.has(markKey(mark))) expect(hiddenActs).toBe(mark.acts);
              else expect(hiddenActs === 0 || hiddenActs >= threshold).toBe(true);
            }
          }
        },
      ),
    );
  });
});
