// Locality-sensitive hashing over MinHash signatures, and the near-duplicate index built on it.
//
// Banding: the signature is cut into b bands of r rows; two documents become candidates when all r rows of
// at least one band agree. For Jaccard similarity s that happens with probability 1 - (1 - s^r)^b, an S-curve
// whose midpoint is near (1/b)^(1/r). With the defaults (b = 32, r = 4, 128 hashes):
//
//   s     0.2    0.3    0.4    0.5    0.6    0.7    0.8    0.9
//   P     0.05   0.23   0.56   0.87   0.99   1.00   1.00   1.00
//
// The midpoint (0.42) sits well below the 0.7 threshold on purpose: LSH only chooses which earlier documents
// to compare, and a pair missed here is missed for good, while a spurious candidate costs one comparison of
// two signatures (or two shingle sets). 16 x 8 would put the midpoint at 0.71 and miss 39% of pairs at 0.7
// and 5% at 0.8; 21 x 6 would miss 7% at 0.7. 32 x 4 keeps recall and stays cheap because unrelated
// articles are far below 0.3 (candidate rate 2e-4 at s = 0.05): 18 candidates per document over 20,000.
import { DEDUPE_CONFIG, type DedupeConfig } from './config.js';
import { estimateJaccard, exactJaccard, fingerprint, fmix32, type Fingerprint } from './minhash.js';

/** Probability that two documents with Jaccard similarity `s` share at least one band: 1 - (1 - s^r)^b. */
export const candidateProbability = (s: number, bands: number, rows: number): number =>
  1 - (1 - s ** rows) ** bands;

/** The similarity where the S-curve is steepest, about (1/b)^(1/r). */
export const bandingThreshold = (bands: number, rows: number): number => (1 / bands) ** (1 / rows);

/** The hash of one band of a signature (its `rows` values from `band * rows` on, and the band's number). */
export function bandHash(signature: Uint32Array, band: number, rows: number): number {
  let h = band;
  const start = band * rows;
  for (let i = start; i < start + rows; i++) h = fmix32((h ^ (signature[i] as number)) + 0x9e3779b9);
  return h;
}

/** An LSH index: b bands x r rows of each signature, each band hashed into its own table of buckets. */
export class LshIndex<Id> {
  readonly bands: number;
  readonly rows: number;
  private readonly tables: Map<number, Id[]>[];
  private count = 0;

  constructor(bands: number = DEDUPE_CONFIG.bands, rows: number = DEDUPE_CONFIG.rowsPerBand) {
    if (!Number.isInteger(bands) || !Number.isInteger(rows) || bands < 1 || rows < 1)
      throw new Error('bands and rows must be positive integers');
    this.bands = bands;
    this.rows = rows;
    this.tables = Array.from({ length: bands }, () => new Map<number, Id[]>());
  }

  /** Number of signatures added. */
  get size(): number {
    return this.count;
  }

  private bandKey(signature: Uint32Array, band: number): number {
    return bandHash(signature, band, this.rows);
  }

  private check(signature: Uint32Array) {
    if (signature.length < this.bands * this.rows)
      throw new Error(`signature of ${signature.length} values, index needs ${this.bands * this.rows}`);
  }

  add(id: Id, signature: Uint32Array): void {
    this.check(signature);
    for (let band = 0; band < this.bands; band++) {
      const key = this.bandKey(signature, band);
      const table = this.tables[band] as Map<number, Id[]>;
      const bucket = table.get(key);
      if (bucket) bucket.push(id);
      else table.set(key, [id]);
    }
    this.count++;
  }

  /** Ids sharing at least one band with the signature, each once, in the order they were added per band. */
  candidates(signature: Uint32Array): Id[] {
    this.check(signature);
    const found = new Set<Id>();
    for (let band = 0; band < this.bands; band++) {
      const bucket = this.tables[band]?.get(this.bandKey(signature, band));
      if (bucket) for (const id of bucket) found.add(id);
    }
    return [...found];
  }
}

/** The best earlier document a new one duplicates. */
export interface NearDuplicateMatch<Id> {
  /** The earlier document (the earliest one among equally similar matches). */
  id: Id;
  /** Jaccard similarity of the shingle sets (exact when measured, estimated otherwise); 1 for `exact`. */
  similarity: number;
  /** `exact`: the same normalized text; `near`: similarity at or above the threshold. */
  kind: 'exact' | 'near';
  /** How the similarity was obtained. */
  measure: 'normalized-text' | 'shingles' | 'signature';
}

interface Entry<Id> {
  id: Id;
  signature: Uint32Array;
  shingles: Uint32Array | null;
}

/** An earlier document a new one is compared with: its signature (and shingles), and its place in arrival order. */
export interface Candidate<Id> extends Entry<Id> {
  order: number;
}

// Candidates whose estimate is this far below the threshold are still measured exactly (4 standard errors
// of a 128-hash estimate at J = 0.8).
const verifyMargin = 0.15;

/**
 * Of the earlier documents sharing a band with a new one, the most similar at or above the threshold (the earliest
 * among equally similar ones), or null. The similarity is the signatures' estimate, or the shingle sets' exact
 * Jaccard when `verifyWithShingles` is on and the candidate kept its shingles.
 */
export function bestCandidate<Id>(
  doc: Fingerprint,
  candidates: Iterable<Candidate<Id>>,
  config: Pick<DedupeConfig, 'threshold' | 'verifyWithShingles'>,
): NearDuplicateMatch<Id> | null {
  const { threshold, verifyWithShingles } = config;
  let best: { entry: Candidate<Id>; similarity: number; measure: 'shingles' | 'signature' } | null = null;
  for (const entry of candidates) {
    const estimate = estimateJaccard(doc.signature, entry.signature);
    let similarity = estimate;
    let measure: 'shingles' | 'signature' = 'signature';
    if (verifyWithShingles && entry.shingles) {
      if (estimate < threshold - verifyMargin) continue;
      similarity = exactJaccard(doc.shingles, entry.shingles);
      measure = 'shingles';
    }
    if (similarity < threshold) continue;
    if (
      !best ||
      similarity > best.similarity ||
      (similarity === best.similarity && entry.order < best.entry.order)
    )
      best = { entry, similarity, measure };
  }
  if (!best) return null;
  return { id: best.entry.id, similarity: best.similarity, kind: 'near', measure: best.measure };
}

/**
 * Finds, for a new document, the most similar document added before it, when that similarity reaches the
 * threshold. Exact duplicates (same normalized text) are found through a map, near-duplicates through LSH
 * candidates confirmed by Jaccard similarity. Documents are identified by any id the caller chooses.
 */
export class NearDuplicateIndex<Id = string> {
  readonly config: Readonly<DedupeConfig>;
  private readonly lsh: LshIndex<number>;
  private readonly entries: Entry<Id>[] = [];
  private readonly byExactKey = new Map<string, Id>();
  /** Candidate pairs examined so far (for benchmarks and tuning). */
  candidatePairs = 0;

  constructor(config: Partial<DedupeConfig> = {}) {
    this.config = Object.freeze({ ...DEDUPE_CONFIG, ...config });
    const { bands, rowsPerBand, numHashes, threshold } = this.config;
    if (bands * rowsPerBand > numHashes)
      throw new Error(`bands x rowsPerBand (${bands * rowsPerBand}) exceeds numHashes (${numHashes})`);
    if (!(threshold > 0 && threshold <= 1)) throw new Error('threshold must be in (0, 1]');
    this.lsh = new LshIndex(bands, rowsPerBand);
  }

  /** Documents added (exact duplicates of earlier ones included). */
  get size(): number {
    return this.entries.length + this.exactRepeats;
  }
  private exactRepeats = 0;

  /** The fingerprint of a text with this index's parameters. */
  fingerprint(text: string): Fingerprint {
    return fingerprint(text, this.config);
  }

  private prepared(input: string | Fingerprint): Fingerprint {
    return typeof input === 'string' ? this.fingerprint(input) : input;
  }

  /** The best earlier match of a document, or null when nothing reaches the threshold. */
  match(input: string | Fingerprint): NearDuplicateMatch<Id> | null {
    const doc = this.prepared(input);
    if (doc.words === 0) return null;
    const exact = this.byExactKey.get(doc.exactKey);
    if (exact !== undefined) return { id: exact, similarity: 1, kind: 'exact', measure: 'normalized-text' };
    const candidates = this.lsh.candidates(doc.signature).map((index) => {
      this.candidatePairs++;
      return { ...(this.entries[index] as Entry<Id>), order: index };
    });
    return bestCandidate(doc, candidates, this.config);
  }

  /**
   * Adds a document, so later ones can match it. An exact repeat of an earlier document is not indexed
   * again: later copies match the earlier one.
   */
  add(id: Id, input: string | Fingerprint): void {
    const doc = this.prepared(input);
    if (doc.words === 0) return;
    if (this.byExactKey.has(doc.exactKey)) {
      this.exactRepeats++;
      return;
    }
    this.byExactKey.set(doc.exactKey, id);
    const index = this.entries.length;
    this.entries.push({
      id,
      signature: doc.signature,
      shingles: this.config.verifyWithShingles ? doc.shingles : null,
    });
    this.lsh.add(index, doc.signature);
  }

  /** `match` then `add`: the streaming use, one document at a time in arrival order. */
  matchAndAdd(id: Id, input: string | Fingerprint): NearDuplicateMatch<Id> | null {
    const doc = this.prepared(input);
    const found = this.match(doc);
    this.add(id, doc);
    return found;
  }
}
