/** Row of `claim`: the typed value is spread over `value_kind`, `amount`/`unit`/`currency`, `value_text` and `value_entity_id`. */
export interface ClaimTable {
  id: string;
  source_id: string;
  subject_id: string | null;
  subject_name: string | null;
  subject_type: string | null;
  property: string;
  value_kind: string;
  amount: number | null;
  unit: string | null;
  currency: string | null;
  value_text: string | null;
  value_entity_id: string | null;
  qualifier: string | null;
  time: string | null;
  span_start: number;
  span_end: number;
  quote: string;
  origin_kind: string;
  origin_name: string;
  review_state: string;
  created_at: string;
  /** the source that first stored the paragraph this claim's evidence lies in, when another source did */
  repeats_source: string | null;
  /** set when `amount` is in constant USD of this year's prices (a dataset's figure), else null */
  constant_base: number | null;
  /** bumped by every review change; an edit must name the version it saw */
  version: number;
}
