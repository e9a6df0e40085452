// The shapes of the reference data (data/reference/*.tsv) as loaded: types only, so that the extractor can name
// what its caller passes in (src/extract/lexicon.ts) without importing the loaders.

/** A country of the reference list, with every name form the gazetteer matches. */
export interface Country {
  id: string;
  iso2: string;
  iso3: string;
  numeric: string;
  region: string;
  /** a member of CELAC (the 33 sovereign states of Latin America and the Caribbean) */
  celac: boolean;
  /** a state or territory of Latin America and the Caribbean: the CELAC members and territories such as Puerto Rico */
  lac: boolean;
  /** for a territory, the ISO 3166-1 alpha-2 code of the state that administers it (Puerto Rico: US); else null */
  sovereign: string | null;
  name: string;
  names: { en: string; es: string; pt: string; zh: string[] };
  /** every form that may name the country in any language's text: names, aliases, English demonyms */
  terms: string[];
  /** forms that name the country only in one language: Spanish and Portuguese demonyms ("china" is Chinese in es) */
  termsByLanguage: { es: string[]; pt: string[] };
  capitals: string[];
}

/** A longer name that contains a country or place name but is not that country or place ("New Mexico", "US$"). */
export interface BlockTerm {
  term: string;
  /** the one language whose documents the block applies to; null for any */
  lang: string | null;
}

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

/** The kinds of place of the reference list. */
export type PlaceKind = 'capital' | 'city' | 'port' | 'region';

/**
 * What a place name needs before it is taken as that place: nothing (`always`), a country of the place named in
 * the same context (`context`: Santa Cruz, San José), or a place word next to it (`cue`: "port of Santos").
 */
export type PlaceRule = 'always' | 'context' | 'cue';

/** A form of a place's name and the rule it is matched under. */
export interface PlaceTerm {
  term: string;
  needs: PlaceRule;
}

/** A capital, city, port or first-level region of the reference list (data/reference/places.tsv). */
export interface Place {
  /** stable id: place:ISO2-slug */
  id: string;
  kind: PlaceKind;
  /** display name in the local language */
  name: string;
  /** ISO 3166-1 alpha-2 code of the country the place lies in */
  country: string;
  /** name of the region a city lies in, if given */
  region: string | null;
  /** WGS 84 decimal degrees; null when not known to about 0.1 degree */
  lat: number | null;
  lon: number | null;
  /** where the coordinates come from: gcdf (AidData GCDF 3.0 ADM1 centroid), geonames, puente; null without */
  source: string | null;
  /** every name form, matchable or not, for display and search */
  names: string[];
  /** the forms matched in text, with the rule each needs */
  terms: PlaceTerm[];
}

/** First names (en/es/pt) and Chinese family names, which tell a capitalised phrase is a person's name. */
export interface PersonNames {
  /** first names, without accents (look them up through foldName) */
  given: Set<string>;
  chineseFamily: Set<string>;
}
