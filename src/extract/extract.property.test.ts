import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readDocument } from '../ingest/read-document.js';
import { toContract } from '../pipeline/contract.js';
import { defaultLexicon } from '../reference/lexicon.js';
import { checkContract as check, documentText } from './lang/pack-contract.js';

// The random-document property per language pack is in lang/pack-contract.ts (run by lang/packs.test.ts); here
// it runs on documents without a declared language and in a language without a pack, and on special inputs.
const checkContract = (text: string, lang?: string) => check(text, defaultLexicon(), lang);

describe('extraction on any input', () => {
  it('never throws and every claim, mention and quote is its exact span (random documents)', () => {
    fc.assert(
      fc.property(documentText, fc.constantFrom(undefined, 'zh'), (text, lang) => checkContract(text, lang)),
      { numRuns: 100, seed: 20261123 },
    );
  });

  it('answers empty text, binary noise, Chinese and unbalanced quotes with a valid contract', () => {
    checkContract('');
    const noise = Uint8Array.from({ length: 5000 }, (_, i) => (i * 7919 + 13) % 256);
    const fromNoise = toContract(readDocument('noise.bin', noise, { lenient: true }), defaultLexicon());
    expect(fromNoise.contract).toBe(1);
    checkContract('中国对拉美投资存量达到5962亿美元。秘鲁钱凯港。');
    checkContract('"He said $5 billion and “never closed the quote, said Li. «Otra vez US$ 3,7 bilhões');
  });

  it('reads a 2 MB single line without a sentence end', () => {
    const unit =
      'China lent US$ 1.3 billion for the 100 MW "solar" park in Peru, said Ana Pérez, over 200 projects ';
    const line = unit.repeat(Math.ceil(2e6 / unit.length));
    const out = toContract(
      readDocument('long.txt', new TextEncoder().encode(line), { lenient: true }),
      defaultLexicon(),
    );
    expect(out.source.paragraphs).toBe(1);
    expect(out.claims.length).toBeGreaterThan(50_000);
  });
});
