import type { Generated } from 'kysely';

/** Row of `revision`: an append-only log of changes; `before` and `after` hold JSON text. */
export interface RevisionTable {
  id: Generated<number>;
  target_kind: string;
  target_id: string;
  action: string;
  actor: string;
  at: string;
  before: string | null;
  after: string | null;
  why: string | null;
}

/** Row of `meta`: small facts about the database itself, such as whether the samples were loaded. */
export interface MetaTable {
  key: string;
  value: string;
}
