import { join } from 'node:path';
import { dataDir } from './paths.js';
import { listCell, readTsv } from './tsv.js';
import type { Country } from './types.js';

export type { Country } from './types.js';

// A name with a parenthesised note ("Granada (país)") is for display only: the bare word is ambiguous in text.
const displayOnly = (name: string) => name.includes('(');
const display = (name: string) => name.replace(/\s*\(.*\)\s*$/, '');

const unaccent: Record<string, string> = { á: 'a', é: 'e', í: 'i', ó: 'o', ú: 'u' };

/**
 * Spanish and Portuguese adjectives inflect: peruano, peruana, peruanos, peruanas; chinês, chinesa...; belga, belgas;
 * iraní, iraníes; español, española; alemán, alemana. Other endings are kept as given (list irregular forms in the cell).
 */
export function inflectDemonym(word: string): string[] {
  if (word.endsWith('o')) return [word, `${word.slice(0, -1)}a`, `${word}s`, `${word.slice(0, -1)}as`];
  if (word.endsWith('ês')) {
    const stem = word.slice(0, -2);
    return [word, `${stem}esa`, `${stem}eses`, `${stem}esas`];
  }
  if (word.endsWith('és')) {
    const stem = word.slice(0, -2);
    return [word, `${stem}esa`, `${stem}eses`, `${stem}esas`];
  }
  if (word.endsWith('e') || word.endsWith('a')) return [word, `${word}s`];
  if (word.endsWith('í')) return [word, `${word}es`, `${word}s`];
  if (word.endsWith('l')) return [word, `${word}a`, `${word}es`, `${word}as`];
  const accented = /([áéíóú])n$/.exec(word);
  if (accented) {
    const stem = `${word.slice(0, -2)}${unaccent[accented[1] ?? ''] ?? ''}n`;
    return [word, `${stem}a`, `${stem}es`, `${stem}as`];
  }
  return [word];
}

/**
 * English demonyms take a plural for people (Peruvians, Saudis); Chinese, Swiss, British and French do not, and
 * neither do short ones ("Thais" is also a given name).
 */
export const pluralDemonym = (word: string): string[] =>
  word.length <= 4 || /(?:s|sh|ch|se|x|z)$/.test(word) ? [word] : [word, `${word}s`];

let cache: Country[] | undefined;

/** Loads `data/reference/countries.tsv` once. */
export function loadCountries(path = join(dataDir, 'reference', 'countries.tsv')): Country[] {
  if (cache && path === join(dataDir, 'reference', 'countries.tsv')) return cache;
  const countries = readTsv(path).map((row): Country => {
    const nameEn = row.name_en ?? '';
    const matchable = (names: string[]) => names.filter((n) => !displayOnly(n));
    const nouns = [
      nameEn,
      ...listCell(row.aliases_en),
      row.name_es ?? '',
      ...listCell(row.aliases_es),
      row.name_pt ?? '',
      ...listCell(row.aliases_pt),
      ...listCell(row.name_zh),
    ];
    const adjectives = matchable(listCell(row.demonyms_en)).flatMap(pluralDemonym);
    return {
      id: `country:${row.iso2}`,
      iso2: row.iso2 ?? '',
      iso3: row.iso3 ?? '',
      numeric: row.numeric ?? '',
      region: row.region ?? '',
      celac: row.celac === '1',
      lac: row.lac === '1' || row.celac === '1',
      sovereign: row.sovereign || null,
      name: display(nameEn),
      names: {
        en: display(nameEn),
        es: display(row.name_es ?? ''),
        pt: display(row.name_pt ?? ''),
        zh: listCell(row.name_zh),
      },
      terms: [...new Set(matchable([...nouns, ...adjectives]).filter(Boolean))],
      termsByLanguage: {
        es: listCell(row.demonyms_es).flatMap(inflectDemonym),
        pt: listCell(row.demonyms_pt).flatMap(inflectDemonym),
      },
      capitals: listCell(row.capital),
    };
  });
  if (path === join(dataDir, 'reference', 'countries.tsv')) cache = countries;
  return countries;
}

/** The country of an ISO 3166-1 alpha-2 or alpha-3 code or a registry id (PE, per, country:PE), or undefined. */
export function countryByCode(code: string): Country | undefined {
  const upper = code.replace(/^country:/i, '').toUpperCase();
  return loadCountries().find((c) => c.iso2 === upper || c.iso3 === upper);
}
