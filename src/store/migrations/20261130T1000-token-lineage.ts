import type { Kysely } from 'kysely';

/**
 * API tokens remember how they were made: `origin` is `cli`, `session` or `token` (null: made before this
 * migration, when nothing recorded it), and a token made with another token names it in `parent_id`. A token is
 * valid only while no token in its chain of parents is revoked (src/store/api-tokens.ts).
 * `parent_id` has no foreign key: SQLite cannot drop a column that one names (so `down` could not undo it), and
 * the chain walk already fails closed on a parent that is missing. Tokens are only deleted with their user, and a
 * token's parent always belongs to the same user, so no child outlives its parent's row.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('api_token').addColumn('parent_id', 'text').execute();
  await db.schema.alterTable('api_token').addColumn('origin', 'text').execute();
  await db.schema.createIndex('api_token_parent').on('api_token').column('parent_id').execute();
  await db.schema.createIndex('api_token_user').on('api_token').columns(['user_id', 'created_at']).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('api_token_user').execute();
  await db.schema.dropIndex('api_token_parent').execute();
  await db.schema.alterTable('api_token').dropColumn('origin').execute();
  await db.schema.alterTable('api_token').dropColumn('parent_id').execute();
}
