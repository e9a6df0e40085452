import type { Country } from '../reference/types.js';
import { blockId, Gazetteer } from './gazetteer.js';
import { perLexicon, type Lexicon } from './lexicon.js';
import type { Token } from './tokens.js';
import type { Span } from './types.js';

const countryGazetteer = perLexicon((lexicon) => {
  const gazetteer = new Gazetteer();
  const { countries } = lexicon;
  // Block terms name no country: "Latin American" is not the US, "New Mexico" not Mexico.
  for (const block of lexicon.blocks) gazetteer.add(block.term, blockId, block.lang);
  for (const country of countries) {
    for (const term of country.terms) gazetteer.add(term, country.id);
    for (const [lang, terms] of Object.entries(country.termsByLanguage)) {
      for (const term of terms) gazetteer.add(term, country.id, lang);
    }
  }
  return { gazetteer, byId: new Map(countries.map((c) => [c.id, c])) };
});

/** A country mentioned in text, by name or demonym. */
export interface CountryMention extends Span {
  country: Country;
}

/**
 * Finds mentions of the reference countries in tokenized text: names and aliases in en/es/pt/zh in any text,
 * Spanish and Portuguese demonyms only in a text of that language. Longer names that only contain a country's
 * name ("Latin American", "New Mexico", "US$", "in Spanish") give nothing (data/reference/blocks.tsv).
 */
export function findCountries(
  lexicon: Lexicon,
  text: string,
  tokens: Token[],
  language: string | null = null,
): CountryMention[] {
  const { gazetteer, byId } = countryGazetteer(lexicon);
  return gazetteer.match(text, tokens, language).flatMap((m) => {
    const country = byId.get(m.id);
    return country ? [{ country, start: m.start, end: m.end }] : [];
  });
}
