import { describe, expect, it } from 'vitest';
import { readDocument } from '../../ingest/read-document.js';
import { defaultLexicon } from '../../reference/lexicon.js';
import { extract } from '../extract.js';
import type { Lexicon } from '../lexicon.js';
import { en } from './en/index.js';
import { registeredPacks } from './index.js';
import type { LanguagePack } from './pack.js';
import { runPackContract } from './pack-contract.js';

/** A value of en's shape with nothing in it: empty lists and records, false, a dot as the decimal mark. */
function blank<T>(value: T): T {
  if (Array.isArray(value)) return [] as T;
  if (typeof value === 'boolean') return false as T;
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, blank(v)])) as T;
  return value;
}

// A minimal French pack, as a folder lang/fr/ would hold it: number, scale and money words, month names.
const fr: LanguagePack = {
  ...blank(en),
  code: 'fr',
  numbers: {
    ...blank(en.numbers),
    decimalMark: ',',
    units: {
      un: 1,
      une: 1,
      deux: 2,
      trois: 3,
      quatre: 4,
      cinq: 5,
      six: 6,
      sept: 7,
      huit: 8,
      neuf: 9,
      dix: 10,
    },
    multipliers: { mille: 1e3 },
    joiners: ['et'],
    scales: [
      ['milliards', 1e9],
      ['milliard', 1e9],
    ],
    scaleSigns: ['illiards?'],
    of: ['de'],
  },
  money: { ...blank(en.money), currencies: [['dollars américains', 'USD']] },
  times: {
    ...blank(en.times),
    months: [
      'janvier',
      'février',
      'mars',
      'avril',
      'mai',
      'juin',
      'juillet',
      'août',
      'septembre',
      'octobre',
      'novembre',
      'décembre',
    ],
  },
  examples: {
    figures: [['La Chine a prêté 2,5 milliards de dollars au Venezuela en 2019.', 'amount', 2.5e9, 'USD']],
    statuses: [],
    times: [['mars 2024', '2024-03']],
  },
};
const withFrench: Lexicon = { ...defaultLexicon(), languages: [...registeredPacks, fr] };

const figures = (text: string, lexicon: Lexicon) => {
  const doc = readDocument('doc.txt', new TextEncoder().encode(text));
  return extract({ ...doc, language: 'fr' }, lexicon)
    .claims.filter((c) => typeof c.value === 'number')
    .map((c) => [c.value, c.unit, c.time]);
};

describe('a new language is one pack', () => {
  it('reads a French figure once a French pack is in the lexicon, and not before', () => {
    const text = 'La Chine a prêté 2,5 milliards de dollars au Venezuela en 2019.';
    expect(figures(text, withFrench)).toEqual([[2.5e9, 'USD', '2019']]);
    expect(figures(text, defaultLexicon())).not.toContainEqual([2.5e9, 'USD', '2019']);
  });

  it("reads French number words in a French document with the document's own pack", () => {
    const text = 'La Chine a donné trois ambulances à la Bolivie.';
    expect(figures(text, withFrench)).toEqual([[3, 'count', null]]);
    expect(figures(text, defaultLexicon())).toEqual([]);
  });
});

// The new pack passes the contract every shipped pack passes.
runPackContract(fr, withFrench, { runs: 30 });
