import { registeredPacks } from '../extract/lang/index.js';
import type { Lexicon } from '../extract/lexicon.js';
import { loadBlocks } from './blocks.js';
import { loadCountries } from './countries.js';
import { loadBodies } from './organizations.js';
import { loadPersonNames } from './person-names.js';
import { loadPlaces } from './places.js';

/** Reads the extractor's lexicon: the reference lists of data/reference/*.tsv and the shipped language packs. */
export function loadLexicon(): Lexicon {
  return {
    countries: loadCountries(),
    blocks: loadBlocks(),
    bodies: loadBodies(),
    places: loadPlaces(),
    personNames: loadPersonNames(),
    languages: registeredPacks,
  };
}

let cached: Lexicon | undefined;

/** The default lexicon, read once per process (per worker thread) and shared by every extraction. */
export function defaultLexicon(): Lexicon {
  cached ??= loadLexicon();
  return cached;
}
