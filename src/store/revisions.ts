import type { Revision } from '../domain/revision.js';
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

/** Every revision of one entity or claim, oldest first. */
export async function revisionsOf(
  db: Db,
  targetKind: Revision['targetKind'],
  targetId: string,
): Promise<Revision[]> {
  const rows = await db
    .selectFrom('revision')
    .selectAll()
    .where('target_kind', '=', targetKind)
    .where('target_id', '=', targetId)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    targetKind: r.target_kind as Revision['targetKind'],
    targetId: r.target_id,
    action: r.action as Revision['action'],
    actor: r.actor,
    at: r.at,
    before: r.before === null ? null : (JSON.parse(r.before) as unknown),
    after: r.after === null ? null : (JSON.parse(r.after) as unknown),
    why: r.why,
  }));
}
