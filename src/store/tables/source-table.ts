/** Row of `source`: one ingested document and its normalized text. */
export interface SourceTable {
  id: string;
  uri: string;
  content_hash: string;
  media_type: string;
  title: string | null;
  byline: string | null;
  publisher: string | null;
  language: string | null;
  published_at: string | null;
  ingested_at: string;
  byte_size: number;
  text: string;
  paragraph_count: number;
  duplicate_paragraph_count: number;
  claim_count: number;
  /** the original this source copies (the root of its family), or null for an original */
  duplicate_of: string | null;
  duplicate_kind: 'exact' | 'near' | null;
  duplicate_similarity: number | null;
  /** the MinHash fingerprint: normalized-text key, signature (base64 of 32-bit words), parameters' version */
  dedupe_key: string | null;
  dedupe_signature: string | null;
  dedupe_version: string | null;
}
