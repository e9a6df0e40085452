import { randomBytes } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { z } from 'zod';
import { ClaimTime, ClaimValue, Qualifier, type Claim } from '../domain/claim.js';
import { Entity } from '../domain/entity.js';
import { badRequest, notFound, PuenteError } from '../domain/errors.js';
import { markProjects, refreshMarkedViews } from '../reconcile/projects.js';
import { claimFromRow, claimToRow } from './claims.js';
import type { Database, Db } from './database.js';
import type { ClaimTable } from './tables/claim-table.js';
import { entityFromRow, entityToRow } from './entities.js';
import { appendRevisions, type NewRevision } from './revisions.js';
import { decodeCursor, pageLimit, toPage, type Page, type PageRequest } from './paging.js';
import { sourceIdShape } from './sources.js';

/** Who makes a review change, why, and the version of the item they saw. */
export interface Change {
  actor: string;
  why: string | null;
  version: number;
}

const stale = (what: string, id: string, sent: number, now: number) =>
  new PuenteError(
    'conflict',
    `${what} ${id} changed since version ${sent} (it is at version ${now}); nothing was written`,
    'read it again, then apply your change to the new version',
  );

async function claimRow(db: Db, id: string) {
  const row = await db.selectFrom('claim').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('claim', id.slice(0, 80));
  return row;
}

async function entityRow(db: Db, id: string) {
  const row = await db.selectFrom('entity').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('entity', id.slice(0, 80));
  return row;
}

/**
 * Runs a review change in one transaction, then, once it has committed, recomputes the views of the projects it
 * marked (`mark`), so the next read of those projects shows the change.
 */
async function reviewing<T>(
  db: Kysely<Database>,
  change: (trx: Transaction<Database>, mark: (ids: string[]) => Promise<void>) => Promise<T>,
): Promise<T> {
  const marked: string[] = [];
  const result = await db.transaction().execute((trx) =>
    change(trx, async (ids) => {
      marked.push(...ids);
      await markProjects(trx, ids);
    }),
  );
  if (marked.length > 0) await refreshMarkedViews(db, marked);
  return result;
}

/** The projects a claim feeds: its subject when that is a project. */
const projectsOf = (...claims: { subject_type: string | null; subject_id: string | null }[]) =>
  claims.filter((c) => c.subject_type === 'project' && c.subject_id).map((c) => c.subject_id ?? '');

/** What an editor may change in a claim; the evidence never changes. */
export const ClaimEdit = z.object({
  subjectId: z.string().max(300).nullable().optional(),
  property: z.string().min(1).max(100).optional(),
  value: ClaimValue.optional(),
  qualifier: Qualifier.nullable().optional(),
  time: ClaimTime.nullable().optional(),
});
export type ClaimEdit = z.infer<typeof ClaimEdit>;

async function subjectOf(db: Db, subjectId: string | null) {
  if (subjectId === null) return { id: null, name: null, type: null };
  const entity = await db
    .selectFrom('entity')
    .select(['id', 'name', 'type'])
    .where('id', '=', subjectId)
    .executeTakeFirst();
  if (!entity)
    throw badRequest(`no entity ${subjectId.slice(0, 80)}`, 'link the claim to an entity that exists');
  return entity;
}

/**
 * Accepts, rejects or edits a claim when `version` is still its version: one UPDATE guarded by the version, one
 * Revision (who, when, before, after, why), and its project marked for recomputation; else 409 and nothing
 * written. An edit is the editor's own statement, so the edited claim is accepted.
 */
export async function reviewClaim(
  db: Kysely<Database>,
  id: string,
  action: 'accept' | 'reject' | 'update',
  change: Change,
  edit: ClaimEdit = {},
): Promise<Claim> {
  return reviewing(db, async (trx, mark) => {
    const row = await claimRow(trx, id);
    if (row.version !== change.version) throw stale('claim', id, change.version, row.version);
    const before = claimFromRow(row);
    const after: Claim = {
      ...before,
      reviewState: action === 'reject' ? 'rejected' : 'accepted',
      version: row.version + 1,
    };
    let subjectType = row.subject_type;
    if (action === 'update') {
      if (edit.subjectId !== undefined) {
        const subject = await subjectOf(trx, edit.subjectId);
        after.subjectId = subject.id;
        after.subjectName = subject.name ?? before.subjectName;
        subjectType = subject.type;
      }
      if (edit.property !== undefined) after.property = edit.property;
      if (edit.value !== undefined) after.value = edit.value;
      if (edit.qualifier !== undefined) after.qualifier = edit.qualifier;
      if (edit.time !== undefined) after.time = edit.time;
    }
    const {
      id: _id,
      created_at: _at,
      version: _v,
      ...values
    } = claimToRow(after, subjectType, row.created_at);
    const result = await trx
      .updateTable('claim')
      .set({ ...values, version: row.version + 1 })
      .where('id', '=', id)
      .where('version', '=', change.version)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) throw stale('claim', id, change.version, row.version + 1);
    await appendRevisions(trx, [
      { targetKind: 'claim', targetId: id, action, actor: change.actor, before, after, why: change.why },
    ]);
    await mark(projectsOf(row, { subject_type: subjectType, subject_id: after.subjectId }));
    return after;
  });
}

/** A claim an editor states by hand, citing an exact span of a stored source. */
export const ClaimProposal = z.object({
  sourceId: z.string().regex(sourceIdShape, 'a source id: s_ and 20 hex digits'),
  start: z.number().int().nonnegative(),
  end: z.number().int().positive(),
  subjectId: z.string().max(300).nullable(),
  subjectName: z.string().max(300).nullable().optional(),
  property: z.string().min(1).max(100),
  value: ClaimValue,
  qualifier: Qualifier.nullable().default(null),
  time: ClaimTime.nullable().default(null),
  why: z.string().max(2000).nullable().default(null),
});
export type ClaimProposal = z.infer<typeof ClaimProposal>;

/** Stores a proposed claim whose evidence is `text.slice(start, end)` of the source, with its `create` revision. */
export async function proposeClaim(db: Kysely<Database>, p: ClaimProposal, actor: string): Promise<Claim> {
  return reviewing(db, async (trx, mark) => {
    const source = await trx
      .selectFrom('source')
      .select(['id', 'text'])
      .where('id', '=', p.sourceId)
      .executeTakeFirst();
    if (!source) throw badRequest(`no source ${p.sourceId}`, 'cite a stored source (GET /api/v1/sources)');
    if (p.end <= p.start || p.end > source.text.length)
      throw badRequest(
        `evidence span ${p.start}-${p.end} is outside the source's text (0-${source.text.length})`,
        'give start < end within the text',
      );
    const subject = await subjectOf(trx, p.subjectId);
    const claim: Claim = {
      id: `${p.sourceId}_e${randomBytes(6).toString('hex')}`,
      subjectId: subject.id,
      subjectName: p.subjectName ?? subject.name,
      property: p.property,
      value: p.value,
      qualifier: p.qualifier,
      time: p.time,
      evidence: {
        sourceId: p.sourceId,
        start: p.start,
        end: p.end,
        quote: source.text.slice(p.start, p.end),
      },
      origin: { kind: 'person', name: actor },
      reviewState: 'proposed',
      repeatsSource: null,
      version: 1,
    };
    await trx
      .insertInto('claim')
      .values(claimToRow(claim, subject.type, new Date().toISOString()))
      .execute();
    await trx
      .updateTable('source')
      .set((eb) => ({ claim_count: eb('claim_count', '+', 1) }))
      .where('id', '=', p.sourceId)
      .execute();
    await appendRevisions(trx, [
      {
        targetKind: 'claim',
        targetId: claim.id,
        action: 'create',
        actor,
        before: null,
        after: claim,
        why: p.why,
      },
    ]);
    await mark(subject.type === 'project' && subject.id ? [subject.id] : []);
    return claim;
  });
}

/** What an editor may change in an entity. */
export const EntityEdit = z.object({
  name: z.string().min(1).max(300).optional(),
  aliases: Entity.shape.aliases.optional(),
  attributes: z.record(z.string(), z.unknown()).optional(),
});
export type EntityEdit = z.infer<typeof EntityEdit>;

async function writeEntity(db: Db, before: Entity, after: Entity, version: number, at: string) {
  const { id: _id, created_at: _c, version: _v, ...values } = entityToRow(after, at);
  const result = await db
    .updateTable('entity')
    .set({ ...values, version: version + 1 })
    .where('id', '=', before.id)
    .where('version', '=', version)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) throw stale('entity', before.id, version, version + 1);
}

/** Accepts, rejects or edits an entity when `version` is still its version (else 409), with its Revision. */
export async function reviewEntity(
  db: Kysely<Database>,
  id: string,
  action: 'accept' | 'reject' | 'update',
  change: Change,
  edit: EntityEdit = {},
): Promise<Entity> {
  return reviewing(db, async (trx, mark) => {
    const row = await entityRow(trx, id);
    if (row.version !== change.version) throw stale('entity', id, change.version, row.version);
    const before = entityFromRow(row);
    const after: Entity = {
      ...before,
      ...(edit.name !== undefined ? { name: edit.name } : {}),
      ...(edit.aliases !== undefined ? { aliases: edit.aliases } : {}),
      ...(edit.attributes !== undefined ? { attributes: edit.attributes } : {}),
      reviewState: action === 'reject' ? 'rejected' : 'accepted',
      version: row.version + 1,
    };
    await writeEntity(trx, before, after, row.version, new Date().toISOString());
    await appendRevisions(trx, [
      { targetKind: 'entity', targetId: id, action, actor: change.actor, before, after, why: change.why },
    ]);
    if (row.type === 'project') {
      if (action === 'reject') await trx.deleteFrom('project_view').where('id', '=', id).execute();
      else await mark([id]);
    }
    return after;
  });
}

/**
 * Rewrites claims one by one, each UPDATE guarded by the version read (a claim changed meanwhile makes the whole
 * change 409), with one revision per claim; returns the projects whose views must be recomputed.
 */
async function rewriteClaims(
  db: Db,
  rows: ClaimTable[],
  rewrite: (claim: Claim) => { claim: Claim; subjectType: string | null },
  actor: string,
  why: string,
): Promise<string[]> {
  const revisions: NewRevision[] = [];
  const projects: string[] = [];
  for (const row of rows) {
    const before = claimFromRow(row);
    const { claim, subjectType } = rewrite(before);
    const after: Claim = { ...claim, version: row.version + 1 };
    const {
      id: _id,
      created_at: _at,
      version: _v,
      ...values
    } = claimToRow(after, subjectType, row.created_at);
    const result = await db
      .updateTable('claim')
      .set({ ...values, version: row.version + 1 })
      .where('id', '=', row.id)
      .where('version', '=', row.version)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) !== 1) throw stale('claim', row.id, row.version, row.version + 1);
    revisions.push({ targetKind: 'claim', targetId: row.id, action: 'update', actor, before, after, why });
    projects.push(...projectsOf(row, { subject_type: subjectType, subject_id: after.subjectId }));
  }
  await appendRevisions(db, revisions);
  return projects;
}

/**
 * Merges entity `from` into `into` (both at the versions sent, else 409): `from`'s claims, values and mentions
 * point to `into`, which gains its names as aliases; `from` is kept, rejected, with `mergedInto`, so its id still
 * resolves. Revisions: a `merge` of each entity and an `update` of each moved claim.
 */
export async function mergeEntities(
  db: Kysely<Database>,
  fromId: string,
  intoId: string,
  change: Change & { intoVersion: number },
): Promise<{ from: Entity; into: Entity; claims: number }> {
  if (fromId === intoId) throw badRequest('an entity cannot be merged into itself');
  return reviewing(db, async (trx, mark) => {
    const fromRow = await entityRow(trx, fromId);
    const intoRow = await entityRow(trx, intoId);
    if (fromRow.version !== change.version) throw stale('entity', fromId, change.version, fromRow.version);
    if (intoRow.version !== change.intoVersion)
      throw stale('entity', intoId, change.intoVersion, intoRow.version);
    if (fromRow.type !== intoRow.type)
      throw badRequest(`cannot merge a ${fromRow.type} into a ${intoRow.type}`, 'merge entities of one type');
    const from = entityFromRow(fromRow);
    const into = entityFromRow(intoRow);
    const why = change.why ?? `merge of ${fromId} into ${intoId}`;
    // Claims about `from` and claims whose value is `from`: each rewritten once, with its revision.
    const rows = await trx
      .selectFrom('claim')
      .selectAll()
      .where((eb) => eb.or([eb('subject_id', '=', fromId), eb('value_entity_id', '=', fromId)]))
      .orderBy('id')
      .execute();
    const touched = await rewriteClaims(
      trx,
      rows,
      (c) => {
        const about = c.subjectId === fromId;
        const value =
          c.value.kind === 'entity' && c.value.entityId === fromId
            ? { ...c.value, entityId: intoId }
            : c.value;
        const row = rows.find((r) => r.id === c.id);
        return {
          claim: { ...c, value, ...(about ? { subjectId: intoId, subjectName: into.name } : {}) },
          subjectType: about ? into.type : (row?.subject_type ?? null),
        };
      },
      change.actor,
      why,
    );
    const claimIds = rows.filter((r) => r.subject_id === fromId).map((r) => r.id);
    // A mention of both at one place is kept once.
    await trx
      .deleteFrom('mention')
      .where('entity_id', '=', fromId)
      .where((eb) =>
        eb.exists(
          eb
            .selectFrom('mention as m2')
            .select('m2.entity_id')
            .whereRef('m2.source_id', '=', 'mention.source_id')
            .whereRef('m2.span_start', '=', 'mention.span_start')
            .where('m2.entity_id', '=', intoId),
        ),
      )
      .execute();
    await trx.updateTable('mention').set({ entity_id: intoId }).where('entity_id', '=', fromId).execute();
    const known = new Set([into.name, ...into.aliases.map((a) => a.name)]);
    const intoAfter: Entity = {
      ...into,
      aliases: [
        ...into.aliases,
        ...from.aliases.filter((a) => !known.has(a.name)),
        ...(known.has(from.name) || from.aliases.some((a) => a.name === from.name)
          ? []
          : [{ name: from.name, lang: null }]),
      ],
      version: intoRow.version + 1,
    };
    const fromAfter: Entity = {
      ...from,
      reviewState: 'rejected',
      attributes: { ...from.attributes, mergedInto: intoId },
      version: fromRow.version + 1,
    };
    const at = new Date().toISOString();
    await writeEntity(trx, into, intoAfter, intoRow.version, at);
    await writeEntity(trx, from, fromAfter, fromRow.version, at);
    await appendRevisions(trx, [
      {
        targetKind: 'entity',
        targetId: fromId,
        action: 'merge',
        actor: change.actor,
        before: from,
        after: fromAfter,
        why,
      },
      {
        targetKind: 'entity',
        targetId: intoId,
        action: 'merge',
        actor: change.actor,
        before: into,
        after: intoAfter,
        why,
      },
    ]);
    if (fromRow.type === 'project') await trx.deleteFrom('project_view').where('id', '=', fromId).execute();
    await mark([...touched, ...(fromRow.type === 'project' ? [intoId] : [])].filter((p) => p !== fromId));
    return { from: fromAfter, into: intoAfter, claims: claimIds.length };
  });
}

/** How to split an entity: the new entity's name, and which of its claims (and their sources' mentions) move. */
export const SplitRequest = z.object({
  name: z.string().min(1).max(300),
  claims: z.array(z.string().max(200)).min(1).max(10_000),
});

/**
 * Splits entity `id` (at the version sent, else 409): a new proposed entity of the same type takes the named
 * claims, which must be about `id`, and `id`'s mentions in those claims' evidence. Revisions: a `split` of the
 * entity, a `create` of the new one, an `update` of each moved claim.
 */
export async function splitEntity(
  db: Kysely<Database>,
  id: string,
  request: z.infer<typeof SplitRequest>,
  change: Change,
): Promise<{ entity: Entity; created: Entity; claims: number }> {
  return reviewing(db, async (trx, mark) => {
    const row = await entityRow(trx, id);
    if (row.version !== change.version) throw stale('entity', id, change.version, row.version);
    const claimIds = [...new Set(request.claims)];
    const claims = await trx
      .selectFrom('claim')
      .selectAll()
      .where('id', 'in', claimIds)
      .orderBy('id')
      .execute();
    const foreign = claimIds.filter((c) => !claims.some((r) => r.id === c && r.subject_id === id));
    if (foreign.length > 0)
      throw badRequest(
        `${foreign.length} of the claims are not about ${id}: ${foreign.slice(0, 3).join(', ')}`,
        'name only claims whose subject is the entity being split',
      );
    const created: Entity = {
      id: `${id}~${randomBytes(4).toString('hex')}`,
      type: Entity.shape.type.parse(row.type),
      name: request.name,
      aliases: [],
      attributes: { splitFrom: id },
      reviewState: 'proposed',
      version: 1,
    };
    const at = new Date().toISOString();
    await trx.insertInto('entity').values(entityToRow(created, at)).execute();
    const why = change.why ?? `split of ${id}: ${claimIds.length} claims to ${created.name}`;
    await rewriteClaims(
      trx,
      claims,
      (c) => ({
        claim: { ...c, subjectId: created.id, subjectName: created.name },
        subjectType: created.type,
      }),
      change.actor,
      why,
    );
    for (const c of claims)
      await trx
        .updateTable('mention')
        .set({ entity_id: created.id })
        .where('entity_id', '=', id)
        .where('source_id', '=', c.source_id)
        .where('span_start', '>=', c.span_start)
        .where('span_end', '<=', c.span_end)
        .execute();
    const before = entityFromRow(row);
    const after: Entity = { ...before, version: row.version + 1 };
    await writeEntity(trx, before, after, row.version, at);
    await appendRevisions(trx, [
      {
        targetKind: 'entity',
        targetId: id,
        action: 'split',
        actor: change.actor,
        before,
        after: { ...after, splitInto: created.id, claims: claimIds },
        why,
      },
      {
        targetKind: 'entity',
        targetId: created.id,
        action: 'create',
        actor: change.actor,
        before: null,
        after: created,
        why,
      },
    ]);
    if (row.type === 'project') await mark([id, created.id]);
    return { entity: after, created, claims: claimIds.length };
  });
}

/** One item of the review queue. */
export type QueueItem = { kind: 'claim'; claim: Claim } | { kind: 'entity'; entity: Entity };

/** Proposed claims (copies left out) or proposed entities, by id, paged. */
export async function reviewQueue(
  db: Db,
  kind: 'claim' | 'entity',
  page: PageRequest,
): Promise<Page<QueueItem>> {
  const limit = pageLimit(page.limit);
  const after = page.cursor ? String(decodeCursor(page.cursor, ['string'])[0]) : null;
  if (kind === 'claim') {
    const proposed = db
      .selectFrom('claim')
      .where('review_state', '=', 'proposed')
      .where('repeats_source', 'is', null);
    const { n } = await proposed.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const rows = await (after ? proposed.where('id', '>', after) : proposed)
      .selectAll()
      .orderBy('id')
      .limit(limit + 1)
      .execute();
    return toPage(
      rows,
      limit,
      Number(n),
      (r) => [r.id],
      (r): QueueItem => ({ kind: 'claim', claim: claimFromRow(r) }),
    );
  }
  const proposed = db.selectFrom('entity').where('review_state', '=', 'proposed');
  const { n } = await proposed.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  const rows = await (after ? proposed.where('id', '>', after) : proposed)
    .selectAll()
    .orderBy('id')
    .limit(limit + 1)
    .execute();
  return toPage(
    rows,
    limit,
    Number(n),
    (r) => [r.id],
    (r): QueueItem => ({ kind: 'entity', entity: entityFromRow(r) }),
  );
}
