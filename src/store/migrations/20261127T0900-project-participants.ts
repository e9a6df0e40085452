import { sql, type Kysely } from 'kysely';

/**
 * Project participants: the parties a project's investor, contractor, lender and operator claims name, one row
 * per project, role and name (src/reconcile/participants.ts), with the registry entity when it is known and
 * whether the party is Chinese. Rows are replaced with the project's view and go with it. Every stored view is
 * marked for recomputation, so existing projects get their participants on the next read.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('project_participant')
    .addColumn('project_id', 'text', (c) => c.notNull().references('project_view.id').onDelete('cascade'))
    .addColumn('entity_id', 'text')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('chinese', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('project_participant_pk', ['project_id', 'role', 'name'])
    .execute();
  await db.schema
    .createIndex('project_participant_entity')
    .on('project_participant')
    .columns(['entity_id', 'project_id'])
    .execute();
  await sql`insert into project_dirty (project_id) select id from project_view where true on conflict do nothing`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('project_participant').execute();
}
