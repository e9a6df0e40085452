/** Row of `paragraph`: a span of a source's text; `duplicate_of` names the earlier paragraph it repeats. */
export interface ParagraphTable {
  source_id: string;
  idx: number;
  span_start: number;
  span_end: number;
  hash: string;
  duplicate_of: number | null;
  /** the 1-based page of a PDF the paragraph is on; null for documents without pages */
  page: number | null;
  /** the source that first stored a paragraph with this text, when it is another source; else null */
  repeats_source: string | null;
  /** that paragraph's index in `repeats_source` */
  repeats_idx: number | null;
}
