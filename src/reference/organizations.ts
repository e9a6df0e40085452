import { join } from 'node:path';
import { dataDir } from './paths.js';
import { listCell, readTsv } from './tsv.js';

/** An organization, mechanism or policy of the reference list, with the names it goes by. */
export interface KnownBody {
  id: string;
  type: 'organization' | 'mechanism' | 'policy';
  name: string;
  aliases: string[];
  /** ISO 3166-1 alpha-2 of the home country, or null for multilateral bodies */
  country: string | null;
  kind: string;
  /** the plan or programme a policy belongs to, or null */
  partOf: string | null;
}

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
