import { describe, expect, it } from 'vitest';
import { DEDUPE_CONFIG } from './config.js';
import {
  estimateJaccard,
  exactJaccard,
  exactKey,
  fingerprint,
  hashFamily,
  minhashSignature,
  normalizeText,
  paragraphKey,
  shingleSet,
  tokenize,
} from './minhash.js';
import { sameTopicStory, wireParagraphs, wireStory } from './test-texts.js';

describe('tokenize', () => {
  it('folds case, accents and width, drops punctuation, keeps numbers whole', () => {
    expect(tokenize('La INVERSIÓN de «US$ 2.100» millones, según Ａｇｅｎｃｉａ…')).toEqual([
      'la',
      'inversion',
      'de',
      'us',
      '2100',
      'millones',
      'segun',
      'agencia',
    ]);
    expect(tokenize('1,684 millones')).toEqual(tokenize('1684 millones'));
    expect(tokenize('3 GW')).not.toEqual(tokenize('4 GW'));
  });

  it('makes each Han character a token', () => {
    expect(tokenize('中国投资 Chile')).toEqual(['中', '国', '投', '资', 'chile']);
  });

  it('gives nothing for an empty or punctuation-only text', () => {
    expect(tokenize('')).toEqual([]);
    expect(tokenize(' — … !! ')).toEqual([]);
  });
});

describe('shingleSet', () => {
  it('has one distinct hash per distinct k-word window, sorted', () => {
    const set = shingleSet(tokenize('a b c d e f g a b c d e'), 5);
    // windows: abcde bcdef cdefg defga efgab fgabc gabcd abcde(again) -> 7 distinct
    expect(set.length).toBe(7);
    expect([...set]).toEqual([...set].sort((x, y) => x - y));
  });

  it('depends on word order inside a shingle', () => {
    expect([...shingleSet(['a', 'b', 'c'], 3)]).not.toEqual([...shingleSet(['c', 'b', 'a'], 3)]);
  });

  it('does not let shingles cross paragraphs', () => {
    const a = fingerprint('one two three four five six\n\nseven eight nine ten eleven twelve');
    const b = fingerprint('seven eight nine ten eleven twelve\n\none two three four five six');
    expect(a.shingles.length).toBe(4);
    expect([...b.shingles]).toEqual([...a.shingles]);
    expect(a.exactKey).not.toBe(b.exactKey);
    expect(exactKey('one two three four five six\n\nseven eight')).toBe(
      fingerprint('one two three four five six\n\nseven eight').exactKey,
    );
  });

  it('makes a text shorter than k one shingle, and an empty text none', () => {
    expect(shingleSet(['only', 'three', 'words'], 5).length).toBe(1);
    expect(shingleSet([], 5).length).toBe(0);
  });
});

describe('MinHash signatures', () => {
  const sig = (text: string) => fingerprint(text).signature;

  it('gives similarity 1 for identical texts and for texts that differ only in form', () => {
    expect(estimateJaccard(sig(wireStory), sig(wireStory))).toBe(1);
    const reformatted = wireStory.toUpperCase().replace(/\n\n/g, '\n').replace(/, /g, ' , ');
    expect(estimateJaccard(sig(wireStory), sig(reformatted))).toBe(1);
    expect(exactKey(reformatted)).toBe(exactKey(wireStory));
  });

  it('is deterministic: the same signature on every run (pinned values)', () => {
    const signature = sig(wireStory);
    expect(signature.length).toBe(DEDUPE_CONFIG.numHashes);
    expect([...sig(wireStory)]).toEqual([...signature]);
    // Pinned: a change of the hash family or the normalization changes stored signatures, and must be
    // a deliberate decision (stored signatures would have to be recomputed).
    expect([...signature.slice(0, 4)]).toMatchInlineSnapshot(`
      [
        4355033,
        9940541,
        1708174,
        17838989,
      ]
    `);
    expect([...hashFamily(3, 1)]).toEqual([...hashFamily(3, 1)]);
    expect([...hashFamily(3, 1)]).not.toEqual([...hashFamily(3, 2)]);
  });

  it('estimates the exact Jaccard similarity within the expected error', () => {
    // Sets with known overlap: 300 shared of 500 distinct -> J = 0.6.
    const a = Uint32Array.from({ length: 400 }, (_, i) => i * 7919 + 1).sort();
    const b = Uint32Array.from({ length: 400 }, (_, i) => (i + 100) * 7919 + 1).sort();
    expect(exactJaccard(a, b)).toBeCloseTo(0.6, 10);
    const estimate = estimateJaccard(minhashSignature(a), minhashSignature(b));
    // standard error sqrt(0.6 * 0.4 / 128) = 0.043; 3 of them
    expect(Math.abs(estimate - 0.6)).toBeLessThan(0.13);
  });

  it('treats empty texts as similar to nothing', () => {
    expect(estimateJaccard(sig(''), sig(''))).toBe(0);
    expect(estimateJaccard(sig(''), sig(wireStory))).toBe(0);
  });

  it('keeps two different articles on the same topic far apart', () => {
    const a = fingerprint(wireStory);
    const b = fingerprint(sameTopicStory);
    expect(exactJaccard(a.shingles, b.shingles)).toBeLessThan(0.1);
    expect(estimateJaccard(a.signature, b.signature)).toBeLessThan(0.15);
  });
});

describe('paragraphKey and exactKey', () => {
  it('matches a paragraph repeated with other punctuation, case or accents', () => {
    const p = wireParagraphs[2] as string;
    const variant = p
      .replace(/Nicolás/g, 'Nicolas')
      .replace(/,/g, '')
      .toUpperCase();
    expect(paragraphKey(variant)).toBe(paragraphKey(p));
    expect(paragraphKey(p)).toMatch(/^p_[0-9a-f]{32}$/);
  });

  it('tells apart paragraphs that differ by one word or number', () => {
    const p = wireParagraphs[1] as string;
    expect(paragraphKey(p.replace('40,000', '45,000'))).not.toBe(paragraphKey(p));
    expect(exactKey(wireStory.replace('Tuesday', 'Monday'))).not.toBe(exactKey(wireStory));
  });

  it('gives no key to a paragraph too short to show copying', () => {
    expect(paragraphKey('Photo: Reuters')).toBeNull();
    expect(paragraphKey('')).toBeNull();
    expect(paragraphKey('one two three four five six seven eight')).not.toBeNull();
  });

  it('normalizeText joins the normalized words with single spaces', () => {
    expect(normalizeText('  Hola,\n\nMUNDO!  ')).toBe('hola mundo');
  });
});
