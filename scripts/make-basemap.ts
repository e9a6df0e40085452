/**
 * Writes web/src/map/basemap.json, the map's offline basemap: the countries of world-atlas's countries-50m.json
 * (Natural Earth 1:50m, public domain; world-atlas is ISC) whose shapes lie in the Americas (of a country with land
 * elsewhere too, such as the United States or France, only its parts in the Americas: see `americanShape`), already projected
 * (Mercator, as d3-geo's geoMercator draws it) to one SVG path per country. Coordinates are whole numbers of
 * `unit` radians, relative (SVG `m` and its implicit line-tos), so any Mercator view of the map (the big map fitted
 * to Latin America, a project's small map around its point) is this path under a scale and a translation: the
 * browser neither decodes nor projects anything. Run with `npx tsx scripts/make-basemap.ts` after updating
 * world-atlas; a test checks the committed file is what this script makes.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { basemapJson } from './basemap.js';

const path = fileURLToPath(new URL('../web/src/map/basemap.json', import.meta.url));
const json = basemapJson();
writeFileSync(path, json);
const { countries } = JSON.parse(json) as { countries: unknown[] };
console.log(`${countries.length} countries, ${(json.length / 1024).toFixed(0)} kB -> ${path}`);
