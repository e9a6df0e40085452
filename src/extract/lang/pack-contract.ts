// The contract every language pack passes (after Hono's shared router suite: one suite, run once per
// implementation). lang/packs.test.ts runs it on every registered pack; a new language runs it on its own.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readDocument } from '../../ingest/read-document.js';
import { extract } from '../extract.js';
import type { Lexicon } from '../lexicon.js';
import { findTimes } from '../times.js';
import { en } from './en/index.js';
import { languageSet } from './languages.js';
import type { LanguagePack } from './pack.js';

// Parts whose keys are the language's own words, not the shape's.
const wordKeyed = new Set(['numbers.units', 'numbers.multipliers']);

/** The key paths of a pack's shape (concern.part, and the parts of fixed-key records), for comparison with en's. */
function shapeOf(value: unknown, path = ''): string[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value) || wordKeyed.has(path))
    return [path];
  return Object.entries(value).flatMap(([k, v]) =>
    path === '' && k === 'code' ? [] : shapeOf(v, path ? `${path}.${k}` : k),
  );
}

/** Every string of a pack (words and regex sources), with where it stands. */
function stringsOf(value: unknown, path: string): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((v, i) => stringsOf(v, `${path}[${i}]`));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => stringsOf(v, `${path}.${k}`));
  return [];
}

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

/** Random documents of pieces, noise and binary, for the property test. */
export const documentText = fc
  .array(
    fc.oneof(
      fc.constantFrom(...pieces),
      fc.string({ maxLength: 6 }),
      fc.string({ unit: 'binary', maxLength: 4 }),
    ),
    { maxLength: 120 },
  )
  .map((parts) => parts.join(''));

/**
 * Extracts `text` as a Markdown document in `lang` and checks the contract: no stage fails, every claim's quote is
 * its exact span, offsets are in range, values are finite, every mention and quote is its exact span.
 */
export function checkContract(text: string, lexicon: Lexicon, lang?: string) {
  const front = lang ? `---\nlanguage: ${lang}\ndate: 2025-06-01\n---\n` : '';
  const doc = readDocument('random.md', new TextEncoder().encode(front + text), { lenient: true });
  const out = extract(doc, lexicon);
  JSON.parse(JSON.stringify(out));
  expect(out.errors).toEqual([]);
  for (const c of out.claims) {
    expect(c.start).toBeGreaterThanOrEqual(0);
    expect(c.end).toBeGreaterThan(c.start);
    expect(c.end).toBeLessThanOrEqual(doc.text.length);
    expect(doc.text.slice(c.start, c.end)).toBe(c.quote);
    if (typeof c.value === 'number') expect(Number.isFinite(c.value)).toBe(true);
  }
  for (const e of out.entities) for (const m of e.mentions) expect(m.end).toBeGreaterThan(m.start);
  for (const q of out.quotes) expect(doc.text.slice(q.start, q.end)).toBe(q.text);
}

/** The contract suite of one language pack, read with `lexicon` (whose languages must include the pack). */
export function runPackContract(pack: LanguagePack, lexicon: Lexicon, { runs = 100 } = {}) {
  describe(`language pack ${pack.code}`, () => {
    it('is registered in the lexicon it is read with', () => {
      expect(languageSet(lexicon.languages).of(pack.code)).toBe(pack);
    });

    it('has every part of the shape (en is the reference)', () => {
      expect(shapeOf(pack).sort()).toEqual(shapeOf(en).sort());
    });

    it('holds regex sources that compile, and words without stray white space', () => {
      for (const [path, source] of stringsOf(pack, pack.code)) {
        expect(() => new RegExp(source, 'iu'), `${path}: ${source}`).not.toThrow();
        expect(source, path).toBe(source.trim());
      }
    });

    it('reads its own number, scale, month and currency words as it says', () => {
      const languages = languageSet(lexicon.languages);
      const figure = (text: string) => {
        const doc = readDocument('doc.txt', new TextEncoder().encode(text));
        return extract({ ...doc, language: pack.code }, lexicon).claims.find(
          (c) => typeof c.value === 'number',
        );
      };
      for (const [word, value] of pack.numbers.scales)
        expect(figure(`US$ 7 ${word}`)?.value, word).toBe(7 * value);
      for (const [word, code] of pack.money.currencies)
        if (code !== 'PESO') expect(figure(`Pagó 7 ${word}.`)?.unit, word).toBe(code);
      pack.times.months.forEach((month, i) => {
        const said = `${month} 2024`;
        const [time] = findTimes(languages, said, 0, said.length);
        expect(time?.value, month).toBe(`2024-${String(i + 1).padStart(2, '0')}`);
      });
    });

    it('reads its example sentences as it says', () => {
      const read = (text: string) => {
        const doc = readDocument('doc.txt', new TextEncoder().encode(text));
        return extract({ ...doc, language: pack.code, publishedAt: '2025-06-01' }, lexicon).claims;
      };
      for (const [text, property, value, unit] of pack.examples.figures)
        expect(
          read(text).map((c) => [c.property, c.value, c.unit]),
          text,
        ).toContainEqual([property, value, unit]);
      for (const [text, status] of pack.examples.statuses)
        expect(
          read(text)
            .filter((c) => c.property === 'status')
            .map((c) => c.value),
          text,
        ).toEqual([status]);
      const languages = languageSet(lexicon.languages);
      for (const [said, value] of pack.examples.times)
        expect(
          findTimes(languages, said, 0, said.length, '2025-06-01').map((t) => t.value),
          said,
        ).toEqual([value]);
    });

    it(`never fails and quotes every claim, mention and quote as its exact span (random ${pack.code} documents)`, () => {
      fc.assert(
        fc.property(documentText, (text) => checkContract(text, lexicon, pack.code)),
        { numRuns: runs, seed: 20261123 },
      );
    });
  });
}
