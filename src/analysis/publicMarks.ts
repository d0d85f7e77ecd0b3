/**
 * Which map marks a public map may show. The grids nest (every cell size is a power of two, so a
 * square of one size is exactly four of the next smaller), and a reader can zoom: a mark of 7 acts
 * at 8° beside one of 5 at 4° inside it puts the other 2 acts in the rest of that 8° square, and
 * at 0.5° and 0.25° that is a few villages. So, from the coarsest grid down to the one asked for:
 *   - a mark with fewer acts than the threshold is hidden, and so is every mark a caller forces
 *     (a filtered map's marks that the map with one filter fewer hides or would give away:
 *     linkedTables.ts);
 *   - a mark inside a hidden mark of the grid above is hidden (else the marks inside add up to it);
 *   - inside a shown mark of the grid above, the acts of its hidden marks must be none or at least
 *     the threshold; the smallest shown marks there are hidden until they are. Hidden marks are
 *     left off the map, so a reader knows neither how many there are nor where: only that the
 *     square holds that many more acts, never a small number.
 */
import { boundsOf, type MapMark } from './mapClusters.ts';

/** A mark's identity across requests: its square's south-west corner and size. */
export function markKey(mark: Pick<MapMark, 'bounds'>): string {
  return `${mark.bounds.south},${mark.bounds.west}`;
}

export interface MarkLevel {
  cell: number;
  marks: readonly MapMark[];
  /** Keys (markKey) hidden whatever their count. */
  forced?: ReadonlySet<string>;
}

/**
 * The keys of the marks hidden at each level. `levels` go from the coarsest grid to the finest,
 * each cell size half the one before or smaller by a power of two.
 */
export function hiddenMarks(levels: readonly MarkLevel[], threshold: number): Map<number, Set<string>> {
  const result = new Map<number, Set<string>>();
  let above: { cell: number; hidden: Set<string>; keys: Set<string> } | null = null;
  for (const level of levels) {
    const hidden = new Set<string>();
    for (const mark of level.marks)
      if (mark.acts < threshold || level.forced?.has(markKey(mark))) hidden.add(markKey(mark));
    if (above) {
      const outer = above;
      // The square's middle is never on an edge of the grid above, so rounding cannot misplace it.
      const parentKey = (mark: MapMark) => {
        const middle = (low: number, high: number) => (low + Math.min(high, low + level.cell)) / 2;
        const latitude = middle(mark.bounds.south, mark.bounds.north);
        const longitude = middle(mark.bounds.west, mark.bounds.east);
        return markKey({
          bounds: boundsOf(Math.floor(latitude / outer.cell), Math.floor(longitude / outer.cell), outer.cell),
        });
      };
      const inside = new Map<string, MapMark[]>();
      for (const mark of level.marks) {
        const key = parentKey(mark);
        if (outer.hidden.has(key) || !outer.keys.has(key)) hidden.add(markKey(mark));
        else inside.set(key, [...(inside.get(key) ?? []), mark]);
      }
      for (const marks of inside.values()) {
        const hiddenActs = () =>
          marks.reduce((sum, mark) => sum + (hidden.has(markKey(mark)) ? mark.acts : 0), 0);
        const shown = marks
          .filter((mark) => !hidden.has(markKey(mark)))
          .sort((a, b) => a.acts - b.acts || markKey(a).localeCompare(markKey(b)));
        while (hiddenActs() > 0 && hiddenActs() < threshold && shown.length > 0)
          hidden.add(markKey(shown.shift()!));
      }
    }
    result.set(level.cell, hidden);
    above = { cell: level.cell, hidden, keys: new Set(level.marks.map(markKey)) };
  }
  return result;
}
