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
}
