import type { Kysely } from 'kysely';

/**
 * Paragraphs repeated across documents: a paragraph whose text was already stored in another source names the
 * first stored occurrence (`repeats_source`, `repeats_idx`), found by the paragraph hash. A claim
 * whose evidence lies in such a paragraph names that source too (`claim.repeats_source`), so lists and totals
 * count it once, from the document that first said it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('paragraph')
    .addColumn('repeats_source', 'text', (c) => c.references('source.id'))
    .execute();
  await db.schema.alterTable('paragraph').addColumn('repeats_idx', 'integer').execute();
  await db.schema
    .alterTable('claim')
    .addColumn('repeats_source', 'text', (c) => c.references('source.id'))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('claim').dropColumn('repeats_source').execute();
  await db.schema.alterTable('paragraph').dropColumn('repeats_idx').execute();
  await db.schema.alterTable('paragraph').dropColumn('repeats_source').execute();
}
