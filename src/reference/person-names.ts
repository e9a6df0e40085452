import { join } from 'node:path';
import { PuenteError } from '../domain/errors.js';
import { dataDir } from './paths.js';
import { readTsv } from './tsv.js';

/** First names (en/es/pt) and Chinese family names, which tell a capitalised phrase is a person's name. */
export interface PersonNames {
  /** first names, without accents (look them up through foldName) */
  given: Set<string>;
  chineseFamily: Set<string>;
}

let cache: PersonNames | undefined;

/** A name without accents, as the given-name set keys it ("Édgar" and "Edgar" are one name). */
export const foldName = (name: string) => name.normalize('NFD').replace(/\p{M}/gu, '');

/** Loads `data/reference/person-names.tsv` once. */
export function loadPersonNames(path = join(dataDir, 'reference', 'person-names.tsv')): PersonNames {
  if (cache) return cache;
  const names: PersonNames = { given: new Set(), chineseFamily: new Set() };
  readTsv(path).forEach((row, i) => {
    const name = row.name ?? '';
    if (row.kind === 'given' && name) names.given.add(foldName(name));
    else if (row.kind === 'family-zh' && name) names.chineseFamily.add(name);
    else
      throw new PuenteError(
        'internal',
        `${path}: row ${i + 1} needs a kind of given or family-zh and a name`,
      );
  });
  cache = names;
  return names;
}
