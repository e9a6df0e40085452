import { describe, expect, it } from 'vitest';
import { findCountries } from './countries.js';
import { Gazetteer } from './gazetteer.js';
import { tokenize } from './tokens.js';

const codes = (text: string, lang: string | null = 'en') =>
  findCountries(text, tokenize(text), lang).map((m) => m.country.iso2);

describe('country mentions', () => {
  it('finds names, multi-word names and possessives', () => {
    expect(
      codes("Peru's capital, Lima, and Antigua and Barbuda; the Dominican Republic and Dominica."),
    ).toEqual(['PE', 'AG', 'DO', 'DM']);
  });

  it('finds demonyms in English, Spanish and Portuguese', () => {
    expect(codes('the Ecuadorian city of Manta')).toEqual(['EC']);
    expect(codes('una empresa china en territorio peruano', 'es')).toEqual(['CN', 'PE']);
    expect(codes('empresas chinesas no Brasil', 'pt')).toEqual(['CN', 'BR']);
  });

  it('matches case-sensitively, so common words are not countries', () => {
    expect(codes('chile peppers and a china plate')).toEqual([]);
    // Spanish demonyms apply to Spanish text only.
    expect(codes('a china plate', 'es')).toEqual(['CN']);
    expect(codes('a china plate', null)).toEqual([]);
  });

  it('covers the 33 CELAC states and China', () => {
    const all =
      'Antigua and Barbuda, Argentina, Bahamas, Barbados, Belize, Bolivia, Brazil, Chile, Colombia, Costa Rica, Cuba, Dominica, Dominican Republic, Ecuador, El Salvador, Grenada, Guatemala, Guyana, Haiti, Honduras, Jamaica, Mexico, Nicaragua, Panama, Paraguay, Peru, Saint Kitts and Nevis, Saint Lucia, Saint Vincent and the Grenadines, Suriname, Trinidad and Tobago, Uruguay, Venezuela, China';
    expect(new Set(codes(all)).size).toBe(34);
  });

  it('gives offsets whose text is the mention', () => {
    const text = 'Investment in Mexico and México.';
    for (const m of findCountries(text, tokenize(text)))
      expect(['Mexico', 'México']).toContain(text.slice(m.start, m.end));
  });
});

describe('Gazetteer', () => {
  it('prefers the longest match and does not cross paragraph breaks', () => {
    const g = new Gazetteer();
    g.add('Saint Lucia', 'a');
    g.add('Saint', 'b');
    expect(g.match('Saint Lucia').map((m) => m.id)).toEqual(['a']);
    expect(g.match('Saint\n\nLucia').map((m) => m.id)).toEqual(['b']);
  });
});
