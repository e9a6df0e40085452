import { sql, type Kysely } from 'kysely';
import { autoIncrementId } from './columns.js';

/**
 * The near-duplicate log: the sources every process compares new documents with, in the order they were stored
 * (committed), so that a process reads what other processes stored since it last looked, inside the transaction
 * that stores a document (before, each process compared with an index built in its own memory at its first
 * document, and never saw what the others stored after that). The sources already stored are logged here, oldest
 * first; dataset records are never compared, so not logged.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('near_duplicate_log')
    .addColumn('seq', autoIncrementId(db), (c) => c.primaryKey())
    .addColumn('source_id', 'text', (c) => c.notNull().references('source.id'))
    .execute();
  await sql`insert into near_duplicate_log (source_id)
    select id from source where media_type <> 'text/csv' order by ingested_at, id`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('near_duplicate_log').execute();
}
