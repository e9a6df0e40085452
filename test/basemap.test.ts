import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { geoMercator, geoPath, type GeoContext } from 'd3-geo';
import type { Feature, Geometry } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryObject, Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import { basemapJson } from '../scripts/basemap.js';
import { repoRoot } from '../src/reference/paths.js';

interface Basemap {
  unit: number;
  countries: { id: string; name: string; d: string }[];
}
const committed = readFileSync(join(repoRoot, 'web', 'src', 'map', 'basemap.json'), 'utf8');

/** The rings of an SVG path of relative `m`s, number pairs (relative line-tos) and `z`s, as absolute points. */
function pathRings(d: string): [number, number][][] {
  const rings: [number, number][][] = [];
  let [x, y] = [0, 0];
  for (const [, numbers = ''] of d.matchAll(/m([^mz]*)z/g)) {
    const values = numbers.match(/-?\d+/g)?.map(Number) ?? [];
    const ring: [number, number][] = [];
    for (let i = 0; i + 1 < values.length; i += 2)
      ring.push([(x += values[i] ?? 0), (y += values[i + 1] ?? 0)]);
    rings.push(ring);
    // `z` takes the pen back to the ring's first point.
    [x, y] = ring[0] ?? [x, y];
  }
  return rings;
}

describe('the map’s basemap', () => {
  it('is what scripts/make-basemap.ts makes of world-atlas (run it again after updating world-atlas)', () => {
    expect(committed === basemapJson()).toBe(true);
  });

  it('holds, point for point, the rings d3-geo draws of each country, rounded to whole units', () => {
    const basemap = JSON.parse(committed) as Basemap;
    const require = createRequire(import.meta.url);
    const world = JSON.parse(
      readFileSync(require.resolve('world-atlas/countries-50m.json'), 'utf8'),
    ) as Topology;
    const collection = world.objects.countries as unknown as {
      geometries: GeometryObject<{ name: string }>[];
    };
    const shapes = new Map(
      collection.geometries.map((g) => [
        String(g.id),
        feature(world, g) as Feature<Geometry, { name: string }>,
      ]),
    );
    const projection = geoMercator()
      .scale(1 / basemap.unit)
      .translate([0, 0]);
    expect(basemap.countries.length).toBe(56);
    for (const country of basemap.countries) {
      const shape = shapes.get(country.id);
      expect(shape?.properties.name).toBe(country.name);
      const rings: [number, number][][] = [];
      const round = (v: number) => Math.round(v) || 0; // no -0
      const context: GeoContext = {
        beginPath: () => undefined,
        moveTo: (x, y) => void rings.push([[round(x), round(y)]]),
        lineTo: (x, y) => void rings.at(-1)?.push([round(x), round(y)]),
        closePath: () => undefined,
        arc: () => undefined,
      };
      geoPath(projection, context)(shape as Feature);
      // Rounded, a ring repeats no point, and one with fewer than three points left is not drawn.
      const expected = rings
        .map((ring) =>
          ring.filter(([x, y], i) => i === 0 || x !== ring[i - 1]?.[0] || y !== ring[i - 1]?.[1]),
        )
        .map((ring) => (String(ring[0]) === String(ring.at(-1)) ? ring.slice(0, -1) : ring))
        .filter((ring) => ring.length >= 3);
      expect(pathRings(country.d)).toEqual(expected);
    }
  });
});
