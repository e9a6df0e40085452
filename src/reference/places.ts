import { join } from 'node:path';
import { dataDir } from './paths.js';
import { listCell, readTsv } from './tsv.js';
import type { Place, PlaceKind, PlaceTerm } from './types.js';

export type { Place, PlaceKind, PlaceRule, PlaceTerm } from './types.js';

export const placeKinds: readonly PlaceKind[] = ['capital', 'city', 'port', 'region'];

// A name with a parenthesised note ("Panamá (provincia)") is for display only.
const displayOnly = (name: string) => name.includes('(');
const coordinate = (cell: string | undefined, limit: number, path: string, row: number) => {
  if (!cell) return null;
  const value = Number(cell);
  if (!Number.isFinite(value) || Math.abs(value) > limit)
    throw new Error(`${path}: row ${row} has a coordinate out of range: ${cell}`);
  return value;
};

let cache: Place[] | undefined;

/** Loads `data/reference/places.tsv` once, checking ids, kinds, countries and coordinates. */
export function loadPlaces(path = join(dataDir, 'reference', 'places.tsv')): Place[] {
  const standard = path === join(dataDir, 'reference', 'places.tsv');
  if (cache && standard) return cache;
  const seen = new Set<string>();
  const places = readTsv(path).map((row, i): Place => {
    const n = i + 1;
    const id = row.id ?? '';
    const kind = row.kind as PlaceKind;
    const country = row.country ?? '';
    if (!/^place:[A-Z]{2}-[a-z0-9-]+$/.test(id) || !id.startsWith(`place:${country}-`))
      throw new Error(`${path}: row ${n} needs an id place:${country || 'XX'}-slug, has "${id}"`);
    if (seen.has(id)) throw new Error(`${path}: row ${n} repeats the id ${id}`);
    seen.add(id);
    if (!placeKinds.includes(kind))
      throw new Error(`${path}: row ${n} needs a kind of ${placeKinds.join(', ')}`);
    if (!row.name) throw new Error(`${path}: row ${n} has no name`);
    const lat = coordinate(row.lat, 90, path, n);
    const lon = coordinate(row.lon, 180, path, n);
    if ((lat === null) !== (lon === null)) throw new Error(`${path}: row ${n} has only one coordinate`);
    const context = listCell(row.context);
    const cue = listCell(row.cue);
    const weaker = new Set([...context, ...cue]);
    const sure = [row.name, ...listCell(row.aliases)].filter((t) => !weaker.has(t) && !displayOnly(t));
    const terms: PlaceTerm[] = [
      ...sure.map((term) => ({ term, needs: 'always' as const })),
      ...context.filter((t) => !displayOnly(t)).map((term) => ({ term, needs: 'context' as const })),
      ...cue
        .filter((t) => !displayOnly(t) && !context.includes(t))
        .map((term) => ({ term, needs: 'cue' as const })),
    ];
    return {
      id,
      kind,
      name: row.name.replace(/\s*\(.*\)\s*$/, ''),
      country,
      region: row.region || null,
      lat,
      lon,
      source: lat === null ? null : row.source || null,
      names: [...new Set([row.name, ...listCell(row.aliases), ...context, ...cue])],
      terms,
    };
  });
  if (standard) cache = places;
  return places;
}
