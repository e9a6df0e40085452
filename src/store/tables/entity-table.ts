/** Row of `entity`; `aliases` and `attributes` hold JSON text. */
export interface EntityTable {
  id: string;
  type: string;
  name: string;
  aliases: string;
  attributes: string;
  review_state: string;
  created_at: string;
  updated_at: string;
  /** bumped by every review change; an edit must name the version it saw */
  version: number;
}

/** Row of `mention`: where an entity is named in a source. */
export interface MentionTable {
  source_id: string;
  entity_id: string;
  span_start: number;
  span_end: number;
}
