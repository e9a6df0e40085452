import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readDocument } from '../ingest/read-document.js';
import { toContract } from '../pipeline/contract.js';
import { defaultLexicon } from '../reference/lexicon.js';

// Pieces the extractor reacts to, mixed with noise, so random documents exercise every rule.
const pieces = [
  '$',
  'US$',
  'R$',
  'S/',
  '¥',
  '€',
  '596.2',
  '1.300',
  '3,7',
  '1,2',
  '200',
  'seven',
  'cinco mil',
  'a million',
  'billion',
  'millones',
  'bilhões',
  'bn',
  'MW',
  'GW',
  'kV',
  'km',
  'TEU',
  '%',
  'jobs',
  'empleos',
  'times higher',
  'quadrupled',
  'over',
  'nearly',
  'hasta',
  'between 2019 and 2022',
  'as of September 2023',
  'last May',
  'this year',
  'China',
  'Peru',
  'peruano',
  'Chancay Port',
  'Puerto de',
  'Bank of China',
  'CDB',
  'Instituto',
  'President',
  'Xi Jinping',
  'said',
  'afirmó',
  'disse',
  'He added that',
  '"',
  '“',
  '”',
  '«',
  '(',
  ')',
  ',',
  '.',
  '. ',
  '\n',
  '\n\n',
  ' ',
  '  ',
  '中国',
  '投资',
  'ñ',
  'ção',
  '\u0000',
  '\u200b',
  '\t',
  '-',
  '–',
  'St.',
  "'s",
  'of',
  'the',
];

const documentText = fc
  .array(
    fc.oneof(
      fc.constantFrom(...pieces),
      fc.string({ maxLength: 6 }),
      fc.string({ unit: 'binary', maxLength: 4 }),
    ),
    { maxLength: 120 },
  )
  .map((parts) => parts.join(''));

function checkContract(text: string, lang?: string) {
  const front = lang ? `---\nlanguage: ${lang}\ndate: 2025-06-01\n---\n` : '';
  const doc = readDocument('random.md', new TextEncoder().encode(front + text), { lenient: true });
  const out = toContract(doc, defaultLexicon());
  JSON.parse(JSON.stringify(out));
  for (const c of out.claims) {
    expect(c.start).toBeGreaterThanOrEqual(0);
    expect(c.end).toBeGreaterThan(c.start);
    expect(c.end).toBeLessThanOrEqual(doc.text.length);
    expect(doc.text.slice(c.start, c.end)).toBe(c.quote);
    if (typeof c.value === 'number') expect(Number.isFinite(c.value)).toBe(true);
  }
  for (const e of out.entities) for (const m of e.mentions) expect(m.end).toBeGreaterThan(m.start);
  for (const q of out.quotes) expect(doc.text.slice(q.start, q.end)).toBe(q.text);
  expect(out.source.paragraphs).toBe(doc.paragraphs.length);
}

describe('extraction on any input', () => {
  it('never throws and every claim, mention and quote is its exact span (random documents)', () => {
    fc.assert(
      fc.property(documentText, fc.constantFrom(undefined, 'en', 'es', 'pt'), (text, lang) =>
        checkContract(text, lang),
      ),
      { numRuns: 400, seed: 20261123 },
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
