import { sql } from 'kysely';
import { decodeCursor, pageLimit, toPage, type Page, type PageRequest } from './paging.js';
import type { Entity } from '../domain/entity.js';
import type { Mention } from '../domain/entity.js';
import type { Db } from './database.js';
import type { EntityTable } from './tables/entity-table.js';
import { likePatterns } from './like.js';

/** Turns an `entity` row into the domain Entity. */
export function entityFromRow(row: EntityTable): Entity {
  return {
    id: row.id,
    type: row.type as Entity['type'],
    name: row.name,
    aliases: JSON.parse(row.aliases) as Entity['aliases'],
    attributes: JSON.parse(row.attributes) as Entity['attributes'],
    reviewState: row.review_state as Entity['reviewState'],
    version: row.version,
  };
}

/** Turns a domain Entity into an `entity` row created (and updated) at `at`. */
export const entityToRow = (e: Entity, at: string): EntityTable => ({
  id: e.id,
  type: e.type,
  name: e.name,
  aliases: JSON.stringify(e.aliases),
  attributes: JSON.stringify(e.attributes),
  review_state: e.reviewState,
  created_at: at,
  updated_at: at,
  version: 1,
});

/**
 * Inserts the entities that are not stored yet; returns those it inserted. A proposed entity already stored under
 * another name ("Chancay Port", then "puerto de Chancay") gains that name as an alias, so it is found by either;
 * reference entities are left as the registry has them.
 */
export async function insertMissingEntities(db: Db, entities: Entity[], at: string): Promise<Entity[]> {
  if (entities.length === 0) return [];
  const ids = entities.map((e) => e.id);
  const stored = new Map(
    (
      await db
        .selectFrom('entity')
        .select(['id', 'name', 'aliases', 'review_state'])
        .where('id', 'in', ids)
        .execute()
    ).map((r) => [r.id, r]),
  );
  for (const e of entities) {
    const known = stored.get(e.id);
    if (!known || known.review_state !== 'proposed') continue;
    const aliases = JSON.parse(known.aliases) as Entity['aliases'];
    const names = [e.name, ...e.aliases.map((a) => a.name)].filter(
      (n) => n !== known.name && !aliases.some((a) => a.name === n),
    );
    if (names.length === 0) continue;
    const updated = JSON.stringify([...aliases, ...names.map((name) => ({ name, lang: null }))]);
    // A new name is a change: an editor holding the previous version gets 409 rather than dropping it.
    await db
      .updateTable('entity')
      .set((eb) => ({ aliases: updated, updated_at: at, version: eb('version', '+', 1) }))
      .where('id', '=', e.id)
      .execute();
    known.aliases = updated;
  }
  const existing = new Set(stored.keys());
  const fresh = entities.filter((e) => !existing.has(e.id));
  if (fresh.length > 0) {
    await db
      .insertInto('entity')
      .values(fresh.map((e) => entityToRow(e, at)))
      .onConflict((oc) => oc.column('id').doNothing())
      .execute();
  }
  return fresh;
}

/** Stores where entities are mentioned in a source. */
export async function insertMentions(db: Db, mentions: Mention[]): Promise<void> {
  for (let i = 0; i < mentions.length; i += 300) {
    await db
      .insertInto('mention')
      .values(
        mentions.slice(i, i + 300).map((m) => ({
          source_id: m.sourceId,
          entity_id: m.entityId,
          span_start: m.start,
          span_end: m.end,
        })),
      )
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
}

/** An entity as it appears in one source: the entity and its mentions there. */
export interface EntityInSource extends Entity {
  mentions: { start: number; end: number }[];
}

/** The entities mentioned in a source, each with its mentions in text order. */
export async function entitiesInSource(db: Db, sourceId: string): Promise<EntityInSource[]> {
  const rows = await db
    .selectFrom('mention')
    .innerJoin('entity', 'entity.id', 'mention.entity_id')
    .selectAll('entity')
    .select(['mention.span_start', 'mention.span_end'])
    .where('mention.source_id', '=', sourceId)
    .orderBy('mention.span_start')
    .execute();
  const byId = new Map<string, EntityInSource>();
  for (const row of rows) {
    let entity = byId.get(row.id);
    if (!entity) {
      entity = { ...entityFromRow(row), mentions: [] };
      byId.set(row.id, entity);
    }
    entity.mentions.push({ start: row.span_start, end: row.span_end });
  }
  return [...byId.values()];
}

/** Filters of the entity list. */
export interface EntityFilter {
  type?: string | undefined;
  reviewState?: string | undefined;
  /** words the name must contain (any case) */
  q?: string | undefined;
}

/** A page of entities by id, with how many match (merged entities are rejected, so left out unless asked for). */
export async function listEntities(
  db: Db,
  filter: EntityFilter,
  page: PageRequest = {},
): Promise<Page<Entity>> {
  const limit = pageLimit(page.limit);
  let query = db.selectFrom('entity');
  if (filter.type) query = query.where('type', '=', filter.type);
  query = filter.reviewState
    ? query.where('review_state', '=', filter.reviewState)
    : query.where('review_state', '<>', 'rejected');
  for (const like of likePatterns(filter.q))
    query = query.where(sql<boolean>`lower(name) like ${like} escape '\\'`);
  const { n } = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const after = page.cursor ? String(decodeCursor(page.cursor, ['string'])[0]) : null;
  const rows = await (after ? query.where('id', '>', after) : query)
    .selectAll()
    .orderBy('id')
    .limit(limit + 1)
    .execute();
  return toPage(rows, limit, Number(n), (r) => [r.id], entityFromRow);
}

/** One entity with how many claims are about it and how many sources mention it. */
export async function getEntity(
  db: Db,
  id: string,
): Promise<(Entity & { claims: number; sources: number }) | undefined> {
  const row = await db.selectFrom('entity').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const [{ claims }, { sources }] = await Promise.all([
    db
      .selectFrom('claim')
      .select((eb) => eb.fn.countAll<number>().as('claims'))
      .where('subject_id', '=', id)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('mention')
      .select((eb) => eb.fn.count<number>('source_id').distinct().as('sources'))
      .where('entity_id', '=', id)
      .executeTakeFirstOrThrow(),
  ]);
  return { ...entityFromRow(row), claims: Number(claims), sources: Number(sources) };
}

/** How many sources mention each of these entities. */
export async function sourceCounts(db: Db, ids: string[]): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  if (ids.length === 0) return counts;
  const rows = await db
    .selectFrom('mention')
    .select((eb) => ['entity_id', eb.fn.count<number>('source_id').distinct().as('n')])
    .where('entity_id', 'in', ids)
    .groupBy('entity_id')
    .execute();
  for (const r of rows) counts.set(r.entity_id, Number(r.n));
  return counts;
}
