import type { Kysely } from 'kysely';

/**
 * Project views: one row per project, recomputed from its claims after a document or import touches it
 * (src/reconcile/), so lists filter and sum on preferred values without reading every claim. A document's
 * transaction marks the projects it touched in `project_dirty`; their views are recomputed at the end of a batch
 * and before any project list or page is read, so a view is never served older than its claims. `view` holds the
 * whole reconciled record as JSON (every property's preferred value, alternatives, sources and conflicts);
 * `project_country` lets a list filter by any country a project belongs to. A claim's `constant_base` is set
 * when its amount is in constant USD of that year's prices (AidData's GCDF: 2021).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('claim').addColumn('constant_base', 'integer').execute();
  await db.schema
    .createTable('project_view')
    .addColumn('id', 'text', (c) => c.primaryKey().references('entity.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('sector', 'text')
    .addColumn('status', 'text')
    .addColumn('year', 'integer')
    .addColumn('amount_usd', 'double precision')
    .addColumn('dataset_amount_usd', 'double precision')
    .addColumn('amount', 'double precision')
    .addColumn('currency', 'text')
    .addColumn('countries', 'text', (c) => c.notNull())
    .addColumn('latitude', 'double precision')
    .addColumn('longitude', 'double precision')
    .addColumn('precision', 'text')
    .addColumn('conflicts', 'integer', (c) => c.notNull())
    .addColumn('claim_count', 'integer', (c) => c.notNull())
    .addColumn('source_count', 'integer', (c) => c.notNull())
    .addColumn('search', 'text', (c) => c.notNull())
    .addColumn('view', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('project_view_sector').on('project_view').columns(['sector', 'id']).execute();
  await db.schema.createIndex('project_view_year').on('project_view').columns(['year', 'id']).execute();
  await db.schema
    .createTable('project_country')
    .addColumn('project_id', 'text', (c) => c.notNull().references('project_view.id').onDelete('cascade'))
    .addColumn('iso3', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('project_country_pk', ['iso3', 'project_id'])
    .execute();
  await db.schema.createIndex('project_country_project').on('project_country').column('project_id').execute();
  // Projects whose claims changed since their view was computed (marked in the document's transaction).
  await db.schema
    .createTable('project_dirty')
    .addColumn('project_id', 'text', (c) => c.primaryKey())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('project_dirty').execute();
  await db.schema.dropTable('project_country').execute();
  await db.schema.dropTable('project_view').execute();
  await db.schema.alterTable('claim').dropColumn('constant_base').execute();
}
