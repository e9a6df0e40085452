import { join } from 'node:path';
import { dataDir } from './paths.js';
import { readTsv } from './tsv.js';
import type { BlockTerm } from './types.js';

export type { BlockTerm } from './types.js';

let cache: BlockTerm[] | undefined;

/** Loads `data/reference/blocks.tsv` once. */
export function loadBlocks(): BlockTerm[] {
  if (cache) return cache;
  const path = join(dataDir, 'reference', 'blocks.tsv');
  cache = readTsv(path).map((row, i) => {
    if (!row.term) throw new Error(`${path}: row ${i + 1} has no term`);
    return { term: row.term, lang: row.lang || null };
  });
  return cache;
}
