// Word shingles and MinHash signatures for near-duplicate detection.
//
// Normalization (the same for shingles, exact keys and paragraph keys):
// - Unicode NFKC, then lower case;
// - accents folded ("está" and "esta", "ação" and "acao" are one word): feeds that re-publish Spanish and
//   Portuguese wire copy sometimes strip accents, and at the level of five-word shingles the words that the
//   folding merges ("é"/"e", "está"/"esta") do not make unrelated texts look alike;
// - punctuation and symbols dropped: a word is a run of letters and digits; separators inside a number are
//   removed ("2.100", "2,100" and "2100" are one token), so a change of number style is not an edit but a
//   changed number is;
// - Han, Hiragana and Katakana characters are one token each (those scripts do not separate words).
// All hashing is 32-bit integer arithmetic (Math.imul), no BigInt and no strings per shingle.
import { createHash } from 'node:crypto';
import { DEDUPE_CONFIG, type DedupeConfig } from './config.js';

const digitSeparator = /(\d)[.,'’\u00a0\u202f](?=\d)/g;
const marks = /\p{M}+/gu;
const cjk = /[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;

const fold = (text: string) =>
  text.normalize('NFKC').toLowerCase().normalize('NFD').replace(marks, '').replace(digitSeparator, '$1');

// Character classes of the word scanner: 0 separates words, 1 is part of a word, 2 is a word by itself
// (CJK). ASCII is decided inline; other characters once each, by regular expression, then cached.
const wordChar = /[\p{L}\p{N}\p{M}]/u;
const classCache = new Map<number, number>();
function classOf(code: number): number {
  let c = classCache.get(code);
  if (c === undefined) {
    const char = String.fromCodePoint(code);
    c = cjk.test(char) ? 2 : wordChar.test(char) ? 1 : 0;
    classCache.set(code, c);
  }
  return c;
}

function wordsOf(folded: string): string[] {
  const words: string[] = [];
  let start = -1;
  for (let i = 0; i < folded.length; i++) {
    const code = folded.codePointAt(i) as number;
    const c =
      code < 0x80
        ? (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39) || (code >= 0x41 && code <= 0x5a)
          ? 1
          : 0
        : classOf(code);
    const end = i;
    if (code > 0xffff) i++;
    if (c === 1) {
      if (start < 0) start = end;
      continue;
    }
    if (start >= 0) words.push(folded.slice(start, end));
    start = -1;
    if (c === 2) words.push(folded.slice(end, i + 1));
  }
  if (start >= 0) words.push(folded.slice(start));
  return words;
}

/** The normalized words of a text (see the normalization rules at the top of this file). */
export function tokenize(text: string): string[] {
  return wordsOf(fold(text));
}

/** The normalized words of each paragraph of a text (paragraphs as `splitParagraphs` cuts them). */
export function tokenizeParagraphs(text: string): string[][] {
  return splitParagraphs(fold(text)).map(wordsOf);
}

/** The normalized text: its words joined by single spaces. */
export const normalizeText = (text: string): string => tokenize(text).join(' ');

const rotl = (x: number, r: number) => (x << r) | (x >>> (32 - r));

/** murmur3's 32-bit finalizer: a bijection on 32-bit integers with full avalanche. */
export function fmix32(x: number): number {
  let h = x;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** FNV-1a over the UTF-16 code units of a word. */
export function hashWord(word: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) {
    h ^= word.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/**
 * The paragraphs of a text, for shingling: blank lines separate paragraphs when the text has any, otherwise
 * each line is one (the rule of src/ingest/normalize.ts, so the normalized text of a stored source splits
 * the same way).
 */
export function splitParagraphs(text: string): string[] {
  const unified = text.replace(/\r\n?/g, '\n').trim();
  return /\n[ \t]*\n/.test(unified) ? unified.split(/\n[ \t]*\n/) : unified.split('\n');
}

/**
 * The set of k-word shingles of one or more token lists (paragraphs), as sorted distinct 32-bit hashes.
 * Shingles do not cross from one list to the next, so re-ordering paragraphs or changing a headline leaves
 * the shingles of the other paragraphs as they were. Each shingle's hash is murmur3's block mixing over the
 * k word hashes, so it depends on the words and their order. A list with fewer than k words (but at least
 * one) is one shingle of all its words; an empty list has none.
 */
export function shingleSet(
  tokens: readonly string[] | readonly (readonly string[])[],
  k: number = DEDUPE_CONFIG.shingleSize,
): Uint32Array {
  const lists = (
    tokens.length > 0 && typeof tokens[0] !== 'string' ? tokens : [tokens]
  ) as readonly (readonly string[])[];
  let total = 0;
  for (const list of lists) total += list.length === 0 ? 0 : list.length - Math.min(k, list.length) + 1;
  const out = new Uint32Array(total);
  let n = 0;
  for (const list of lists) {
    if (list.length === 0) continue;
    const width = Math.min(k, list.length);
    const words = Uint32Array.from(list, hashWord);
    for (let i = 0; i + width <= list.length; i++) {
      let h = width;
      for (let j = 0; j < width; j++) {
        let block = Math.imul(words[i + j] as number, 0xcc9e2d51);
        block = Math.imul(rotl(block, 15), 0x1b873593);
        h ^= block;
        h = (Math.imul(rotl(h, 13), 5) + 0xe6546b64) | 0;
      }
      out[n++] = fmix32(h ^ width);
    }
  }
  out.sort();
  // Drop repeats in place (the array is sorted).
  let unique = 0;
  for (let i = 0; i < out.length; i++)
    if (i === 0 || out[i] !== out[unique - 1]) out[unique++] = out[i] as number;
  return out.subarray(0, unique);
}

/** A seeded family of hash functions, given by one 32-bit seed each (drawn by splitmix32 from `seed`). */
export function hashFamily(numHashes: number, seed: number): Uint32Array {
  const seeds = new Uint32Array(numHashes);
  let state = seed >>> 0;
  for (let i = 0; i < numHashes; i++) {
    state = (state + 0x9e3779b9) | 0;
    seeds[i] = fmix32(state);
  }
  return seeds;
}

const families = new Map<string, Uint32Array>();
function familyFor(numHashes: number, seed: number): Uint32Array {
  const key = `${numHashes}:${seed}`;
  let family = families.get(key);
  if (!family) families.set(key, (family = hashFamily(numHashes, seed)));
  return family;
}

/**
 * The MinHash signature of a shingle set: for each function h_i(x) = fmix32(x xor seed_i), the least value
 * over the set. Two signatures agree at position i with probability equal to the Jaccard similarity of the
 * sets. An empty set gives all 0xffffffff (and matches nothing: see `estimateJaccard`).
 */
export function minhashSignature(
  shingles: Uint32Array,
  numHashes: number = DEDUPE_CONFIG.numHashes,
  seed: number = DEDUPE_CONFIG.seed,
): Uint32Array {
  const family = familyFor(numHashes, seed);
  const signature = new Uint32Array(numHashes).fill(0xffffffff);
  for (let s = 0; s < shingles.length; s++) {
    const x = shingles[s] as number;
    for (let i = 0; i < numHashes; i++) {
      let h = x ^ (family[i] as number);
      h ^= h >>> 16;
      h = Math.imul(h, 0x85ebca6b);
      h ^= h >>> 13;
      h = Math.imul(h, 0xc2b2ae35);
      h = (h ^ (h >>> 16)) >>> 0;
      if (h < (signature[i] as number)) signature[i] = h;
    }
  }
  return signature;
}

const isEmptySignature = (signature: Uint32Array) => signature.every((v) => v === 0xffffffff);

/** The share of positions where two signatures agree: an unbiased estimate of the sets' Jaccard similarity. */
export function estimateJaccard(a: Uint32Array, b: Uint32Array): number {
  if (a.length !== b.length) throw new Error('signatures of different lengths');
  if (a.length === 0 || isEmptySignature(a) || isEmptySignature(b)) return 0;
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return same / a.length;
}

/** Exact Jaccard similarity of two sorted distinct hash sets (as `shingleSet` returns); 0 if both are empty. */
export function exactJaccard(a: Uint32Array, b: Uint32Array): number {
  if (a.length === 0 || b.length === 0) return 0;
  let i = 0;
  let j = 0;
  let common = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as number;
    const y = b[j] as number;
    if (x === y) {
      common++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return common / (a.length + b.length - common);
}

/** Everything the duplicate index needs from one text, computed once. */
export interface Fingerprint {
  /** Hash of the normalized text: equal for texts that differ only in case, accents, punctuation, spacing. */
  exactKey: string;
  /** Number of normalized words. */
  words: number;
  /** Sorted distinct shingle hashes. */
  shingles: Uint32Array;
  signature: Uint32Array;
}

const sha256Hex = (s: string) => createHash('sha256').update(s).digest('hex');

/** The key of a whole text for exact-duplicate detection after normalization. */
export const exactKey = (text: string): string => `x_${sha256Hex(normalizeText(text)).slice(0, 32)}`;

/**
 * The key of a paragraph for cross-document paragraph duplicates: equal for paragraphs with the same words
 * after normalization, null for a paragraph too short to tell copying from a common phrase.
 */
export function paragraphKey(
  text: string,
  minWords: number = DEDUPE_CONFIG.minParagraphWords,
): string | null {
  const tokens = tokenize(text);
  if (tokens.length === 0 || tokens.length < minWords) return null;
  return `p_${sha256Hex(tokens.join(' ')).slice(0, 32)}`;
}

/** Paragraphs, shingles, signature and exact key of a text, with the given parameters. */
export function fingerprint(
  text: string,
  config: Pick<DedupeConfig, 'shingleSize' | 'numHashes' | 'seed'> = DEDUPE_CONFIG,
): Fingerprint {
  const paragraphs = tokenizeParagraphs(text).filter((tokens) => tokens.length > 0);
  const shingles = shingleSet(paragraphs, config.shingleSize);
  const words = paragraphs.reduce((sum, tokens) => sum + tokens.length, 0);
  return {
    exactKey: `x_${sha256Hex(paragraphs.map((tokens) => tokens.join(' ')).join(' ')).slice(0, 32)}`,
    words,
    shingles,
    signature: minhashSignature(shingles, config.numHashes, config.seed),
  };
}
