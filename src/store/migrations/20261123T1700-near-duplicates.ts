import type { Kysely } from 'kysely';

/**
 * Near-duplicate documents: a source may be a copy of an earlier one (`duplicate_of` names the original at the
 * root of its family, `duplicate_kind` says exact or near, with the estimated similarity). Each source keeps its
 * MinHash fingerprint (normalized-text key and signature, with the parameters' version) so later documents can
 * be compared with it without reading its text again.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('source')
    .addColumn('duplicate_of', 'text', (c) => c.references('source.id'))
    .execute();
  await db.schema.alterTable('source').addColumn('duplicate_kind', 'text').execute();
  await db.schema.alterTable('source').addColumn('duplicate_similarity', 'double precision').execute();
  await db.schema.alterTable('source').addColumn('dedupe_key', 'text').execute();
  await db.schema.alterTable('source').addColumn('dedupe_signature', 'text').execute();
  await db.schema.alterTable('source').addColumn('dedupe_version', 'text').execute();
  await db.schema.createIndex('source_duplicate_of').on('source').column('duplicate_of').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('source_duplicate_of').execute();
  for (const column of [
    'dedupe_version',
    'dedupe_signature',
    'dedupe_key',
    'duplicate_similarity',
    'duplicate_kind',
    'duplicate_of',
  ])
    await db.schema.alterTable('source').dropColumn(column).execute();
}
