import type { BlockTerm, Country, KnownBody, PersonNames, Place } from '../reference/types.js';
import { languageSet, type Languages } from './lang/languages.js';
import type { LanguagePack } from './lang/pack.js';

/**
 * What the extractor knows besides the text: the gazetteers (countries, the longer names that block them,
 * organizations, mechanisms and policies, places, person names) and the language packs. The caller builds it once
 * (src/reference/lexicon.ts reads data/reference/*.tsv) and passes it to every extraction; a test may hand in its own.
 */
export interface Lexicon {
  countries: readonly Country[];
  blocks: readonly BlockTerm[];
  bodies: readonly KnownBody[];
  places: readonly Place[];
  personNames: PersonNames;
  /** the language packs, in the order their words are tried where one pattern serves every language */
  languages: readonly LanguagePack[];
}

/**
 * A value a module builds once per lexicon (a gazetteer, a lookup table), then reuses. Keyed by the lexicon object:
 * build a lexicon once and pass the same object, or every extraction rebuilds its gazetteers.
 */
export function perLexicon<T>(build: (lexicon: Lexicon) => T): (lexicon: Lexicon) => T {
  const cache = new WeakMap<Lexicon, T>();
  return (lexicon) => {
    let value = cache.get(lexicon);
    if (value === undefined) {
      value = build(lexicon);
      cache.set(lexicon, value);
    }
    return value;
  };
}

/** The language set of a lexicon's packs. */
export const languagesOf = (lexicon: Lexicon): Languages => languageSet(lexicon.languages);
