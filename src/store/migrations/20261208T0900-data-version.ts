import { randomBytes } from 'node:crypto';
import { PostgresAdapter, sql, type Kysely } from 'kysely';

/**
 * The data version: one row in `data_version` whose `version` every committed write to a table the API serves
 * raises, kept by triggers so that no writer can forget it (ingest, import, review, releases, project views,
 * registry seeding, and writers yet to come). The API makes its ETags from it, so a 304 is answered without
 * running the list's query. `epoch` is random per database, so a new database's versions never repeat an old
 * one's.
 *
 * SQLite raises it in a row trigger (writers take turns there anyway). PostgreSQL raises it once per transaction
 * at commit: a statement trigger notes the transaction in `data_version_pending`, whose deferred constraint
 * trigger bumps the counter when the transaction commits, so concurrent writers wait for the counter's row lock
 * only while committing, not from their first write, and a reader sees the new version exactly when it sees the
 * new rows.
 */
const served = [
  'source',
  'paragraph',
  'entity',
  'mention',
  'claim',
  'revision',
  'project_view',
  'project_country',
  'project_dirty',
  'project_participant',
  'release',
  'release_item',
];

export async function up(db: Kysely<unknown>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  await db.schema
    .createTable('data_version')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('epoch', 'text', (c) => c.notNull())
    .addColumn('version', 'bigint', (c) => c.notNull())
    .execute();
  await sql`insert into data_version (id, epoch, version) values (1, ${randomBytes(6).toString('hex')}, 0)`.execute(
    db,
  );
  if (!postgres) {
    for (const table of served)
      for (const op of ['insert', 'update', 'delete'])
        await sql`create trigger ${sql.raw(`${table}_${op}_data_version`)} after ${sql.raw(op)} on ${sql.raw(table)}
          begin update data_version set version = version + 1 where id = 1; end`.execute(db);
    return;
  }
  await db.schema
    .createTable('data_version_pending')
    .addColumn('xact', 'text', (c) => c.primaryKey())
    .execute();
  await sql`create function puente_data_version_touch() returns trigger language plpgsql as $$
    begin
      if current_setting('puente.data_version_xact', true) is distinct from pg_current_xact_id()::text then
        perform set_config('puente.data_version_xact', pg_current_xact_id()::text, true);
        insert into data_version_pending (xact) values (pg_current_xact_id()::text);
      end if;
      return null;
    end $$`.execute(db);
  await sql`create function puente_data_version_bump() returns trigger language plpgsql as $$
    begin
      update data_version set version = version + 1 where id = 1;
      delete from data_version_pending where xact = new.xact;
      return null;
    end $$`.execute(db);
  await sql`create constraint trigger data_version_bump after insert on data_version_pending
    deferrable initially deferred for each row execute function puente_data_version_bump()`.execute(db);
  for (const table of served)
    await sql`create trigger ${sql.raw(`${table}_data_version`)} after insert or update or delete or truncate
      on ${sql.raw(table)} for each statement execute function puente_data_version_touch()`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  if (postgres) {
    for (const table of served)
      await sql`drop trigger ${sql.raw(`${table}_data_version`)} on ${sql.raw(table)}`.execute(db);
    await db.schema.dropTable('data_version_pending').execute();
    await sql`drop function puente_data_version_bump()`.execute(db);
    await sql`drop function puente_data_version_touch()`.execute(db);
  } else {
    for (const table of served)
      for (const op of ['insert', 'update', 'delete'])
        await sql`drop trigger ${sql.raw(`${table}_${op}_data_version`)}`.execute(db);
  }
  await db.schema.dropTable('data_version').execute();
}
