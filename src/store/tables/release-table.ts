import type { Generated } from 'kysely';

/** Row of `release`: a named, frozen snapshot of the accepted data (never updated or deleted). */
export interface ReleaseTable {
  id: Generated<number>;
  name: string;
  created_at: string;
  created_by: string;
  note: string | null;
  claim_count: number;
  entity_count: number;
}

/** Row of `release_item`: one claim or entity as it was when the release was made, as JSON, and its hash. */
export interface ReleaseItemTable {
  release_id: number;
  kind: 'claim' | 'entity';
  item_id: string;
  hash: string;
  content: string;
}
