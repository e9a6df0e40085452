/**
 * Row of `near_duplicate_band`: a stored source filed under one of its keys, an LSH band of its MinHash signature or
 * the exact key of its normalized text (src/dedupe/band-keys.ts). A new document's candidate originals are the
 * sources filed under any of its keys, looked up in the transaction that stores it.
 */
export interface NearDuplicateBandTable {
  /** the band's number times 2^32 plus the band's 32-bit hash (the exact key: the number after the last band) */
  key: number;
  source_id: string;
}
