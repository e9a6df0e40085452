import { describe, expect, it } from 'vitest';
import { isChinese } from './participants.js';

describe('isChinese', () => {
  it('trusts the home country of a registry entity over its name', () => {
    expect(isChinese('China-Brazil Business Council', { id: 'org:cebc', name: 'x', country: 'BR' })).toBe(
      false,
    );
    expect(isChinese('PowerChina', { id: 'org:powerchina', name: 'PowerChina', country: 'CN' })).toBe(true);
    expect(isChinese('Inter-American Development Bank', { id: 'org:idb', name: 'x', country: null })).toBe(
      false,
    );
  });

  it('tells a plainly Chinese name without an entity, as whole words in any case', () => {
    for (const name of [
      'a Chinese company',
      'la empresa china',
      'uma empresa chinesa',
      'Sinohydro Corp.',
      'CRBC',
      'Bank of Shanghai',
      'Jiangsu Provincial Commission of Health and Family Planning',
    ])
      expect(isChinese(name, null), name).toBe(true);
    for (const name of [
      'Odebrecht',
      'Indochina Holdings',
      'Crbcx Ltd',
      'the Peruvian government',
      'Shanghaied Ltd',
      'Buenos Aires Municipal Government',
    ])
      expect(isChinese(name, null), name).toBe(false);
  });
});
