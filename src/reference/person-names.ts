import { join } from 'node:path';
import { PuenteError } from '../domain/errors.js';
import { dataDir } from './paths.js';
import { foldName } from '../util/fold-name.js';
import { readTsv } from './tsv.js';
import type { PersonNames } from './types.js';

export type { PersonNames } from './types.js';
export { foldName } from '../util/fold-name.js';

let cache: PersonNames | undefined;

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
