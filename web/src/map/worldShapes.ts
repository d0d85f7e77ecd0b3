/**
 * Country outlines shipped with the app (Natural Earth 1:110m via world-atlas, public domain), so
 * the map needs no tile server: a tile request would tell a third party where our users look.
 * Projected once, equirectangular, to SVG path strings keyed by ISO 3166-1 alpha-2 code.
 */

import type { Position } from 'geojson';
import codes from 'i18n-iso-countries/codes.json';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import world from 'world-atlas/countries-110m.json';

export const MAP_WIDTH = 960;
export const MAP_HEIGHT = 420;
// Latitudes shown: Antarctica and the far north take space without carrying incidents.
const TOP = 84;
const BOTTOM = -58;

export interface CountryShape {
  /** ISO 3166-1 alpha-2, or the numeric id when the code is unknown (disputed areas). */
  code: string;
  name: string;
  path: string;
  /** Where to anchor a label or marker: the centre of the largest ring's bounding box. */
  centre: [number, number];
}

const numericToAlpha2 = new Map<string, string>((codes as string[][]).map((row) => [row[2]!, row[0]!]));

export function project([lon, lat]: Position): [number, number] {
  const x = ((lon! + 180) / 360) * MAP_WIDTH;
  const y = ((TOP - lat!) / (TOP - BOTTOM)) * MAP_HEIGHT;
  return [x, y];
}

/**
 * Natural Earth rings that cross the antimeridian (Russia's Chukotka, Fiji) jump from +180 to -180.
 * Unwrapping keeps longitudes continuous (up to ±360); such a ring is then drawn twice, shifted by
 * 360°, and the SVG viewport clips each copy to the part that belongs on screen.
 */
function unwrap(ring: Position[]): Position[] {
  let offset = 0;
  let previous = ring[0]?.[0] ?? 0;
  return ring.map(([lon, lat]) => {
    if (lon! - previous > 180) offset -= 360;
    else if (previous - lon! > 180) offset += 360;
    previous = lon!;
    return [lon! + offset, lat!];
  });
}

function ringPath(ring: Position[]): string {
  const points = ring.map(
    (p, i) =>
      `${i ? 'L' : 'M'}${project(p)
        .map((n) => n.toFixed(1))
        .join(',')}`,
  );
  return `${points.join('')}Z`;
}

function ringPaths(ring: Position[]): string {
  const unwrapped = unwrap(ring);
  const lons = unwrapped.map((p) => p[0]!);
  let path = ringPath(unwrapped);
  if (Math.max(...lons) > 180) path += ringPath(unwrapped.map(([lon, lat]) => [lon! - 360, lat!]));
  if (Math.min(...lons) < -180) path += ringPath(unwrapped.map(([lon, lat]) => [lon! + 360, lat!]));
  return path;
}

function boxCentre(ring: Position[]): { centre: [number, number]; area: number } {
  const points = unwrap(ring).map(project);
  const xs = points.map((p) => p[0]);
  const ys = points.map((p) => p[1]);
  const [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  const x = ((((x0 + x1) / 2) % MAP_WIDTH) + MAP_WIDTH) % MAP_WIDTH;
  return { centre: [x, (y0 + y1) / 2], area: (x1 - x0) * (y1 - y0) };
}

export function worldShapes(): CountryShape[] {
  const topology = world as unknown as Topology<{ countries: GeometryCollection<{ name: string }> }>;
  const collection = feature(topology, topology.objects.countries);
  const shapes: CountryShape[] = [];
  for (const country of collection.features) {
    const geometry = country.geometry;
    const polygons =
      geometry.type === 'Polygon'
        ? [geometry.coordinates]
        : geometry.type === 'MultiPolygon'
          ? geometry.coordinates
          : [];
    if (!polygons.length) continue;
    const outer = polygons.map((polygon) => boxCentre(polygon[0]!)).sort((a, b) => b.area - a.area)[0]!;
    const id = String(country.id ?? '');
    shapes.push({
      code: numericToAlpha2.get(id.padStart(3, '0')) ?? id,
      name: country.properties?.name ?? id,
      path: polygons.map((polygon) => polygon.map(ringPaths).join('')).join(''),
      centre: outer.centre,
    });
  }
  return shapes;
}
