/**
 * A square on the map written into a URL: `south,west,north,east` in decimal degrees. The map's
 * marks link to the incident list with it (`/incidents?area=…`), so the list shows the incidents
 * with an act inside the mark's square (south ≤ latitude < north, west ≤ longitude < east).
 */
import { z } from 'zod';

export interface GeoArea {
  south: number;
  west: number;
  north: number;
  east: number;
}

const NUMBER = '-?\\d{1,3}(?:\\.\\d{1,7})?';

export const GeoAreaParam = z
  .string()
  .regex(new RegExp(`^${NUMBER}(?:,${NUMBER}){3}$`), 'must be south,west,north,east in decimal degrees')
  .transform((text) => {
    const [south, west, north, east] = text.split(',').map(Number) as [number, number, number, number];
    return { south, west, north, east };
  })
  .refine(
    (area) =>
      area.south >= -90 &&
      area.north <= 90.000001 &&
      area.west >= -180 &&
      area.east <= 180.000001 &&
      area.south < area.north &&
      area.west < area.east,
    'must be south < north within ±90 and west < east within ±180',
  );

/** The URL form of an area (what GeoAreaParam reads back). */
export function formatArea(area: GeoArea): string {
  return [area.south, area.west, area.north, area.east]
    .map((value) => String(Number(value.toFixed(7))))
    .join(',');
}
