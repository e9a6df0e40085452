import { describe, expect, it } from 'vitest';
import { inflectDemonym, loadCountries } from '../reference/countries.js';
import { findCountries } from './countries.js';
import { Gazetteer } from './gazetteer.js';
import { tokenize } from './tokens.js';
import { defaultLexicon } from '../reference/lexicon.js';

const codes = (text: string, lang: string | null = 'en') =>
  findCountries(defaultLexicon(), text, tokenize(text), lang).map((m) => m.country.iso2);

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
    for (const m of findCountries(defaultLexicon(), text, tokenize(text)))
      expect(['Mexico', 'México']).toContain(text.slice(m.start, m.end));
  });
});

describe('partners and territories', () => {
  it('finds the United States by its names and abbreviations, case-sensitively', () => {
    expect(codes('the U.S. and the US, USA and the United States')).toEqual(['US', 'US', 'US', 'US']);
    expect(codes('Estados Unidos y EE.UU., o EE. UU.', 'es')).toEqual(['US', 'US', 'US']);
    expect(codes('os EUA e os Estados Unidos', 'pt')).toEqual(['US', 'US']);
    expect(codes('The minister told us that all of us agreed')).toEqual([]);
  });

  it('does not read the United States into the Americas or into dollar amounts', () => {
    expect(
      codes(
        'Latin American leaders, North American and South American markets, Central Americans, the Inter-American Development Bank',
      ),
    ).toEqual([]);
    expect(codes('US$12 billion, a 390-million-U.S.-dollar project and 5 US dollars')).toEqual([]);
    expect(codes('American companies and Latin American banks')).toEqual(['US']);
    expect(codes('Americans, Peruvians and Saudis; Thais Silva')).toEqual(['US', 'PE', 'SA']);
  });

  it('takes Spanish and Portuguese demonyms of the new countries in their language only', () => {
    expect(codes('una empresa estadounidense y la española Repsol', 'es')).toEqual(['US', 'ES']);
    expect(codes('empresas norte-americanas e canadenses', 'pt')).toEqual(['US', 'CA']);
    expect(codes('una empresa estadounidense', 'en')).toEqual([]);
    expect(codes('la ciudad suiza de Basilea y la isla indonesia de Bali', 'es')).toEqual(['CH', 'ID']);
  });

  it('blocks longer names that only contain a country name', () => {
    expect(codes('New Mexico and the Gulf of Mexico')).toEqual([]);
    expect(codes('Papua New Guinea, Equatorial Guinea and Guinea-Bissau')).toEqual([]);
    expect(codes('the South China Sea')).toEqual([]);
    expect(codes('Nuevo México', 'es')).toEqual([]);
    expect(codes('Mexico City')).toEqual(['MX']);
  });

  it('tells Dominica from the Dominican Republic', () => {
    expect(codes('the Dominican Republic, Dominica and a Dominican bank')).toEqual(['DO', 'DM', 'DO']);
  });

  it('does not take a language for its country', () => {
    expect(codes('The report is in Spanish; a Spanish firm won.')).toEqual(['ES']);
    expect(codes('Spanish-speaking countries and Portuguese-language media')).toEqual([]);
    expect(codes('el informe en español de una empresa española', 'es')).toEqual(['ES']);
    expect(codes('países de língua portuguesa e a empresa portuguesa EDP', 'pt')).toEqual(['PT']);
  });

  it('finds territories, the longest name first, and Chinese names', () => {
    expect(codes('Puerto Rico, French Guiana, the British Virgin Islands and the US Virgin Islands')).toEqual(
      ['PR', 'GF', 'VG', 'VI'],
    );
    expect(codes('South Korea, Korea, North Korea and Taiwan')).toEqual(['KR', 'KR', 'KP', 'TW']);
    expect(codes('美国、韩国、香港和台湾', 'zh')).toEqual(['US', 'KR', 'HK', 'TW']);
  });
});

describe('country list', () => {
  const countries = loadCountries();
  const byCode = new Map(countries.map((c) => [c.iso2, c]));

  it('holds the 33 CELAC states, the LAC territories, China and the partners, each code once', () => {
    expect(countries.filter((c) => c.celac)).toHaveLength(33);
    expect(byCode.size).toBe(countries.length);
    for (const c of countries) {
      expect(c.iso2).toMatch(/^[A-Z]{2}$/);
      expect(c.iso3).toMatch(/^[A-Z]{3}$/);
      expect(c.numeric).toMatch(/^\d{3}$/);
      if (c.celac) expect(c.lac).toBe(true);
    }
    for (const code of ['US', 'CA', 'DE', 'ES', 'GB', 'JP', 'KR', 'TW', 'HK', 'MO', 'RU', 'IN'])
      expect(byCode.has(code)).toBe(true);
  });

  it('marks territories as LAC with their administering state', () => {
    expect(byCode.get('PR')).toMatchObject({ celac: false, lac: true, sovereign: 'US' });
    expect(byCode.get('GF')).toMatchObject({ celac: false, lac: true, sovereign: 'FR' });
    expect(byCode.get('HK')).toMatchObject({ lac: false, sovereign: 'CN' });
    expect(byCode.get('US')).toMatchObject({ celac: false, lac: false, sovereign: null });
    expect(byCode.get('MF')?.name).toBe('Saint Martin');
  });

  it('inflects Spanish and Portuguese demonyms', () => {
    expect(inflectDemonym('alemán')).toEqual(['alemán', 'alemana', 'alemanes', 'alemanas']);
    expect(inflectDemonym('español')).toEqual(['español', 'española', 'españoles', 'españolas']);
    expect(inflectDemonym('iraní')).toEqual(['iraní', 'iraníes', 'iranís']);
    expect(inflectDemonym('belga')).toEqual(['belga', 'belgas']);
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
