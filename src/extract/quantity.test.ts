import { describe, expect, it } from 'vitest';
import { registeredLanguages as languages } from './lang/index.js';
import { findMultiplyVerbs, findQuantities } from './quantity.js';

const money = (text: string, language: string | null = 'en') =>
  findQuantities(languages, text, 0, text.length, language).map((c) => ({
    value: c.value,
    unit: c.unit,
    qualifier: c.qualifier,
    quote: text.slice(c.start, c.end),
  }));

describe('findQuantities: money', () => {
  it.each([
    ['investment reached $596.2 billion by 2022', 596.2e9, 'USD', '$596.2 billion'],
    ['a US$1.3bn port', 1.3e9, 'USD', 'US$1.3bn'],
    ['worth USD 3.7 billion', 3.7e9, 'USD', 'USD 3.7 billion'],
    ['um investimento de US$ 3,7 bilhões', 3.7e9, 'USD', 'US$ 3,7 bilhões'],
    ['una inversión de 1.300 millones de dólares', 1.3e9, 'USD', '1.300 millones de dólares'],
    ['a loan of 66bn yuan', 66e9, 'CNY', '66bn yuan'],
    ['o BNDES aprovou R$ 5 bilhões', 5e9, 'BRL', 'R$ 5 bilhões'],
    ['costó S/ 1.500 millones', 1.5e9, 'PEN', 'S/ 1.500 millones'],
    ['a $5m grant', 5e6, 'USD', '$5m'],
  ])('finds %j', (text, value, unit, quote) => {
    const [claim, ...rest] = money(text, null);
    expect(rest).toHaveLength(0);
    expect(claim).toMatchObject({ value, unit, quote });
  });

  it('reads a figure given in two currencies as two claims', () => {
    const found = money('a contract of 35 billion yuan ($4.76 billion) was signed');
    expect(found.map((f) => [f.value, f.unit])).toEqual([
      [35e9, 'CNY'],
      [4.76e9, 'USD'],
    ]);
  });

  it('takes the qualifier from the words before the figure and includes them in the evidence', () => {
    expect(money('loans of more than $10 billion')[0]).toMatchObject({
      qualifier: 'at_least',
      quote: 'more than $10 billion',
    });
    expect(money('nearly $2 billion')[0]).toMatchObject({ qualifier: 'approx', quote: 'nearly $2 billion' });
    expect(money('up to $300 million')[0]).toMatchObject({ qualifier: 'at_most' });
    expect(money('casi 1.300 millones de dólares', 'es')[0]).toMatchObject({ qualifier: 'approx' });
  });

  it('does not take words that only start like a scale', () => {
    expect(money('$5 more')[0]).toMatchObject({ value: 5, quote: '$5' });
  });

  it('stays inside the given range', () => {
    const text = 'first $1 billion. second $2 billion.';
    const found = findQuantities(languages, text, 18, text.length, 'en');
    expect(found.map((c) => c.value)).toEqual([2e9]);
  });
});

const found = (text: string, language: string | null = 'en') =>
  findQuantities(languages, text, 0, text.length, language).map((q) => [
    q.value,
    q.unit,
    q.qualifier,
    text.slice(q.start, q.end),
  ]);

describe('findQuantities: other units', () => {
  it('reads power, voltage, length, TEU, tonnes and percentages in base units', () => {
    expect(found('rising from 363 MW to 1.4 GW')).toEqual([
      [363, 'MW', null, '363 MW'],
      [1400, 'MW', null, '1.4 GW'],
    ]);
    expect(found('the 500 kV line runs 1,200 kilometers')).toEqual([
      [500, 'kV', null, '500 kV'],
      [1200, 'km', null, '1,200 kilometers'],
    ]);
    expect(found('capacity of 1.5 million TEU and 3 million tonnes')).toEqual([
      [1.5e6, 'TEU', null, '1.5 million TEU'],
      [3e6, 't', null, '3 million tonnes'],
    ]);
    expect(found('una capacidad de 1,5 millones de TEU', 'es')).toEqual([
      [1.5e6, 'TEU', null, '1,5 millones de TEU'],
    ]);
    expect(found('a share of 23.5% and 12 por ciento', 'es')).toEqual([
      [23.5, 'percent', null, '23.5%'],
      [12, 'percent', null, '12 por ciento'],
    ]);
    expect(found('a 3,000-meter tunnel and 2,500 metres of track')[1]).toEqual([
      2.5,
      'km',
      null,
      '2,500 metres',
    ]);
  });

  it('reads jobs and counts of things, with word numbers and vague quantities', () => {
    expect(found('creating close to a million jobs')).toEqual([
      [1e6, 'jobs', 'approx', 'close to a million jobs'],
    ]);
    expect(found('over 200 infrastructure projects and nearly 100 bridges and tunnels')).toEqual([
      [200, 'count', 'at_least', 'over 200 infrastructure projects'],
      [100, 'count', 'approx', 'nearly 100 bridges'],
    ]);
    expect(found('partnerships with 16 Latin American countries')).toEqual([
      [16, 'count', null, '16 Latin American countries'],
    ]);
    expect(found('dozens of airports and thousands of kilometers of roads')).toEqual([
      [12, 'count', 'at_least', 'dozens of airports'],
      [1000, 'km', 'at_least', 'thousands of kilometers'],
    ]);
    expect(found('generará 5.000 empleos directos y cinco mil empleos indirectos', 'es')).toEqual([
      [5000, 'jobs', null, '5.000 empleos directos'],
      [5000, 'jobs', null, 'cinco mil empleos indirectos'],
    ]);
    expect(found('a construção de 12 escolas', 'pt')).toEqual([[12, 'count', null, '12 escolas']]);
  });

  it('reads multiples written as numbers or verbs', () => {
    expect(found('nearly seven times higher than in 2013')).toEqual([
      [7, 'multiple', 'approx', 'nearly seven times higher'],
    ]);
    expect(found('exports grew 3-fold')).toEqual([[3, 'multiple', null, '3-fold']]);
    const verbs = (text: string, lang: string) =>
      findMultiplyVerbs(languages, text, 0, text.length, lang).map((q) => [
        q.value,
        text.slice(q.start, q.end),
      ]);
    expect(verbs('las ventas crecieron triplicando la cifra y multiplicando por nueve', 'es')).toEqual([
      [3, 'triplicando'],
      [9, 'multiplicando por nueve'],
    ]);
    expect(verbs('exports multiplied by 12 while imports were multiplied', 'en')).toEqual([
      [12, 'multiplied by 12'],
    ]);
  });

  it('reads ranges as an at_least and an at_most claim sharing the unit and scale', () => {
    expect(found('between 300 and 400 MW')).toEqual([
      [300, 'MW', 'at_least', '300'],
      [400, 'MW', 'at_most', '400 MW'],
    ]);
    expect(found('loans of US$ 1-2 billion')).toEqual([
      [1e9, 'USD', 'at_least', 'US$ 1'],
      [2e9, 'USD', 'at_most', '2 billion'],
    ]);
  });

  it('reads no range towards 0, whose unit factor cannot be read off it (it made a NaN value)', () => {
    const values = [...found('de 7 a 0 pesos', 'es'), ...found('from $0 to 3 million', 'en')].map(
      (c) => c[0],
    );
    expect(values.every((v) => Number.isFinite(v))).toBe(true);
  });

  it('skips years, dates, ordinals, durations, ages, names and referential counts', () => {
    expect(found('In 2019 and 2022, on 14 November 2024 and May 3, the 10th forum')).toEqual([]);
    expect(found('a 30-year concession for 25 years; Line 1 has been renovated')).toEqual([]);
    expect(found('the two countries signed; These two exchanges')).toEqual([]);
    expect(found('over 10:30 hours')).toEqual([]);
  });

  it('reads digit groups split by spaces, grouped numbers that look like years, and hyphenated amounts', () => {
    expect(found('con 1 500 megavatios y 2 000 millones de dólares', 'es')).toEqual([
      [1500, 'MW', null, '1 500 megavatios'],
      [2e9, 'USD', null, '2 000 millones de dólares'],
    ]);
    expect(found('Foram mais de 2.100 veículos registrados', 'pt')).toEqual([
      [2100, 'count', 'at_least', 'mais de 2.100 veículos registrados'],
    ]);
    expect(found('a 390-million-U.S.-dollar loan')).toEqual([
      [390e6, 'USD', null, '390-million-U.S.-dollar'],
    ]);
    expect(found('in 2019 100 projects')).toEqual([[100, 'count', null, '100 projects']]);
  });

  it('counts nouns described by joined words and after a scale word, but not ordinals or singulars', () => {
    expect(found('7,648 large and small cracks')).toEqual([
      [7648, 'count', null, '7,648 large and small cracks'],
    ]);
    expect(found('un millón de contenedores al año', 'es')).toEqual([
      [1e6, 'count', null, 'un millón de contenedores'],
    ]);
    expect(found('100 pontos de recarga', 'pt')).toEqual([[100, 'count', null, '100 pontos']]);
    expect(found('subió 5 puntos porcentuales', 'es')).toEqual([
      [5, 'percent', null, '5 puntos porcentuales'],
    ]);
    expect(found('os oito primeiros meses; Um país', 'pt')).toEqual([]);
  });

  it('reads "pesos" in the currency of the document\'s country, and leaves it out when unknown', () => {
    const text = '13,8 billones de pesos';
    const read = (peso: string | null) =>
      findQuantities(languages, text, 0, text.length, 'es', { style: null, peso }).map((q) => [
        q.value,
        q.unit,
      ]);
    expect(read('COP')).toEqual([[13.8e12, 'COP']]);
    expect(read(null)).toEqual([]);
  });

  it('reads an ambiguous "1,684" by the document\'s number style', () => {
    const text = '1,684 millones de dólares';
    const read = (style: 'dot-decimal' | 'comma-decimal' | null) =>
      findQuantities(languages, text, 0, text.length, 'es', { style, peso: null }).map((q) => q.value);
    expect(read('dot-decimal')).toEqual([1684e6]);
    expect(read('comma-decimal')).toEqual([1.684e6]);
    expect(read(null)).toEqual([1.684e6]);
  });

  it('gives spans whose text is the figure, on any input', () => {
    const text = 'Peru: $1.3bn; 1.4 GW; 500 kV; 16 Latin American countries; quadrupled.';
    for (const q of findQuantities(languages, text, 0, text.length, 'en'))
      expect(q.end).toBeGreaterThan(q.start);
  });
});
