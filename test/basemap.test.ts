import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { geoMercator, geoPath, type GeoContext } from 'd3-geo';
import type { Feature, Geometry } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryObject, Topology } from 'topojson-specification';
import { describe, expect, it } from 'vitest';
import { americanShape, basemapJson } from '../scripts/basemap.js';
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
    expect(basemap.countries.length).toBe(59);
    for (const country of basemap.countries) {
      const whole = shapes.get(country.id);
      expect(whole?.properties.name).toBe(country.name);
      // A country with land outside the Americas too (the US, France) is drawn with its parts inside them.
      const shape = whole && americanShape(whole);
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

  it('draws the United States and the French and Dutch Caribbean, without their land beyond the Americas', () => {
    const basemap = JSON.parse(committed) as Basemap;
    // Each country's extent in degrees of longitude, from its path's units.
    const extent = new Map(
      basemap.countries.map((c) => {
        const xs = pathRings(c.d).flatMap((ring) => ring.map(([x]) => (x * basemap.unit * 180) / Math.PI));
        return [c.name, [Math.min(...xs), Math.max(...xs)]] as const;
      }),
    );
    // The US from the Aleutians east of 170°W to Maine: its islands across the antimeridian are left out, which
    // a Mercator map without rotation would draw at the far right.
    const us = extent.get('United States of America');
    expect(us?.[0]).toBeGreaterThanOrEqual(-170.5);
    expect(us?.[1]).toBeCloseTo(-67, 0);
    // France is French Guiana, Guadeloupe and Martinique; the Netherlands are Bonaire, Sint Eustatius and Saba.
    expect(extent.get('France')).toEqual([expect.closeTo(-61.8, 1), expect.closeTo(-51.7, 1)]);
    expect(extent.get('Netherlands')?.[1]).toBeLessThan(-62);
    for (const [name, [west, east]] of extent) {
      expect(west, name).toBeGreaterThanOrEqual(-180);
      expect(east, name).toBeLessThan(0);
    }
    for (const elsewhere of ['Russia', 'Portugal', 'Cabo Verde', 'New Zealand', 'Fiji', 'Spain'])
      expect(extent.has(elsewhere), elsewhere).toBe(false);
  });
});
