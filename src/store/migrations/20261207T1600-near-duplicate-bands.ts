import { sql, type Kysely } from 'kysely';
import { DEDUPE_CONFIG } from '../../dedupe/config.js';
import type { Database } from '../database.js';
import { bandsMetaKey, refileSources } from '../near-duplicate-bands.js';
import { withoutRowid } from './columns.js';

/**
 * The band table: every stored source filed under the LSH bands of its MinHash signature and its exact key, so
 * that the transaction storing a new document finds its candidate originals in the database, whichever process
 * stored them (before, each process compared documents with an index in its own memory). The sources already
 * stored are filed here, oldest first, from their stored fingerprints (those made with other parameters are
 * fingerprinted again from their text).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('near_duplicate_band')
    .addColumn('key', 'bigint', (c) => c.notNull())
    .addColumn('source_id', 'text', (c) => c.notNull().references('source.id'))
    .addPrimaryKeyConstraint('near_duplicate_band_pk', ['key', 'source_id'])
    .modifyEnd(withoutRowid(db))
    .execute();
  await refileSources(db.withTables<{ [T in keyof Database]: Database[T] }>(), DEDUPE_CONFIG);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('near_duplicate_band').execute();
  await sql`delete from meta where key = ${bandsMetaKey}`.execute(db);
}
