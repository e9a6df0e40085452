import type { Selectable } from 'kysely';
import type { Revision } from '../domain/revision.js';
import { claimFromRow } from './claims.js';
import type { RevisionTable } from './tables/revision-table.js';
import type { Db } from './database.js';

/** A revision to append; id and time are set by the store. */
export type NewRevision = Omit<Revision, 'id' | 'at'>;

/** Appends revisions, all stamped with the same time. */
export async function appendRevisions(
  db: Db,
  revisions: NewRevision[],
  at = new Date().toISOString(),
): Promise<void> {
  for (let i = 0; i < revisions.length; i += 200) {
    await db
      .insertInto('revision')
      .values(
        revisions.slice(i, i + 200).map((r) => ({
          target_kind: r.targetKind,
          target_id: r.targetId,
          action: r.action,
          actor: r.actor,
          at,
          before: r.before === null ? null : JSON.stringify(r.before),
          after: r.after === null ? null : JSON.stringify(r.after),
          why: r.why,
        })),
      )
      .execute();
  }
}

const fromRow = (r: Selectable<RevisionTable>): Revision => ({
  id: r.id,
  targetKind: r.target_kind as Revision['targetKind'],
  targetId: r.target_id,
  action: r.action as Revision['action'],
  actor: r.actor,
  at: r.at,
  before: r.before === null ? null : (JSON.parse(r.before) as unknown),
  after: r.after === null ? null : (JSON.parse(r.after) as unknown),
  why: r.why,
});

/**
 * Every revision of one source, entity or claim, oldest first. A claim's history starts with the ingest of its
 * source (one revision per document, not one per claim); that entry is shown as the claim's `create`, with the
 * claim as it was made: the `before` of its first change, or the claim as it stands when it never changed.
 */
export async function revisionsOf(
  db: Db,
  targetKind: Revision['targetKind'],
  targetId: string,
): Promise<Revision[]> {
  const own = (
    await db
      .selectFrom('revision')
      .selectAll()
      .where('target_kind', '=', targetKind)
      .where('target_id', '=', targetId)
      .orderBy('id')
      .execute()
  ).map(fromRow);
  if (targetKind !== 'claim') return own;
  const claim = await db.selectFrom('claim').selectAll().where('id', '=', targetId).executeTakeFirst();
  if (!claim) return own;
  const ingest = await db
    .selectFrom('revision')
    .selectAll()
    .where('target_kind', '=', 'source')
    .where('target_id', '=', claim.source_id)
    .where('action', '=', 'create')
    .orderBy('id')
    .executeTakeFirst();
  if (!ingest) return own;
  const created: Revision = {
    ...fromRow(ingest),
    targetKind: 'claim',
    targetId,
    before: null,
    after: own[0] ? own[0].before : claimFromRow(claim),
  };
  return [created, ...own];
}
