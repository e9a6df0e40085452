import { describe, expect, it } from 'vitest';
import { DEDUPE_CONFIG } from './config.js';
import { bandingThreshold, candidateProbability, LshIndex, NearDuplicateIndex } from './lsh.js';
import { prng } from '../util/random.js';
import { exactJaccard, fingerprint, tokenize } from './minhash.js';
import { sameTopicStory, wireByline, wireHeadline, wireParagraphs, wireStory } from './test-texts.js';

const story = (headline: string, byline: string, paragraphs: readonly string[]) =>
  [headline, byline, ...paragraphs].join('\n\n');

/** An index holding the wire story and the same-topic story, plus a few unrelated texts. */
function indexWithWire() {
  const index = new NearDuplicateIndex<string>();
  index.add('other-topic', sameTopicStory);
  index.add('wire', wireStory);
  return index;
}

describe('candidateProbability (the S-curve of the default banding)', () => {
  const { bands, rowsPerBand } = DEDUPE_CONFIG;
  it('finds pairs at the threshold almost surely and unrelated texts rarely', () => {
    expect(candidateProbability(DEDUPE_CONFIG.threshold, bands, rowsPerBand)).toBeGreaterThan(0.999);
    expect(candidateProbability(0.6, bands, rowsPerBand)).toBeGreaterThan(0.98);
    expect(candidateProbability(0.1, bands, rowsPerBand)).toBeLessThan(0.01);
    expect(bandingThreshold(bands, rowsPerBand)).toBeLessThan(DEDUPE_CONFIG.threshold - 0.2);
  });
});

describe('LshIndex', () => {
  it('returns the ids sharing a band, each once, and not the others', () => {
    const lsh = new LshIndex<string>(4, 2);
    const a = Uint32Array.from([1, 2, 3, 4, 5, 6, 7, 8]);
    const b = Uint32Array.from([1, 2, 9, 9, 9, 9, 9, 9]); // shares band 0 with a
    const c = Uint32Array.from([0, 0, 0, 0, 0, 0, 0, 0]);
    lsh.add('a', a);
    lsh.add('b', b);
    lsh.add('c', c);
    expect(lsh.candidates(a).sort()).toEqual(['a', 'b']);
    expect(lsh.candidates(Uint32Array.from([7, 7, 7, 7, 7, 7, 7, 7]))).toEqual([]);
    expect(lsh.size).toBe(3);
  });

  it('refuses a signature shorter than bands x rows', () => {
    expect(() => new LshIndex(4, 2).add('x', new Uint32Array(7))).toThrow(/needs 8/);
  });
});

describe('NearDuplicateIndex', () => {
  it('finds an identical text as an exact duplicate with similarity 1', () => {
    expect(indexWithWire().match(wireStory)).toEqual({
      id: 'wire',
      similarity: 1,
      kind: 'exact',
      measure: 'normalized-text',
    });
  });

  it('finds a republication with a new headline, another byline and a few words edited', () => {
    const edited = wireParagraphs.map((p, i) =>
      i === 3 ? p.replace('about 1,500 workers', 'some 1,500 people') : p,
    );
    const republished = story('Chile lands Chinese lithium refinery worth $2.1bn', 'Reuters staff', edited);
    const found = indexWithWire().match(republished);
    expect(found).toMatchObject({ id: 'wire', kind: 'near', measure: 'signature' });
    expect(found?.similarity).toBeGreaterThan(0.8);
    expect(found?.similarity).toBeLessThan(1);
  });

  it('finds a republication with a paragraph dropped', () => {
    const shorter = story(
      wireHeadline,
      wireByline,
      wireParagraphs.filter((_, i) => i !== 5),
    );
    expect(indexWithWire().match(shorter)).toMatchObject({ id: 'wire', kind: 'near' });
  });

  it('finds a republication with paragraphs re-ordered and boilerplate added', () => {
    const [first, second, ...rest] = wireParagraphs;
    const reordered = story(wireHeadline, wireByline, [
      second as string,
      first as string,
      ...rest.reverse(),
      'Subscribe to our newsletter for the latest news on mining and energy in Latin America.',
    ]);
    const found = indexWithWire().match(reordered);
    expect(found).toMatchObject({ id: 'wire', kind: 'near' });
  });

  it('does not link two different articles on the same topic', () => {
    const index = new NearDuplicateIndex<string>();
    index.add('wire', wireStory);
    expect(index.match(sameTopicStory)).toBeNull();
    // Nor with the decision made on the exact shingle sets, even at a low threshold.
    const verified = new NearDuplicateIndex<string>({ verifyWithShingles: true, threshold: 0.3 });
    verified.add('wire', wireStory);
    expect(verified.match(sameTopicStory)).toBeNull();
  });

  it('returns the most similar earlier document, and the earliest among equals', () => {
    const index = new NearDuplicateIndex<string>();
    const withoutLast = story(wireHeadline, wireByline, wireParagraphs.slice(0, 7));
    const withoutTwo = story(wireHeadline, wireByline, wireParagraphs.slice(0, 6));
    index.add('two-dropped', withoutTwo);
    index.add('one-dropped', withoutLast);
    index.add('one-dropped-again', withoutLast + '\n\n'); // an exact repeat: not indexed again
    expect(index.match(wireStory)).toMatchObject({ id: 'one-dropped', kind: 'near' });
    expect(index.size).toBe(3);
  });

  it('handles texts shorter than a shingle', () => {
    const index = new NearDuplicateIndex<string>();
    expect(index.matchAndAdd('a', 'China invests')).toBeNull();
    expect(index.matchAndAdd('b', 'China invests!')).toMatchObject({ id: 'a', kind: 'exact' });
    expect(index.matchAndAdd('c', 'China divests')).toBeNull();
    expect(index.matchAndAdd('d', '')).toBeNull();
    expect(index.matchAndAdd('e', '...')).toBeNull();
  });

  it('rejects inconsistent parameters', () => {
    expect(() => new NearDuplicateIndex({ bands: 40, rowsPerBand: 4 })).toThrow(/exceeds numHashes/);
    expect(() => new NearDuplicateIndex({ threshold: 0 })).toThrow(/threshold/);
  });
});

describe('random edits (property-like, seeded)', () => {
  // Base documents of 250 words drawn from the vocabulary of the test texts; each is edited by replacing
  // every word with probability `rate`. Similarity must fall and detection must not rise as the rate grows.
  const vocabulary = [...new Set(tokenize(`${wireStory} ${sameTopicStory}`))];
  const random = prng(42);
  const word = () => vocabulary[Math.floor(random() * vocabulary.length)] as string;
  const bases = Array.from({ length: 40 }, () => Array.from({ length: 250 }, word));
  const index = new NearDuplicateIndex<number>();
  bases.forEach((words, i) => index.add(i, words.join(' ')));

  const rates = [0.01, 0.02, 0.05, 0.3];
  const results = rates.map((rate) => {
    let detected = 0;
    let similaritySum = 0;
    bases.forEach((words, i) => {
      const edited = words.map((w) => (random() < rate ? word() : w)).join(' ');
      const found = index.match(edited);
      if (found?.id === i) detected++;
      else if (found) throw new Error(`edited copy of ${i} matched ${found.id}`);
      similaritySum += exactJaccard(fingerprint(edited).shingles, fingerprint(words.join(' ')).shingles);
    });
    return { rate, detection: detected / bases.length, similarity: similaritySum / bases.length };
  });

  it('detects light edits and not heavy ones', () => {
    expect(results[0]?.detection).toBeGreaterThanOrEqual(0.9); // 1%: J about 0.9
    expect(results[3]?.detection).toBe(0); // 30%: J about 0.1
  });

  it('loses similarity and detection monotonically as the edit rate grows', () => {
    for (let i = 1; i < results.length; i++) {
      const [before, after] = [results[i - 1], results[i]];
      expect(after?.similarity).toBeLessThan(before?.similarity ?? 0);
      expect(after?.detection).toBeLessThanOrEqual(before?.detection ?? 0);
    }
  });
});
