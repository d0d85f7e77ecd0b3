/**
 * Marks for the map: acts with coordinates grouped on a grid of `cellDegrees` squares, so a
 * thousand acts in one city are one mark with a number and not a thousand overlapping dots.
 *
 * A grid and not distance clustering, on purpose: a cell's bounds say exactly which acts the mark
 * stands for (every act whose latitude and longitude fall in [south, north) × [west, east)), so
 * the mark can link to "the incidents with an act in this square" and the list shows the same
 * acts the mark counted. A mark is a `place` when all its acts share one position (a city, a
 * village), a `cluster` when they are spread over the square; it is drawn at the acts' centroid.
 */

export interface GeoAct {
  latitude: number;
  longitude: number;
  incidentId: string;
}

export interface MapMark {
  kind: 'place' | 'cluster';
  /** The centroid of the mark's acts. */
  latitude: number;
  longitude: number;
  /** The grid cell: the mark counts exactly the acts inside [south, north) × [west, east). */
  bounds: { south: number; west: number; north: number; east: number };
  acts: number;
  incidents: number;
}

/** Positions closer than this (degrees, ~10 m) are one place. */
const SAME_PLACE = 1e-4;

export function clusterActs(acts: readonly GeoAct[], cellDegrees: number): MapMark[] {
  if (!(cellDegrees > 0 && cellDegrees <= 90)) throw new RangeError('cellDegrees must be in (0, 90]');
  const cells = new Map<string, { row: number; column: number; members: GeoAct[] }>();
  for (const act of acts) {
    if (!Number.isFinite(act.latitude) || !Number.isFinite(act.longitude)) continue;
    const row = cellIndex(act.latitude, cellDegrees);
    const column = cellIndex(act.longitude, cellDegrees);
    const key = `${row}:${column}`;
    const cell = cells.get(key) ?? { row, column, members: [] };
    cell.members.push(act);
    cells.set(key, cell);
  }
  const marks = [...cells.values()].map(({ row, column, members }): MapMark => {
    const latitude = members.reduce((sum, act) => sum + act.latitude, 0) / members.length;
    const longitude = members.reduce((sum, act) => sum + act.longitude, 0) / members.length;
    const first = members[0]!;
    const onePlace = members.every(
      (act) =>
        Math.abs(act.latitude - first.latitude) < SAME_PLACE &&
        Math.abs(act.longitude - first.longitude) < SAME_PLACE,
    );
    return {
      kind: onePlace ? 'place' : 'cluster',
      latitude,
      longitude,
      bounds: boundsOf(row, column, cellDegrees),
      acts: members.length,
      incidents: new Set(members.map((act) => act.incidentId)).size,
    };
  });
  // Largest first, so a renderer drawing in order puts small marks on top of large ones.
  return marks.sort((a, b) => b.acts - a.acts || a.latitude - b.latitude || a.longitude - b.longitude);
}

/** The cell holding `value`, corrected where the division rounds across an edge (-5e-324 / 4 = -0). */
function cellIndex(value: number, cellDegrees: number): number {
  let index = Math.floor(value / cellDegrees);
  if (value < index * cellDegrees) index -= 1;
  else if (value >= (index + 1) * cellDegrees) index += 1;
  return index;
}

/** The square of row `row`, column `column`, clamped to the globe (the poles and the antimeridian). */
export function boundsOf(row: number, column: number, cellDegrees: number): MapMark['bounds'] {
  const clamp = (value: number, limit: number) => Math.max(-limit, Math.min(limit, value));
  return {
    south: clamp(row * cellDegrees, 90),
    north: row * cellDegrees + cellDegrees > 90 ? 90.000001 : (row + 1) * cellDegrees,
    west: clamp(column * cellDegrees, 180),
    east: column * cellDegrees + cellDegrees > 180 ? 180.000001 : (column + 1) * cellDegrees,
  };
}

/** Whether a position lies in a mark's square (the same half-open rule the grid uses). */
export function inBounds(bounds: MapMark['bounds'], latitude: number, longitude: number): boolean {
  return (
    latitude >= bounds.south && latitude < bounds.north && longitude >= bounds.west && longitude < bounds.east
  );
}
