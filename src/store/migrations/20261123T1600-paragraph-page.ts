import type { Kysely } from 'kysely';

/** The page of a paged document (PDF) each paragraph is on, so that evidence can cite it; null elsewhere. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('paragraph').addColumn('page', 'integer').execute();
}

/** Drops the page column. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('paragraph').dropColumn('page').execute();
}
