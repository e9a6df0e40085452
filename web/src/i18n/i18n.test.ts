import { describe, expect, it } from 'vitest';
import { formatQuantity, formatValue } from '../format';
import { en } from './en';
import { es } from './es';
import { langs, makeI18n, pickLang } from './index';
import { pt } from './pt';

const slots = (message: string) => [...message.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('catalogs', () => {
  it.each([
    ['es', es],
    ['pt', pt],
  ])('%s has every message, none empty, with the same {slots} as English', (_, catalog) => {
    for (const [key, message] of Object.entries(en) as [keyof typeof en, string][]) {
      expect(catalog[key], key).toBeTruthy();
      expect(slots(catalog[key]), key).toEqual(slots(message));
    }
  });
});

describe('language choice', () => {
  it('takes ?lang= first, then the browser languages, then English', () => {
    expect(pickLang(new URLSearchParams('lang=pt'), ['es-AR'])).toBe('pt');
    expect(pickLang(new URLSearchParams('lang=fr'), ['es-AR', 'en'])).toBe('es');
    expect(pickLang(new URLSearchParams(''), ['de-DE', 'pt-BR'])).toBe('pt');
    expect(pickLang(new URLSearchParams(''), ['de'])).toBe('en');
    expect(langs).toEqual(['en', 'es', 'pt']);
  });

  it('keeps the language in links only when the URL has it', () => {
    expect(makeI18n('es', true).href('/projects', { sector: 'ENERGY', q: '' })).toBe(
      '/projects?sector=ENERGY&lang=es',
    );
    expect(makeI18n('es', false).href('/projects', { sector: 'ENERGY' })).toBe('/projects?sector=ENERGY');
    expect(makeI18n('pt', true).href('/')).toBe('/?lang=pt');
  });
});

describe('formatting', () => {
  const en1 = makeI18n('en', false);
  const es1 = makeI18n('es', true);
  const pt1 = makeI18n('pt', true);

  it('writes numbers, money and plurals the locale’s way', () => {
    expect(en1.number(1184)).toBe('1,184');
    expect(es1.number(12345.5)).toBe('12.345,5');
    expect(pt1.number(1184.25)).toBe('1.184,25');
    expect(en1.money(128_804_189_737)).toBe('$128.8B');
    expect(es1.money(62_187_000).replace(/\s/g, ' ')).toBe('62,2 M US$');
    expect(en1.tn('count.projects', 1)).toBe('1 project');
    expect(pt1.tn('count.projects', 2)).toBe('2 projetos');
  });

  it('writes partial dates and periods as people do', () => {
    expect(en1.date('2019')).toBe('2019');
    expect(en1.date('2023-09')).toBe('September 2023');
    expect(es1.date('2023-09')).toBe('septiembre de 2023');
    expect(pt1.date('2024-11-14')).toBe('14 de nov. de 2024');
    expect(en1.date('2019/2022')).toBe('2019–2022');
    expect(en1.date('sometime')).toBe('sometime');
  });

  it('names sectors and statuses in the language, and readable when unknown', () => {
    expect(es1.sector('ENERGY')).toBe('Energía');
    expect(pt1.status('under_construction')).toBe('Em construção');
    expect(en1.sector('SOME NEW SECTOR')).toBe('Some new sector');
    expect(en1.sector(null)).toBe('Not stated');
  });

  it('names registry bodies, their kinds and indicators in the language, and keeps names it does not know', () => {
    expect(es1.entityName('policy:jap-2025-2027', 'China–CELAC Joint Action Plan 2025–2027')).toBe(
      'Plan de Acción Conjunto China-CELAC 2025-2027',
    );
    expect(pt1.entityName('mech:bri', 'Belt and Road Initiative')).toBe('Iniciativa Cinturão e Rota');
    expect(en1.entityName('mech:bri', 'Belt and Road Initiative (edited)')).toBe(
      'Belt and Road Initiative (edited)',
    );
    expect(es1.entityName('mech:new-fund', 'A new fund')).toBe('A new fund');
    expect(pt1.kind('financial mechanism')).toBe('Mecanismo financeiro');
    expect(es1.type('organization')).toBe('Organización');
    expect(pt1.origin('import')).toBe('Importação de dados');
    expect(es1.indicatorName('indicator:solar-pv-capacity:cn:lac', 'x')).toBe(
      'Capacidad solar fotovoltaica de China en América Latina y el Caribe',
    );
    expect(pt1.indicatorName('indicator:wind-capacity:cn:world', 'x')).toBe('Capacidade eólica da China');
    expect(es1.indicatorName('indicator:fdi:all:lac', 'x')).toBe(
      'Inversión directa en América Latina y el Caribe',
    );
    // A place the vocabulary does not have, or an unknown measure: the stored name.
    expect(es1.indicatorName('indicator:trade:cn:peru', 'China-invested trade in Peru')).toBe(
      'China-invested trade in Peru',
    );
    expect(en1.indicatorName('indicator:solar-pv-capacity:cn:lac', 'Stored')).toBe('Stored');
  });

  it('writes quantities with their units, power in GW from a thousand MW', () => {
    expect(formatQuantity(en1, 363, 'MW')).toBe('363 MW');
    expect(formatQuantity(en1, 1400, 'MW')).toBe('1.4 GW');
    expect(formatQuantity(es1, 1400, 'MW')).toBe('1,4 GW');
    expect(formatQuantity(en1, 4, 'multiple')).toBe('×4');
    expect(formatQuantity(en1, 596.2e9, 'USD')).toBe('$596.2B');
    expect(formatQuantity(en1, 3, 'TEU')).toBe('3 TEU');
    expect(formatQuantity(en1, 2114, 'count')).toBe('2,114');
    expect(formatValue(en1, { kind: 'quantity', amount: 200, unit: 'count' }, 'at_least')).toBe('≥ 200');
    expect(formatValue(es1, { kind: 'enum', value: 'ENERGY' }, null, 'sector')).toBe('Energía');
    expect(formatValue(en1, { kind: 'date', date: '2024-11' })).toBe('November 2024');
  });
});
