import type { Transaction } from 'kysely';
import { backendOf, lockSpaces, type LockKey } from './backend.js';
import type { Database, Db } from './database.js';

/** A logged source with what comparing needs: its fingerprint as stored and the root of its family. */
export interface LoggedSource {
  id: string;
  dedupeKey: string | null;
  signature: string | null;
  version: string | null;
  /** the root of its family, or null for an original */
  duplicateOf: string | null;
}

/**
 * Locks a document's band and exact keys until its transaction ends: a concurrent transaction storing a document
 * that shares one waits until this one has committed, and then reads it from the log. (SQLite: nothing to do,
 * every write transaction already holds the file's write lock.)
 */
export async function lockBands(
  trx: Transaction<Database>,
  keys: readonly (readonly [band: number, hash: number])[],
): Promise<void> {
  await backendOf(trx).lockKeys(
    trx,
    keys.map(([band, hash]): LockKey => [lockSpaces.nearDuplicates + band, hash]),
  );
}

/** The log after `seq`, in log order (the order the sources were committed). */
export async function loggedSince(db: Db, seq: number): Promise<{ seq: number; sourceId: string }[]> {
  const rows = await db
    .selectFrom('near_duplicate_log')
    .select(['seq', 'source_id'])
    .where('seq', '>', seq)
    .orderBy('seq')
    .execute();
  return rows.map((r) => ({ seq: Number(r.seq), sourceId: r.source_id }));
}

/** What comparing needs of these sources, by id. */
export async function loggedSources(db: Db, ids: string[]): Promise<Map<string, LoggedSource>> {
  const found = new Map<string, LoggedSource>();
  for (let i = 0; i < ids.length; i += 500)
    for (const r of await db
      .selectFrom('source')
      .select(['id', 'dedupe_key', 'dedupe_signature', 'dedupe_version', 'duplicate_of'])
      .where('id', 'in', ids.slice(i, i + 500))
      .execute())
      found.set(r.id, {
        id: r.id,
        dedupeKey: r.dedupe_key,
        signature: r.dedupe_signature,
        version: r.dedupe_version,
        duplicateOf: r.duplicate_of,
      });
  return found;
}

/**
 * Logs a stored source, as the last write of its transaction. The log's order must be the commit order, so that
 * a process that has read up to some `seq` never finds a smaller one committed later: on PostgreSQL a lock taken
 * here and held until the commit makes the next transaction take its `seq` only after this one has committed (it
 * serializes only this last step); on SQLite the file's write lock already does.
 */
export async function logSource(trx: Transaction<Database>, sourceId: string): Promise<void> {
  await backendOf(trx).lockKeys(trx, [[lockSpaces.nearDuplicateLog, 0]]);
  await trx.insertInto('near_duplicate_log').values({ source_id: sourceId }).execute();
}
