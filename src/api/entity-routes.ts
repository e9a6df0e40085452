import type { Kysely } from 'kysely';
import { z } from 'zod';
import { EntityType, ReviewState, type Entity } from '../domain/entity.js';
import { notFound } from '../domain/errors.js';
import { refreshDirtyProjects } from '../reconcile/projects.js';
import { countryByCode } from '../reference/countries.js';
import { countryMechanisms } from '../store/country-mechanisms.js';
import type { Database } from '../store/database.js';
import { getEntity, listEntities } from '../store/entities.js';
import { pageLimit } from '../store/paging.js';
import { groupProjects } from '../store/projects.js';
import { getRelease, releaseEntities } from '../store/releases.js';
import {
  EntityEdit,
  mergeEntities,
  reviewEntity,
  reviewQueue,
  splitEntity,
  SplitRequest,
} from '../store/review.js';
import { revisionsOf } from '../store/revisions.js';
import { allPages, downloadPages, pagesInMemory, type PageFetch } from './downloads.js';
import { limitsOf } from './load-limit.js';
import { pageQuery, queryText, releaseQuery } from './query.js';
import type { Routes } from './routes.js';
import { AllOf, Claim, Entity as EntitySchema, Group, PageOf, Reviewed, Revision } from './schemas.js';
import { sendTwin, type TwinSpec } from './twins.js';

const entityQuery = pageQuery.merge(releaseQuery).extend({
  type: EntityType.optional(),
  review: ReviewState.optional().describe(
    'review state (rejected and merged entities are left out unless asked for)',
  ),
  q: queryText(200).optional().describe('words of the name'),
});
type EntityQuery = z.infer<typeof entityQuery>;

const entityTwin: TwinSpec<Entity> = {
  name: 'entities',
  columns: [
    { header: 'id', value: (e) => e.id },
    { header: 'type', value: (e) => e.type },
    { header: 'name', value: (e) => e.name },
    { header: 'aliases', value: (e) => e.aliases.map((a) => a.name).join('|') },
    { header: 'review_state', value: (e) => e.reviewState },
    { header: 'attributes', value: (e) => JSON.stringify(e.attributes) },
  ],
  point: (e) =>
    typeof e.attributes.latitude === 'number' && typeof e.attributes.longitude === 'number'
      ? { latitude: e.attributes.latitude, longitude: e.attributes.longitude }
      : null,
};

/** The columns of an entity download (CSV, XLSX, data package). */
export const entityColumns = entityTwin.columns;

const WithCounts = EntitySchema.extend({ claims: z.number().int(), sources: z.number().int() });
const when = z.string().nullable().describe('YYYY, YYYY-MM or YYYY-MM-DD, as precise as known');
/** What the registry holds of a country (data/reference/countries.tsv and country-relations.tsv). */
const CountryAttributes = z.looseObject({
  iso2: z.string(),
  iso3: z.string(),
  region: z.string().optional(),
  lac: z.boolean().describe('in Latin America and the Caribbean'),
  celac: z.boolean().describe('a CELAC member state'),
  celacSince: when.optional().describe('when it joined CELAC'),
  celacSuspended: z.string().nullable().optional().describe('FROM/TO: when it suspended its participation'),
  bri: z
    .object({ status: z.enum(['signed', 'exited', 'none']), signed: when, exited: when })
    .optional()
    .describe('its Belt and Road memorandum of understanding (CELAC states)'),
  recognizes: z
    .enum(['PRC', 'ROC'])
    .optional()
    .describe('the Chinese government it recognizes (CELAC states)'),
  prcSince: when.optional().describe('when its present relations with the PRC began'),
  note: z.string().nullable().optional(),
});
const Country = EntitySchema.extend({
  attributes: CountryAttributes,
  projects: z.number().int(),
  amountUsd2021: z.number(),
});

const Passage = z.object({
  sourceId: z.string(),
  title: z.string().nullable(),
  publishedAt: z.string().nullable(),
  quote: z.string().describe('the sentence'),
  start: z.number().int().describe('where the sentence starts in the source text (UTF-16 code units)'),
  end: z.number().int(),
  claimId: z.string().nullable().describe('the first claim whose evidence lies in the sentence'),
});
const CountryMechanism = z.object({
  id: z.string(),
  name: z.string(),
  type: z.string().describe('mechanism or policy'),
  kind: z.string().nullable().describe('swap line, fund, forum, loan programme, initiative, action plan...'),
  sources: z.number().int().describe('how many sources name it with the country'),
  firstSeen: z.string().nullable().describe('the earliest publication date of those sources'),
  lastSeen: z.string().nullable().describe('the latest publication date of those sources'),
  figures: z.array(Claim).describe('amounts stated in those sentences, the latest first'),
  evidence: z.array(Passage).describe('the sentences, newest source first'),
});
// How many sentences and figures a country profile shows of each mechanism.
const mechanismEvidence = 20;

/** A country code or registry id (`country:PE`, PE, PER) to the country's alpha-3 and registry id, or 404. */
function country(code: string) {
  const found = countryByCode(code);
  if (!found) throw notFound('country', code.slice(0, 20));
  return found;
}

/**
 * Entities (`/entities`, one, its revisions, twins; review: accept, reject, edit, merge, split), the review queue,
 * and countries (with project counts and sums).
 */
export function entityRoutes(routes: Routes, db: Kysely<Database>) {
  // The pages of the entities a query asks for: from SQL, or a release's frozen entities filtered in memory.
  const entityPages = async (q: EntityQuery): Promise<PageFetch<Entity>> => {
    if (!q.release) {
      const filter = { type: q.type, reviewState: q.review, q: q.q };
      return (cursor, limit) => listEntities(db, filter, { limit, cursor });
    }
    const release = await getRelease(db, q.release);
    const words = (q.q ?? '').toLowerCase().split(/\s+/).filter(Boolean);
    return pagesInMemory(
      (await releaseEntities(db, release)).filter(
        (e) =>
          (!q.type || e.type === q.type) &&
          (q.review ? e.reviewState === q.review : e.reviewState !== 'rejected') &&
          words.every((w) => e.name.toLowerCase().includes(w)),
      ),
    );
  };
  routes.add(
    {
      method: 'get',
      path: '/entities',
      tag: 'entities',
      summary:
        'Entities of the registry and those found in documents: countries, organizations, places, projects...',
      query: entityQuery,
      response: PageOf(EntitySchema),
    },
    async (c, { query }) => c.json(await (await entityPages(query))(query.cursor, pageLimit(query.limit))),
  );
  for (const format of ['json', 'csv', 'xlsx', 'geojson'] as const)
    routes.add(
      {
        method: 'get',
        path: `/entities.${format}`,
        tag: 'entities',
        summary: `Every matching entity (up to 100,000) as ${format === 'geojson' ? 'GeoJSON points of entities with coordinates' : format.toUpperCase()}`,
        query: entityQuery,
        ...(format === 'json'
          ? { response: AllOf(EntitySchema) }
          : {
              produces:
                format === 'csv'
                  ? 'text/csv'
                  : format === 'geojson'
                    ? 'application/geo+json'
                    : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
            }),
      },
      async (c, { query }) => {
        const pages = await downloadPages(
          await entityPages(query),
          query.cursor,
          limitsOf(c.req.raw).pageSize,
        );
        return sendTwin(c, format, entityTwin, pages);
      },
    );
  routes
    .add(
      {
        method: 'get',
        path: '/entities/:id',
        tag: 'entities',
        summary: 'One entity with its version, how many claims are about it and how many sources name it',
        response: WithCounts,
      },
      async (c) => {
        const id = c.req.param('id') ?? '';
        const entity = id.length <= 300 ? await getEntity(db, id) : undefined;
        if (!entity) throw notFound('entity', id.slice(0, 80));
        return c.json(entity);
      },
    )
    .add(
      {
        method: 'get',
        path: '/entities/:id/revisions',
        tag: 'entities',
        summary: "An entity's revisions, oldest first",
        response: z.object({ items: z.array(Revision) }),
      },
      async (c) =>
        c.json({ items: await revisionsOf(db, 'entity', (c.req.param('id') ?? '').slice(0, 300)) }),
    )
    .add(
      {
        method: 'get',
        path: '/review',
        tag: 'review',
        summary: 'The review queue: proposed claims (copies left out) or proposed entities, by id',
        query: pageQuery.extend({ kind: z.enum(['claim', 'entity']).default('claim') }),
        response: PageOf(
          z.union([
            z.object({ kind: z.literal('claim'), claim: Claim }),
            z.object({ kind: z.literal('entity'), entity: EntitySchema }),
          ]),
        ),
      },
      async (c, { query }) => c.json(await reviewQueue(db, query.kind, query)),
    );
  for (const action of ['accept', 'reject'] as const)
    routes.add(
      {
        method: 'post',
        path: `/entities/:id/${action}`,
        tag: 'review',
        summary: `${action === 'accept' ? 'Accept' : 'Reject'} an entity (409 when it changed since the version sent)`,
        body: Reviewed,
        response: EntitySchema,
      },
      async (c, { body, who }) =>
        c.json(await reviewEntity(db, c.req.param('id') ?? '', action, { actor: who, ...body })),
    );
  routes
    .add(
      {
        method: 'patch',
        path: '/entities/:id',
        tag: 'review',
        summary: "Edit an entity's name, aliases or attributes (it becomes accepted; 409 when stale)",
        body: Reviewed.extend({ set: EntityEdit }),
        response: EntitySchema,
      },
      async (c, { body, who }) =>
        c.json(
          await reviewEntity(
            db,
            c.req.param('id') ?? '',
            'update',
            { actor: who, version: body.version, why: body.why },
            body.set,
          ),
        ),
    )
    .add(
      {
        method: 'post',
        path: '/entities/:id/merge',
        tag: 'review',
        summary:
          'Merge this entity into another: its claims, values and mentions move; it stays, rejected, with mergedInto',
        body: Reviewed.extend({ into: z.string().min(1).max(300), intoVersion: z.number().int().positive() }),
        response: z.object({ from: EntitySchema, into: EntitySchema, claims: z.number().int() }),
      },
      async (c, { body, who }) =>
        c.json(
          await mergeEntities(db, c.req.param('id') ?? '', body.into, {
            actor: who,
            version: body.version,
            intoVersion: body.intoVersion,
            why: body.why,
          }),
        ),
    )
    .add(
      {
        method: 'post',
        path: '/entities/:id/split',
        tag: 'review',
        summary: 'Split an entity: a new proposed entity takes the named claims (and their mentions)',
        body: Reviewed.extend(SplitRequest.shape),
        status: 201,
        response: z.object({ entity: EntitySchema, created: EntitySchema, claims: z.number().int() }),
      },
      async (c, { body, who }) =>
        c.json(
          await splitEntity(
            db,
            c.req.param('id') ?? '',
            { name: body.name, claims: body.claims },
            {
              actor: who,
              version: body.version,
              why: body.why,
            },
          ),
          201,
        ),
    );

  routes
    .add(
      {
        method: 'get',
        path: '/countries',
        tag: 'countries',
        summary:
          'Countries: ISO codes, LAC and CELAC membership, Belt and Road and recognition, project counts and sums',
        query: z.object({
          lac: z.enum(['true', 'false']).optional().describe('true: Latin America and the Caribbean only'),
        }),
        response: z.object({ items: z.array(Country), total: z.number().int() }),
      },
      async (c, { query }) => {
        await refreshDirtyProjects(db);
        const groups = new Map((await groupProjects(db, {}, 'country', 1000)).map((g) => [g.key, g]));
        const all = await allPages((cursor) => listEntities(db, { type: 'country' }, { limit: 500, cursor }));
        const items = all
          .filter((e) => query.lac === undefined || (e.attributes.lac === true) === (query.lac === 'true'))
          .map((e) => {
            const g = groups.get(String(e.attributes.iso3));
            return { ...e, projects: g?.count ?? 0, amountUsd2021: g?.amountUsd2021 ?? 0 };
          });
        return c.json({ items, total: items.length });
      },
    )
    .add(
      {
        method: 'get',
        path: '/countries/:code',
        tag: 'countries',
        summary:
          'A country profile: membership and relations with dates, projects by sector, year, status and flow, and the mechanisms (swap lines, funds, forums, plans) sources name with it',
        response: Country.extend({
          claims: z.number().int(),
          sources: z.number().int(),
          bySector: z.array(Group),
          byYear: z.array(Group),
          byStatus: z.array(Group),
          byFlow: z.array(Group),
          mechanisms: z
            .array(CountryMechanism)
            .describe(
              'mechanisms and policies named in a sentence with the country (or its organizations and places), or in a paragraph that names no other LAC country; most sources first',
            ),
        }),
      },
      async (c) => {
        const found = country(c.req.param('code') ?? '');
        await refreshDirtyProjects(db);
        const entity = await getEntity(db, found.id);
        if (!entity) throw notFound('country', found.id);
        const filter = { iso3: found.iso3 };
        const [bySector, byYear, byStatus, byFlow, mechanisms] = await Promise.all([
          groupProjects(db, filter, 'sector'),
          groupProjects(db, filter, 'year'),
          groupProjects(db, filter, 'status'),
          groupProjects(db, filter, 'flow'),
          countryMechanisms(db, found.iso2, mechanismEvidence),
        ]);
        byYear.sort((a, b) => (a.key ?? '').localeCompare(b.key ?? ''));
        return c.json({
          ...entity,
          projects: bySector.reduce((n, g) => n + g.count, 0),
          amountUsd2021: bySector.reduce((n, g) => n + g.amountUsd2021, 0),
          bySector,
          byYear,
          byStatus,
          byFlow,
          mechanisms,
        });
      },
    );
}
