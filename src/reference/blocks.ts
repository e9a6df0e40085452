import { join } from 'node:path';
import { dataDir } from './paths.js';
import { readTsv } from './tsv.js';

/** A longer name that contains a country or place name but is not that country or place ("New Mexico", "US$"). */
export interface BlockTerm {
  term: string;
  /** the one language whose documents the block applies to; null for any */
  lang: string | null;
}

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
