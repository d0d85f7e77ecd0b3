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

/**
 * The acts of one grid square, summed: what the database returns for the map (store/stats.ts
 * actsOnGrid), so the server never holds one object per act.
 */
export interface GridCellActs {
  row: number;
  column: number;
  acts: number;
  incidents: number;
  latitudeSum: number;
  longitudeSum: number;
  latitudeMin: number;
  latitudeMax: number;
  longitudeMin: number;
  longitudeMax: number;
}

/** Groups acts on the grid in memory: the same sums the database makes, for callers holding acts. */
export function clusterActs(acts: readonly GeoAct[], cellDegrees: number): MapMark[] {
  checkCell(cellDegrees);
  const cells = new Map<string, GridCellActs & { incidentIds: Set<string> }>();
  for (const act of acts) {
    if (!Number.isFinite(act.latitude) || !Number.isFinite(act.longitude)) continue;
    const row = cellIndex(act.latitude, cellDegrees);
    const column = cellIndex(act.longitude, cellDegrees);
    const key = `${row}:${column}`;
    const cell = cells.get(key) ?? {
      row,
      column,
      acts: 0,
      incidents: 0,
      incidentIds: new Set<string>(),
      latitudeSum: 0,
      longitudeSum: 0,
      latitudeMin: act.latitude,
      latitudeMax: act.latitude,
      longitudeMin: act.longitude,
      longitudeMax: act.longitude,
    };
    cell.acts += 1;
    cell.incidentIds.add(act.incidentId);
    cell.incidents = cell.incidentIds.size;
    cell.latitudeSum += act.latitude;
    cell.longitudeSum += act.longitude;
    cell.latitudeMin = Math.min(cell.latitudeMin, act.latitude);
    cell.latitudeMax = Math.max(cell.latitudeMax, act.latitude);
    cell.longitudeMin = Math.min(cell.longitudeMin, act.longitude);
    cell.longitudeMax = Math.max(cell.longitudeMax, act.longitude);
    cells.set(key, cell);
  }
  return marksOfCells([...cells.values()], cellDegrees);
}

/**
 * One mark per grid square that holds acts: at their centroid, a `place` when they all lie within
 * ~10 m of one another on both axes (a city, a village), a `cluster` otherwise.
 */
export function marksOfCells(cells: readonly GridCellActs[], cellDegrees: number): MapMark[] {
  checkCell(cellDegrees);
  const marks = cells
    .filter((cell) => cell.acts > 0)
    .map(
      (cell): MapMark => ({
        kind:
          cell.latitudeMax - cell.latitudeMin < SAME_PLACE &&
          cell.longitudeMax - cell.longitudeMin < SAME_PLACE
            ? 'place'
            : 'cluster',
        latitude: centroid(cell.latitudeSum / cell.acts, cell.latitudeMin, cell.latitudeMax),
        longitude: centroid(cell.longitudeSum / cell.acts, cell.longitudeMin, cell.longitudeMax),
        bounds: boundsOf(cell.row, cell.column, cellDegrees),
        acts: cell.acts,
        incidents: cell.incidents,
      }),
    );
  // Largest first, so a renderer drawing in order puts small marks on top of large ones.
  return marks.sort((a, b) => b.acts - a.acts || a.latitude - b.latitude || a.longitude - b.longitude);
}

// A mean of doubles may round a hair past the extremes it averages (and so out of the square):
// it is kept between them.
const centroid = (mean: number, min: number, max: number) => Math.min(max, Math.max(min, mean));

function checkCell(cellDegrees: number): void {
  if (!(cellDegrees > 0 && cellDegrees <= 90)) throw new RangeError('cellDegrees must be in (0, 90]');
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
