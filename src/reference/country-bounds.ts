import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { geoBounds } from 'd3-geo';
import type { Feature, Geometry } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryObject, Topology } from 'topojson-specification';

/** A box [[west, south], [east, north]] in degrees; west > east when it crosses the antimeridian. */
export type Bounds = [[number, number], [number, number]];

let cache: Map<string, Bounds> | null = null;

/**
 * Each country's bounds by its ISO 3166-1 numeric code ("032"), from Natural Earth's 1:50m Admin 0 shapes (the
 * npm package world-atlas, which the map's basemap is made from too). Read once.
 */
export function countryBounds(): Map<string, Bounds> {
  if (cache) return cache;
  const require = createRequire(import.meta.url);
  const world = JSON.parse(
    readFileSync(require.resolve('world-atlas/countries-50m.json'), 'utf8'),
  ) as Topology;
  const collection = world.objects.countries as unknown as { geometries: GeometryObject[] };
  cache = new Map(
    collection.geometries
      .filter((g) => g.id !== undefined)
      .map((g) => [String(g.id), geoBounds(feature(world, g) as Feature<Geometry>) as Bounds]),
  );
  return cache;
}

/**
 * Whether a point lies within bounds widened by `margin` degrees (a province's centroid on a small island or a
 * coast may fall just outside the 1:50m shapes).
 */
export function withinBounds([[west, south], [east, north]]: Bounds, lon: number, lat: number, margin = 0.5) {
  if (lat < south - margin || lat > north + margin) return false;
  return west <= east
    ? lon >= west - margin && lon <= east + margin
    : lon >= west - margin || lon <= east + margin;
}
