import { join } from 'node:path';
import { dataDir } from './paths.js';
import { listCell, readTsv } from './tsv.js';
import type { KnownBody } from './types.js';

export type { KnownBody } from './types.js';

const bodyTypes = new Set(['organization', 'mechanism', 'policy']);
let cache: KnownBody[] | undefined;

/** Loads `data/reference/organizations.tsv` once. */
export function loadBodies(): KnownBody[] {
  if (cache) return cache;
  const path = join(dataDir, 'reference', 'organizations.tsv');
  cache = readTsv(path).map((row, i) => {
    const type = row.type ?? '';
    if (!bodyTypes.has(type) || !row.id || !row.name) {
      throw new Error(`${path}: row ${i + 1} needs an id, a name and a type of ${[...bodyTypes].join(', ')}`);
    }
    return {
      id: row.id,
      type: type as KnownBody['type'],
      name: row.name,
      aliases: listCell(row.aliases),
      country: row.country || null,
      kind: row.kind ?? '',
      partOf: row.part_of || null,
    };
  });
  return cache;
}
