import { describe, expect, it } from 'vitest';
import { readDocument } from '../ingest/read-document.js';
import { extract } from './extract.js';
import { defaultLexicon } from '../reference/lexicon.js';

const claimsOf = (text: string) => {
  const doc = readDocument('doc.txt', new TextEncoder().encode(text));
  return extract(doc, defaultLexicon())
    .claims.filter((c) => typeof c.value === 'number')
    .map((c) => [c.value, c.unit, c.time, c.quote]);
};

describe('extract: figures read across a document', () => {
  it('gives a bare amount the currency it restates or the running one, and drops it when there is none', () => {
    expect(claimsOf('Se invirtieron 512 millones en la planta.')).toEqual([]);
    const mexico = claimsOf(
      'México recibió 1,050 millones de dólares y 100,000 vehículos. De ese total, 414 millones fueron canalizados a la industria.',
    );
    expect(mexico.map((c) => [c[0], c[1]])).toEqual([
      [1050e6, 'USD'],
      [100000, 'count'],
      [414e6, 'USD'],
    ]);
    const argentina = claimsOf(
      'El swap de 35.000 millones de yuanes (5.000 millones de dólares) se activó; después, otra activación por 35.000 millones.',
    );
    expect(argentina.map((c) => [c[0], c[1]])).toEqual([
      [35e9, 'CNY'],
      [5e9, 'USD'],
      [35e9, 'CNY'],
    ]);
  });

  it('reads "pesos" in the currency of the country the document is about', () => {
    const claims = claimsOf('En Colombia, el metro de Bogotá costará 13,8 billones de pesos.');
    expect(claims.map((c) => [c[0], c[1]])).toEqual([[13.8e12, 'COP']]);
  });

  it('gives a figure the time written right after it over an earlier one in the sentence', () => {
    const claims = claimsOf(
      'In 2023, trade reached US$12 billion in 2000 terms... Great Wall anunciou em 2022 R$ 10 bilhões até 2032, sendo R$ 4 bilhões até 2025.',
    );
    expect(claims.map((c) => [c[0], c[2]])).toEqual([
      [12e9, '2000'],
      [10e9, '2032'],
      [4e9, '2025'],
    ]);
  });

  it('finds what a figure is about past appositives, relative clauses and into the project after it', () => {
    const read = (text: string, language = 'pt') => {
      const doc = readDocument('doc.txt', new TextEncoder().encode(text));
      return extract({ ...doc, language }, defaultLexicon())
        .claims.filter((c) => typeof c.value === 'number')
        .map((c) => [c.subject, c.property, c.value]);
    };
    expect(
      read(
        'A GWM, uma das maiores montadoras chinesas, anunciou investimento de R$ 6 bilhões. A Meituan, plataforma chinesa de delivery, investirá cerca de R$ 5 bilhões.',
      ),
    ).toEqual([
      ['GWM', 'investment', 6e9],
      ['Meituan', 'investment', 5e9],
    ]);
    expect(
      read(
        'Cosco firmó un convenio para invertir unos 3.200 millones de dólares en la construcción del puerto de Chancay, en la costa central de Perú.',
        'es',
      ),
    ).toEqual([['Cosco', 'investment', 3.2e9]]);
  });
});

describe('extract: organizations named in full', () => {
  const orgs = (text: string) => {
    const doc = readDocument('doc.txt', new TextEncoder().encode(text));
    return extract(doc, defaultLexicon())
      .entities.filter((e) => e.type === 'organization')
      .map((e) => [e.id, e.mentions.map((m) => doc.text.slice(m.start, m.end))]);
  };

  it('links a registry body named with legal words, generic words or its country to that body', () => {
    expect(orgs('El préstamo vino de China Development Bank Corporation y de otros.')).toEqual([
      ['org:cdb', ['China Development Bank']],
    ]);
    expect(orgs('La obra la fiscalizó la Comisión Federal de Electricidad de México (CFE).')).toEqual([
      ['org:cfe', ['Comisión Federal de Electricidad', 'CFE']],
    ]);
    expect(orgs('A CTG (Companhia Três Gargantas) já possui 17 hidrelétricas.').map(([id]) => id)).toEqual([
      'org:ctg',
    ]);
  });

  it('keeps a different organization whose name contains a registry body as its own', () => {
    // "Banco de Pagos" is not a legal or generic word: a bank named after another is another bank.
    const found = orgs('El Banco de Pagos de China Development Bank anunció un acuerdo.');
    expect(found.some(([id]) => id === null)).toBe(true);
  });
});
