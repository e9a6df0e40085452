/**
 * Parameters of duplicate detection, in one place so that they can later be set by environment variable or
 * CLI flag. The defaults are the ones `npm run bench:dedupe` was tuned with (see bench/README.md); the S-curve
 * behind the banding choice is in `lsh.ts` (`candidateProbability`).
 */
export interface DedupeConfig {
  /**
   * Words per shingle. Five words is the usual size for news text: long enough that two different articles
   * on the same topic (same entities, same stock phrases) share few shingles, short enough that one edited
   * word only spoils the five shingles that cover it.
   */
  shingleSize: number;
  /**
   * Hash functions in a MinHash signature (= bands x rowsPerBand). The standard error of the Jaccard estimate
   * is sqrt(J(1-J)/numHashes): 0.035 at J = 0.8 with 128.
   */
  numHashes: number;
  /** LSH bands. Together with rowsPerBand this sets which pairs become candidates at all. */
  bands: number;
  /**
   * Signature rows per band. A pair with Jaccard s becomes a candidate with probability
   * 1 - (1 - s^rows)^bands; with 32 x 4 that is 0.50 at s = 0.38, 0.99 at s = 0.6 and 0.9998 at s = 0.7,
   * so the LSH step loses practically nothing above the threshold and the confirmation step decides.
   */
  rowsPerBand: number;
  /**
   * Two documents are near-duplicates when the Jaccard similarity of their shingle sets is at least this.
   * It is measured exactly on the stored shingle sets when `verifyWithShingles` is on, else estimated from
   * the signatures. 0.7: a republication with a new headline, byline, boilerplate line or a few words edited
   * stays above 0.9, one with a paragraph dropped from a short article falls to 0.7-0.8, while different
   * articles on the same topic stay below 0.1 and no two unrelated documents of the bench corpus reach 0.5
   * (bench/README.md has the tuning: 0.8 would lose 5% of the planted near-copies).
   */
  threshold: number;
  /**
   * Keep each document's shingle set (about 4 bytes per distinct shingle) and decide on the exact Jaccard
   * instead of the signature estimate. Removes the estimate's noise around the threshold, but costs about
   * 2.3 KB per document of a few KB (the signature alone is 512 bytes), for no measured gain on the bench
   * corpus: off by default.
   */
  verifyWithShingles: boolean;
  /** Seed of the hash family: fixed, so that signatures are the same on every run and machine. */
  seed: number;
  /**
   * A paragraph with fewer words than this gets no paragraph key: short lines ("Photo: Reuters", "Read
   * more") repeat across unrelated articles and are not evidence that one copied the other.
   */
  minParagraphWords: number;
}

export const DEDUPE_CONFIG: Readonly<DedupeConfig> = Object.freeze({
  shingleSize: 5,
  numHashes: 128,
  bands: 32,
  rowsPerBand: 4,
  threshold: 0.7,
  verifyWithShingles: false,
  seed: 0x5eed_d00d,
  minParagraphWords: 8,
});
