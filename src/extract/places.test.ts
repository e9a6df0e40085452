import { describe, expect, it } from 'vitest';
import { loadPlaces } from '../reference/places.js';
import { findPlaces } from './places.js';
import { tokenize } from './tokens.js';
import { defaultLexicon } from '../reference/lexicon.js';

const found = (text: string, lang: string | null = 'en', known: string[] = []) =>
  findPlaces(defaultLexicon(), text, tokenize(text), lang, known).map(
    (m) => `${m.place.id} ${m.place.country}`,
  );
const ids = (text: string, lang: string | null = 'en', known: string[] = []) =>
  findPlaces(defaultLexicon(), text, tokenize(text), lang, known).map((m) => m.place.id);

describe('place mentions', () => {
  it('finds ports, cities and regions in English, Spanish and Portuguese with their countries', () => {
    expect(found('COSCO Shipping opened the port of Chancay, north of Lima.')).toEqual([
      'place:PE-chancay PE',
      'place:PE-lima PE',
    ]);
    expect(found('El puerto de Manta, en la provincia de Manabí, recibirá inversión china.', 'es')).toEqual([
      'place:EC-manta EC',
      'place:EC-manabi EC',
    ]);
    expect(found('Ganfeng produce litio en Jujuy y en Salta.', 'es')).toEqual([
      'place:AR-jujuy AR',
      'place:AR-salta AR',
    ]);
    expect(found('A BYD vai produzir na Bahia, em Camaçari.', 'pt')).toEqual([
      'place:BR-bahia BR',
      'place:BR-camacari BR',
    ]);
  });

  it('gives offsets, kind and coordinates of the place', () => {
    const text = 'Ships sail from Shanghai to Chancay.';
    const [shanghai, chancay] = findPlaces(defaultLexicon(), text, tokenize(text), 'en');
    expect(text.slice(shanghai?.start, shanghai?.end)).toBe('Shanghai');
    expect(chancay?.place).toMatchObject({ name: 'Chancay', kind: 'port', country: 'PE' });
    expect(chancay?.place.lat).toBeCloseTo(-11.57, 1);
    expect(chancay?.place.lon).toBeCloseTo(-77.27, 1);
  });

  it('takes a name that is also a person or a word only next to a place word', () => {
    expect(ids('Santos said the deal was done.')).toEqual([]);
    expect(ids('Juan Manuel Santos visited Beijing.')).toEqual(['place:CN-beijing']);
    // "Salta a la vista": the verb, not the province, unless Argentina is in the context.
    expect(ids('Salta a la vista que el litio importa.', 'es')).toEqual([]);
    expect(ids('El litio de Salta atrae a empresas chinas.', 'es', ['AR'])).toEqual(['place:AR-salta']);
    expect(ids('The port of Santos handles soy for China.')).toEqual(['place:BR-santos']);
    expect(ids('O porto de Santos recebeu navios chineses.', 'pt')).toEqual(['place:BR-santos']);
    expect(ids('Colón dijo que sí.', 'es')).toEqual([]);
    expect(ids('El puerto de Colón crece.', 'es')).toEqual(['place:PA-colon']);
  });

  it('does not take a cue name when the context names other countries but not its own', () => {
    expect(ids('Trade between the US and China goes through ports in Florida.')).toEqual([]);
    expect(ids('Brazil ships soy to the US through the port of Santos.')).toEqual(['place:BR-santos']);
    expect(ids('The port of Santos handles soy for China.')).toEqual(['place:BR-santos']);
    expect(ids('Chinese firms invest in Trinidad and Tobago and in Trinidad.')).toEqual([]);
  });

  it('takes a name shared by several countries only when the context names one of them', () => {
    expect(ids('The dams in Santa Cruz are financed by Chinese banks.')).toEqual([]);
    expect(ids('The dams in Santa Cruz province, Argentina, are financed by Chinese banks.')).toEqual([
      'place:AR-santa-cruz',
    ]);
    expect(ids('Santa Cruz is the richest city of Bolivia.')).toEqual(['place:BO-santa-cruz-de-la-sierra']);
    expect(ids('The dams in Santa Cruz are financed by Chinese banks.', 'en', ['country:AR'])).toEqual([
      'place:AR-santa-cruz',
    ]);
    // An unambiguous place gives its country to the others: Jujuy is in Argentina.
    expect(ids('Jujuy y Santa Cruz firmaron acuerdos.', 'es')).toEqual([
      'place:AR-jujuy',
      'place:AR-santa-cruz',
    ]);
  });

  it('does not read a person into a place even when the country is named', () => {
    expect(ids('Paraguay’s president Santiago Peña met Chile’s foreign minister.')).toEqual([]);
    expect(ids('The minister flew to Santiago, Chile.')).toEqual(['place:CL-santiago']);
  });

  it('tells a city from the region of the same name', () => {
    expect(ids('São Paulo is a big city in the state of São Paulo.')).toEqual([
      'place:BR-sao-paulo',
      'place:BR-sao-paulo-region',
    ]);
    expect(ids('Buenos Aires province and Buenos Aires')).toEqual([
      'place:AR-buenos-aires-region',
      'place:AR-buenos-aires',
    ]);
  });

  it('never takes a country for a place, and honours block terms', () => {
    expect(ids('El Salvador y San Salvador', 'es')).toEqual(['place:SV-san-salvador']);
    expect(ids('Salvador Allende and Simón Bolívar')).toEqual([]);
    expect(ids('Panamá y la Ciudad de Panamá', 'es')).toEqual(['place:PA-panama-city']);
    expect(ids('Mexico City, New Mexico and the Gulf of Mexico')).toEqual(['place:MX-mexico-city']);
  });

  it('finds Chinese cities by their English, Spanish, Portuguese and Chinese names', () => {
    expect(ids('Pekín y Shanghái', 'es')).toEqual(['place:CN-beijing', 'place:CN-shanghai']);
    expect(ids('Pequim e Xangai', 'pt')).toEqual(['place:CN-beijing', 'place:CN-shanghai']);
    expect(ids('北京和深圳', 'zh')).toEqual(['place:CN-beijing', 'place:CN-shenzhen']);
    expect(ids("Xi’an and Xi'an")).toEqual(['place:CN-xi-an', 'place:CN-xi-an']);
  });
});

describe('place list', () => {
  const places = loadPlaces();

  it('has unique ids, known kinds, two-letter countries and coordinates in range', () => {
    expect(new Set(places.map((p) => p.id)).size).toBe(places.length);
    for (const p of places) {
      expect(p.id.startsWith(`place:${p.country}-`)).toBe(true);
      expect(['capital', 'city', 'port', 'region']).toContain(p.kind);
      if (p.lat !== null) {
        expect(Math.abs(p.lat)).toBeLessThanOrEqual(90);
        expect(p.source).not.toBeNull();
      }
    }
  });

  it('places every city inside its country (coordinates within the LAC or Chinese box)', () => {
    for (const p of places.filter((q) => q.lat !== null && q.lon !== null)) {
      const lat = p.lat ?? 0;
      const lon = p.lon ?? 0;
      if (p.country === 'CN') expect(lon > 73 && lon < 135 && lat > 18 && lat < 54).toBe(true);
      else expect(lon > -118 && lon < -34 && lat > -56 && lat < 33, p.id).toBe(true);
    }
  });

  it('names a region that exists for each city that gives one', () => {
    const regions = new Set(places.filter((p) => p.kind === 'region').map((p) => `${p.country} ${p.name}`));
    for (const p of places.filter((q) => q.region))
      expect(regions.has(`${p.country} ${p.region}`), p.id).toBe(true);
  });

  it('has a capital for every LAC state', () => {
    const capitals = new Set(places.filter((p) => p.kind === 'capital').map((p) => p.country));
    for (const code of [
      'AR',
      'BO',
      'BR',
      'CL',
      'CO',
      'CR',
      'CU',
      'DO',
      'EC',
      'GT',
      'HN',
      'MX',
      'NI',
      'PA',
      'PE',
    ])
      expect(capitals.has(code)).toBe(true);
    for (const code of ['PY', 'SV', 'UY', 'VE', 'AG', 'BS', 'BB', 'BZ', 'DM', 'GD', 'GY', 'HT', 'JM', 'KN'])
      expect(capitals.has(code)).toBe(true);
    for (const code of ['LC', 'VC', 'SR', 'TT']) expect(capitals.has(code)).toBe(true);
  });
});
