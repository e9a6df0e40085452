import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Claim } from '../domain/claim.js';
import type { Entity } from '../domain/entity.js';
import { badRequest, PuenteError } from '../domain/errors.js';
import { Release } from '../domain/revision.js';
import { claimFromRow, notFromCopy } from './claims.js';
import type { Database, Db } from './database.js';
import { entityFromRow } from './entities.js';
import type { ReleaseTable } from './tables/release-table.js';
import type { Selectable } from 'kysely';

/** What a release holds: accepted items only (the default), or everything not rejected. */
export type ReleaseScope = 'accepted' | 'not-rejected';

const fromRow = (r: Selectable<ReleaseTable>): Release => ({
  id: r.id,
  name: r.name,
  createdAt: r.created_at,
  createdBy: r.created_by,
  note: r.note,
  claimCount: Number(r.claim_count),
  entityCount: Number(r.entity_count),
});

/** A claim or entity as a release keeps it: without its version, which counts edits, not content. */
const frozen = (item: Claim | Entity) => {
  const { version: _v, ...content } = item;
  return JSON.stringify(content);
};
const hashOf = (content: string) => createHash('sha256').update(content).digest('hex').slice(0, 32);

/**
 * Freezes the accepted claims and entities (with `scope` not-rejected, the proposed ones too) under a new name.
 * Copies of other sources' claims are left out. One transaction: a release is whole or absent. Its rows are never
 * updated or deleted (the database refuses it).
 */
export async function createRelease(
  db: Kysely<Database>,
  name: string,
  actor: string,
  note: string | null = null,
  scope: ReleaseScope = 'accepted',
): Promise<Release> {
  const parsed = Release.shape.name.safeParse(name);
  // "latest" names the newest release in every request, so no release may be called that.
  if (!parsed.success || name.toLowerCase() === 'latest')
    throw badRequest(
      `invalid release name "${name.slice(0, 70)}"`,
      'use letters, digits, dot, dash, underscore (2026-11.1)',
    );
  // One snapshot for every read (PostgreSQL; a SQLite transaction is one already).
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      const taken = await trx.selectFrom('release').select('id').where('name', '=', name).executeTakeFirst();
      if (taken)
        throw new PuenteError(
          'conflict',
          `release ${name} already exists`,
          'releases never change; choose a new name',
        );
      const states = scope === 'accepted' ? ['accepted'] : ['accepted', 'proposed'];
      const claims = await trx
        .selectFrom('claim')
        .selectAll()
        .where('review_state', 'in', states)
        .where('repeats_source', 'is', null)
        // Claims of copies of another source count from the original, as in every list.
        .where(notFromCopy)
        .orderBy('id')
        .execute();
      const entities = await trx
        .selectFrom('entity')
        .selectAll()
        .where('review_state', 'in', states)
        .orderBy('id')
        .execute();
      const release = await trx
        .insertInto('release')
        .values({
          name,
          created_at: new Date().toISOString(),
          created_by: actor,
          note,
          claim_count: claims.length,
          entity_count: entities.length,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      const items = [
        ...claims.map((r) => ({ kind: 'claim' as const, id: r.id, content: frozen(claimFromRow(r)) })),
        ...entities.map((r) => ({ kind: 'entity' as const, id: r.id, content: frozen(entityFromRow(r)) })),
      ];
      for (let i = 0; i < items.length; i += 500)
        await trx
          .insertInto('release_item')
          .values(
            items.slice(i, i + 500).map((item) => ({
              release_id: release.id,
              kind: item.kind,
              item_id: item.id,
              hash: hashOf(item.content),
              content: item.content,
            })),
          )
          .execute();
      return fromRow(release);
    });
}

/** Every release, newest first. */
export async function listReleases(db: Db): Promise<Release[]> {
  return (await db.selectFrom('release').selectAll().orderBy('id', 'desc').execute()).map(fromRow);
}

/** A release by name (or `latest`), or a 404 that says which exist. */
export async function getRelease(db: Db, name: string): Promise<Release> {
  const row =
    name === 'latest'
      ? await db.selectFrom('release').selectAll().orderBy('id', 'desc').limit(1).executeTakeFirst()
      : await db.selectFrom('release').selectAll().where('name', '=', name).executeTakeFirst();
  if (!row)
    throw new PuenteError(
      'not_found',
      `release ${name.slice(0, 64)} not found`,
      'GET /api/v1/releases lists them; puente release create NAME makes one',
    );
  return fromRow(row);
}

// By code units, the same on both backends (PostgreSQL's collation may order ids otherwise), for in-memory paging.
const sortById = <T extends { id: string }>(items: T[]) =>
  items.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

/** The claims or entities of a release, as frozen, in id order. */
async function releaseItems<T extends { id: string }>(db: Db, release: Release, kind: 'claim' | 'entity') {
  const rows = await db
    .selectFrom('release_item')
    .select('content')
    .where('release_id', '=', release.id)
    .where('kind', '=', kind)
    .execute();
  return sortById(rows.map((r) => JSON.parse(r.content) as T));
}

/** The claims of a release, as frozen, in id order. */
export const releaseClaims = (db: Db, release: Release) => releaseItems<Claim>(db, release, 'claim');

/** The entities of a release, as frozen, in id order. */
export const releaseEntities = (db: Db, release: Release) => releaseItems<Entity>(db, release, 'entity');

/** What changed from release `a` to release `b`, for one kind of item. */
export interface KindDiff<T> {
  added: T[];
  removed: T[];
  changed: { id: string; before: T; after: T }[];
}

/** The diff of two releases: claims and entities added, removed and changed (content differs), by id. */
export async function diffReleases(
  db: Db,
  a: Release,
  b: Release,
): Promise<{ from: Release; to: Release; claims: KindDiff<Claim>; entities: KindDiff<Entity> }> {
  const side = async (release: Release, kind: 'claim' | 'entity') =>
    new Map(
      (
        await db
          .selectFrom('release_item')
          .select(['item_id', 'hash', 'content'])
          .where('release_id', '=', release.id)
          .where('kind', '=', kind)
          .execute()
      ).map((r) => [r.item_id, r]),
    );
  async function diff<T>(kind: 'claim' | 'entity'): Promise<KindDiff<T>> {
    const [before, after] = await Promise.all([side(a, kind), side(b, kind)]);
    const parse = (content: string) => JSON.parse(content) as T;
    const result: KindDiff<T> = { added: [], removed: [], changed: [] };
    for (const [id, row] of after) {
      const old = before.get(id);
      if (!old) result.added.push(parse(row.content));
      else if (old.hash !== row.hash)
        result.changed.push({ id, before: parse(old.content), after: parse(row.content) });
    }
    for (const [id, row] of before) if (!after.has(id)) result.removed.push(parse(row.content));
    sortById(result.added as { id: string }[]);
    sortById(result.removed as { id: string }[]);
    sortById(result.changed);
    return result;
  }
  return { from: a, to: b, claims: await diff<Claim>('claim'), entities: await diff<Entity>('entity') };
}
