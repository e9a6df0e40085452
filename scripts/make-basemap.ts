/**
 * Writes web/src/map/americas-50m.json, the map's offline basemap: the countries of world-atlas's
 * countries-50m.json (Natural Earth 1:50m, public domain; world-atlas is ISC) whose shapes lie in the Americas,
 * as TopoJSON with only the arcs they use. Run with `npx tsx scripts/make-basemap.ts` after updating world-atlas.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { geoBounds } from 'd3-geo';
import { feature } from 'topojson-client';
import type { GeometryObject, Topology } from 'topojson-specification';

const require = createRequire(import.meta.url);
const world = JSON.parse(readFileSync(require.resolve('world-atlas/countries-50m.json'), 'utf8')) as Topology;
const countries = world.objects.countries as unknown as {
  type: 'GeometryCollection';
  geometries: GeometryObject[];
};

/** Whether a country's shape is in the western hemisphere between Tierra del Fuego and the Arctic. */
function inAmericas(g: GeometryObject): boolean {
  const [[west, south], [east, north]] = geoBounds(feature(world, g));
  const middle = west <= east ? (west + east) / 2 : -180;
  return middle > -170 && middle < -25 && north > -60 && south < 84;
}

const kept = countries.geometries.filter(inAmericas);
// Arcs are shared between neighbours; keep the used ones and number them anew (~i is arc i reversed).
const used = new Map<number, number>();
const renumber = (arcs: unknown): unknown =>
  Array.isArray(arcs)
    ? arcs.map((a) => {
        if (typeof a !== 'number') return renumber(a);
        const index = a < 0 ? ~a : a;
        if (!used.has(index)) used.set(index, used.size);
        const n = used.get(index) ?? 0;
        return a < 0 ? ~n : n;
      })
    : arcs;
const geometries = kept.map((g) => {
  const { arcs, ...rest } = g as GeometryObject & { arcs?: unknown };
  return { ...rest, arcs: renumber(arcs) };
});
const arcs = [...used.keys()].map((i) => world.arcs[i]);
const out = {
  type: 'Topology',
  transform: world.transform,
  objects: { countries: { type: 'GeometryCollection', geometries } },
  arcs,
};
const path = fileURLToPath(new URL('../web/src/map/americas-50m.json', import.meta.url));
writeFileSync(path, JSON.stringify(out));
console.log(`${geometries.length} countries, ${arcs.length} arcs -> ${path}`);
