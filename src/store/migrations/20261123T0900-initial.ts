import type { Kysely } from 'kysely';
import { autoIncrementId } from './columns.js';

/** The evidence store: sources and paragraphs, entities and mentions, claims, revisions, meta. */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('source')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('uri', 'text', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull().unique())
    .addColumn('media_type', 'text', (c) => c.notNull())
    .addColumn('title', 'text')
    .addColumn('byline', 'text')
    .addColumn('publisher', 'text')
    .addColumn('language', 'text')
    .addColumn('published_at', 'text')
    .addColumn('ingested_at', 'text', (c) => c.notNull())
    .addColumn('byte_size', 'integer', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('paragraph_count', 'integer', (c) => c.notNull())
    .addColumn('duplicate_paragraph_count', 'integer', (c) => c.notNull())
    .addColumn('claim_count', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('source_ingested_idx').on('source').columns(['ingested_at', 'id']).execute();

  await db.schema
    .createTable('paragraph')
    .addColumn('source_id', 'text', (c) => c.notNull().references('source.id').onDelete('cascade'))
    .addColumn('idx', 'integer', (c) => c.notNull())
    .addColumn('span_start', 'integer', (c) => c.notNull())
    .addColumn('span_end', 'integer', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addColumn('duplicate_of', 'integer')
    .addPrimaryKeyConstraint('paragraph_pk', ['source_id', 'idx'])
    .execute();
  await db.schema.createIndex('paragraph_hash_idx').on('paragraph').column('hash').execute();

  await db.schema
    .createTable('entity')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('aliases', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('attributes', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('review_state', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('entity_type_idx').on('entity').columns(['type', 'name']).execute();

  await db.schema
    .createTable('mention')
    .addColumn('source_id', 'text', (c) => c.notNull().references('source.id').onDelete('cascade'))
    .addColumn('entity_id', 'text', (c) => c.notNull().references('entity.id'))
    .addColumn('span_start', 'integer', (c) => c.notNull())
    .addColumn('span_end', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('mention_pk', ['source_id', 'span_start', 'entity_id'])
    .execute();
  await db.schema.createIndex('mention_entity_idx').on('mention').column('entity_id').execute();

  await db.schema
    .createTable('claim')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('source_id', 'text', (c) => c.notNull().references('source.id').onDelete('cascade'))
    .addColumn('subject_id', 'text', (c) => c.references('entity.id'))
    .addColumn('subject_name', 'text')
    .addColumn('subject_type', 'text')
    .addColumn('property', 'text', (c) => c.notNull())
    .addColumn('value_kind', 'text', (c) => c.notNull())
    .addColumn('amount', 'double precision')
    .addColumn('unit', 'text')
    .addColumn('currency', 'text')
    .addColumn('value_text', 'text')
    .addColumn('value_entity_id', 'text')
    .addColumn('qualifier', 'text')
    .addColumn('time', 'text')
    .addColumn('span_start', 'integer', (c) => c.notNull())
    .addColumn('span_end', 'integer', (c) => c.notNull())
    .addColumn('quote', 'text', (c) => c.notNull())
    .addColumn('origin_kind', 'text', (c) => c.notNull())
    .addColumn('origin_name', 'text', (c) => c.notNull())
    .addColumn('review_state', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('claim_source_idx').on('claim').columns(['source_id', 'span_start']).execute();
  await db.schema.createIndex('claim_property_idx').on('claim').columns(['property', 'unit']).execute();
  await db.schema.createIndex('claim_subject_idx').on('claim').column('subject_id').execute();

  await db.schema
    .createTable('revision')
    .addColumn('id', autoIncrementId(db), (c) => c.primaryKey())
    .addColumn('target_kind', 'text', (c) => c.notNull())
    .addColumn('target_id', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('before', 'text')
    .addColumn('after', 'text')
    .addColumn('why', 'text')
    .execute();
  await db.schema
    .createIndex('revision_target_idx')
    .on('revision')
    .columns(['target_kind', 'target_id'])
    .execute();

  await db.schema
    .createTable('meta')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();
}

/** Drops everything `up` made. */
export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['meta', 'revision', 'claim', 'mention', 'entity', 'paragraph', 'source']) {
    await db.schema.dropTable(table).ifExists().execute();
  }
}
