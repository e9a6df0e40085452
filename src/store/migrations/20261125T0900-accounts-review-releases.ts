import { PostgresAdapter, sql, type Kysely } from 'kysely';
import { autoIncrementId } from './columns.js';

/** PostgreSQL's accent folding for search, the same letters as SQLite FTS5's `remove_diacritics 2`. */
// Upper case too: lower() folds only ASCII under the C collation.
const foldLower = [
  'áàâãäåāăą',
  'éèêëēėęě',
  'íìîïīį',
  'óòôõöōő',
  'úùûüūůű',
  'çćč',
  'ñń',
  'ýÿ',
  'šś',
  'žźż',
  'ř',
  'ğ',
  'ş',
];
const foldAscii = ['a', 'e', 'i', 'o', 'u', 'c', 'n', 'y', 's', 'z', 'r', 'g', 's'];
export const foldFrom = foldLower.join('') + foldLower.join('').toUpperCase();
export const foldTo = [...foldLower, ...foldLower]
  .map((letters, i) => (foldAscii[i % foldAscii.length] ?? '').repeat(letters.length))
  .join('');

/**
 * Accounts, review, releases and search.
 * - `user_account` (viewer, editor or admin; password hashed with scrypt), `user_session` (the SHA-256 of the
 *   cookie's value, its CSRF token, its expiry) and `api_token` (scrypt hash of the secret; revocable).
 * - `claim.version` and `entity.version`: bumped by every review change, so a stale edit is refused (409).
 * - `release` and `release_item`: a frozen copy of every accepted claim and entity; triggers refuse any UPDATE or
 *   DELETE of them, so a release never changes after it is made.
 * - Full-text search over sources (title and text) and entities (name and aliases): SQLite FTS5 tables kept by
 *   triggers; PostgreSQL generated tsvector columns with GIN indexes (accents folded on both).
 * - `project_view.flow_type`: the property the headline amount comes from (loan, investment, commitment...);
 *   every view is marked for recomputation.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema
    .createTable('user_account')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('user_session')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('user_account.id').onDelete('cascade'))
    .addColumn('csrf', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('api_token')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('user_account.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('secret_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_used_at', 'text')
    .addColumn('revoked_at', 'text')
    .execute();

  await db.schema
    .alterTable('claim')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .alterTable('entity')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema.createIndex('claim_review_idx').on('claim').columns(['review_state', 'id']).execute();
  await db.schema.createIndex('entity_review_idx').on('entity').columns(['review_state', 'id']).execute();

  await db.schema
    .createTable('release')
    .addColumn('id', autoIncrementId(db), (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('claim_count', 'integer', (c) => c.notNull())
    .addColumn('entity_count', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('release_item')
    .addColumn('release_id', 'integer', (c) => c.notNull().references('release.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('item_id', 'text', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('release_item_pk', ['release_id', 'kind', 'item_id'])
    .execute();

  await db.schema.alterTable('project_view').addColumn('flow_type', 'text').execute();
  await sql`insert into project_dirty (project_id) select id from project_view where id not in (select project_id from project_dirty)`.execute(
    db,
  );

  if (postgres) {
    await sql`create function puente_release_frozen() returns trigger language plpgsql as $$
      begin raise exception 'releases never change: % of % refused', tg_op, tg_table_name; end $$`.execute(
      db,
    );
    for (const table of ['release', 'release_item'])
      await sql`create trigger ${sql.raw(`${table}_frozen`)} before update or delete on ${sql.raw(table)}
        for each row execute function puente_release_frozen()`.execute(db);
    const fold = (expr: string) => `translate(lower(${expr}), '${foldFrom}', '${foldTo}')`;
    await sql`alter table source add column search tsvector generated always as (to_tsvector('simple'::regconfig, ${sql.raw(
      fold(`coalesce(title, '') || ' ' || left(text, 300000)`),
    )})) stored`.execute(db);
    await sql`alter table entity add column search tsvector generated always as (to_tsvector('simple'::regconfig, ${sql.raw(
      fold(`name || ' ' || jsonb_path_query_array(aliases::jsonb, '$[*].name')::text`),
    )})) stored`.execute(db);
    await sql`create index source_search_idx on source using gin (search)`.execute(db);
    await sql`create index entity_search_idx on entity using gin (search)`.execute(db);
    return;
  }
  for (const table of ['release', 'release_item'])
    for (const op of ['update', 'delete'])
      await sql`create trigger ${sql.raw(`${table}_no_${op}`)} before ${sql.raw(op)} on ${sql.raw(table)}
        begin select raise(abort, ${sql.lit(`releases never change: ${op} of ${table} refused`)}); end`.execute(
        db,
      );
  // Self-contained FTS5 tables (an external-content table would follow rowids, which VACUUM may renumber here).
  // `detail = column`: no positions (no phrase queries are made), a smaller index and a cheaper ingest.
  const tokenize = `tokenize = 'unicode61 remove_diacritics 2', detail = column`;
  await sql`create virtual table source_fts using fts5(id unindexed, title, text, ${sql.raw(tokenize)})`.execute(
    db,
  );
  await sql`create virtual table entity_fts using fts5(id unindexed, name, aliases, ${sql.raw(tokenize)})`.execute(
    db,
  );
  const aliasNames = (row: string) =>
    `(select group_concat(json_extract(value, '$.name'), ' ') from json_each(${row}.aliases))`;
  await sql`create trigger source_fts_insert after insert on source begin
      insert into source_fts (id, title, text) values (new.id, coalesce(new.title, ''), new.text); end`.execute(
    db,
  );
  await sql`create trigger source_fts_delete after delete on source begin
      delete from source_fts where id = old.id; end`.execute(db);
  await sql`create trigger source_fts_update after update of title, text on source begin
      update source_fts set title = coalesce(new.title, ''), text = new.text where id = old.id; end`.execute(
    db,
  );
  await sql`create trigger entity_fts_insert after insert on entity begin
      insert into entity_fts (id, name, aliases) values (new.id, new.name, ${sql.raw(aliasNames('new'))}); end`.execute(
    db,
  );
  await sql`create trigger entity_fts_delete after delete on entity begin
      delete from entity_fts where id = old.id; end`.execute(db);
  await sql`create trigger entity_fts_update after update of name, aliases on entity begin
      update entity_fts set name = new.name, aliases = ${sql.raw(aliasNames('new'))} where id = old.id; end`.execute(
    db,
  );
  await sql`insert into source_fts (id, title, text) select id, coalesce(title, ''), text from source`.execute(
    db,
  );
  await sql`insert into entity_fts (id, name, aliases) select id, name, ${sql.raw(aliasNames('entity'))} from entity`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  if (postgres) {
    await sql`alter table source drop column search`.execute(db);
    await sql`alter table entity drop column search`.execute(db);
  } else {
    for (const name of ['source_fts_insert', 'source_fts_delete', 'source_fts_update'])
      await sql`drop trigger if exists ${sql.raw(name)}`.execute(db);
    for (const name of ['entity_fts_insert', 'entity_fts_delete', 'entity_fts_update'])
      await sql`drop trigger if exists ${sql.raw(name)}`.execute(db);
    await sql`drop table if exists source_fts`.execute(db);
    await sql`drop table if exists entity_fts`.execute(db);
  }
  await db.schema.alterTable('project_view').dropColumn('flow_type').execute();
  await db.schema.dropTable('release_item').execute();
  await db.schema.dropTable('release').execute();
  if (postgres) await sql`drop function if exists puente_release_frozen() cascade`.execute(db);
  await db.schema.dropIndex('entity_review_idx').execute();
  await db.schema.dropIndex('claim_review_idx').execute();
  await db.schema.alterTable('entity').dropColumn('version').execute();
  await db.schema.alterTable('claim').dropColumn('version').execute();
  await db.schema.dropTable('api_token').execute();
  await db.schema.dropTable('user_session').execute();
  await db.schema.dropTable('user_account').execute();
}
