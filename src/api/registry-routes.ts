import { z } from 'zod';
import { badRequest, notFound } from '../domain/errors.js';
import { countryByCode } from '../reference/countries.js';
import type { Kysely } from 'kysely';
import { convert, type Converted } from '../money/money.js';
import { refreshDirtyProjects, releaseProjectRecords, type ProjectRecord } from '../reconcile/projects.js';
import type { Database } from '../store/database.js';
import { getIndicator, listIndicators } from '../store/indicators.js';
import {
  chineseParticipants,
  getProject,
  groupProjects,
  listProjects,
  projectFacets,
  projectRevisions,
  type ProjectFacet,
  type ProjectFilter,
  type ProjectSummary,
} from '../store/projects.js';
import { maxLimit, pageLimit } from '../store/paging.js';
import { projectSorts } from '../store/project-order.js';
import { getRelease, releaseClaims, releaseEntities } from '../store/releases.js';
import { allPages, pageInMemory } from './downloads.js';
import { sendTwin, twinFormats, twinMediaTypes, type TwinSpec } from './twins.js';
import type { Routes } from './routes.js';
import {
  AllOf,
  IndicatorRecord,
  IndicatorSummary,
  PageOf,
  ProjectPage,
  ProjectRecord as ProjectRecordSchema,
  ProjectSummary as ProjectSummarySchema,
  Revision,
} from './schemas.js';
import { pageQuery, queryText, releaseQuery } from './query.js';

const projectQuery = pageQuery.merge(releaseQuery).extend({
  country: queryText(3)
    .optional()
    .describe('ISO 3166-1 alpha-2 or alpha-3 code of a country the project is in'),
  sector: queryText(100).optional(),
  status: queryText(40).optional(),
  year: z.coerce.number().int().min(1900).max(2100).optional().describe('the year of commitment or signing'),
  flow: queryText(40)
    .optional()
    .describe('the kind of flow of the headline amount: commitment, investment, loan, cost, amount'),
  q: queryText(200).optional().describe("words of the project's name or aliases, in any language"),
  participant: queryText(300)
    .optional()
    .describe(
      'an entity id (org:cexim) that is an investor, contractor, lender or operator of the project, or chinese: any of them is Chinese',
    ),
  facets: queryText(100)
    .optional()
    .describe(`comma-separated fields to count the matching projects by: ${projectFacets.join(', ')}`),
  groupBy: z
    .enum(projectFacets)
    .optional()
    .describe('a field to count and sum the matching projects by (amounts in constant 2021 USD)'),
  sort: z
    .enum(projectSorts)
    .optional()
    .describe(
      'the order: name, amount (constant 2021 USD), year, conflicts (properties in conflict) or sources; a leading - for descending; empty values last, ties by id (default: by id)',
    ),
});

/** The facets asked for, each a known field; an unknown one is a 400. */
function facetsOf(list: string | undefined): ProjectFacet[] {
  const names = (list ?? '')
    .split(',')
    .map((f) => f.trim())
    .filter(Boolean);
  for (const name of names)
    if (!(projectFacets as readonly string[]).includes(name))
      throw badRequest(`unknown facet "${name.slice(0, 40)}"`, `use ${projectFacets.join(', ')}`);
  return [...new Set(names)] as ProjectFacet[];
}

/** `?base=YEAR`: the year whose prices constant USD are given in (default 2021, GCDF 3.0's). */
const baseQuery = z.object({
  base: z.coerce
    .number()
    .int()
    .min(1913)
    .max(2100)
    .optional()
    .describe('the year whose prices constant USD are given in (default 2021)'),
});

/** The project with every amount's constant USD given in prices of `base` (unavailable when no CPI-U for it). */
function rebased(project: ProjectRecord, base: number): ProjectRecord {
  const again = (money: Converted | null) =>
    money &&
    convert(
      {
        amount: money.original.amount,
        currency: money.original.currency,
        year: money.original.year,
        constantBase: money.original.constantBase,
      },
      base,
    );
  return {
    ...project,
    properties: project.properties.map((p) => ({
      ...p,
      preferred: { ...p.preferred, money: again(p.preferred.money) },
      alternatives: p.alternatives.map((v) => ({ ...v, money: again(v.money) })),
    })),
  };
}

/** ISO 3166-1 alpha-2 or alpha-3 (any case) to alpha-3; a code the registry does not hold is a 400. */
function alpha3(code: string): string {
  const country = /^[A-Za-z]{2,3}$/.test(code) ? countryByCode(code) : undefined;
  if (!country)
    throw badRequest(
      `unknown country code "${code.slice(0, 3)}"`,
      'give an ISO 3166-1 alpha-2 (PE) or alpha-3 (PER) code',
    );
  return country.iso3;
}

/** Whether a project of a release passes the list's filter (a release's projects are filtered in memory). */
function inFilter(p: ProjectRecord, f: ProjectFilter): boolean {
  const names = [p.id, p.name, ...p.aliases].join('\n').toLowerCase();
  return (
    (!f.iso3 || p.countries.includes(f.iso3)) &&
    (!f.sector || p.sector === f.sector) &&
    (!f.status || p.status === f.status) &&
    (f.year === undefined || p.year === f.year) &&
    (!f.flow || p.flowType === f.flow) &&
    (!f.participant ||
      p.participants.some((x) =>
        f.participant === chineseParticipants ? x.chinese : x.entityId === f.participant,
      )) &&
    (f.q ?? '')
      .toLowerCase()
      .split(/\s+/)
      .filter(Boolean)
      .every((w) => names.includes(w))
  );
}

/** The summaries of a release's projects that pass the filter, by id. */
async function releaseProjects(
  db: Kysely<Database>,
  name: string,
  filter: ProjectFilter,
): Promise<ProjectSummary[]> {
  const release = await getRelease(db, name);
  const [entities, claims] = await Promise.all([releaseEntities(db, release), releaseClaims(db, release)]);
  return (await releaseProjectRecords(db, entities, claims))
    .filter((p) => inFilter(p, filter))
    .map(({ properties: _p, attributes: _a, aliases: _x, ...summary }) => summary);
}

/** A page of a release's projects with the list's sums. */
function releasePage(rows: ProjectSummary[], limit: number | undefined, cursor: string | undefined) {
  const sum = (values: (number | null | undefined)[]) =>
    values.reduce<number>((n, v) => n + (typeof v === 'number' ? v : 0), 0);
  return {
    ...pageInMemory(rows, limit, cursor),
    amountUsd2021: sum(rows.map((r) => r.amount?.usd2021)),
    withAmount: rows.filter((r) => typeof r.amount?.usd2021 === 'number').length,
    datasetAmountUsd2021: sum(rows.map((r) => r.datasetAmountUsd2021)),
  };
}

/**
 * `GET /projects` (filters country, sector, status, year, flow, q, participant; sorts; facet counts and grouped
 * sums; `total`, and `amountUsd2021`, the sum of the preferred amounts of every matching project), its twins,
 * `GET /projects/:id` (every property with its preferred value, alternatives and evidence) and its revisions,
 * `GET /indicators` and `GET /indicators/:id` (time series with every reported value).
 */
export function registryRoutes(routes: Routes, db: Kysely<Database>) {
  const filterOf = (q: z.infer<typeof projectQuery>) => ({
    iso3: q.country ? alpha3(q.country) : undefined,
    sector: q.sector,
    status: q.status,
    year: q.year,
    flow: q.flow,
    q: q.q,
    participant: q.participant,
  });
  routes
    .add(
      {
        method: 'get',
        path: '/projects',
        tag: 'projects',
        summary:
          'Projects with their preferred values, conflict counts and sums; facets and groups on request',
        query: projectQuery,
        response: ProjectPage,
      },
      async (c, { query }) => {
        const facets = facetsOf(query.facets);
        // Views of projects whose claims changed are recomputed before they are read.
        await refreshDirtyProjects(db);
        const filter = filterOf(query);
        if (query.release) {
          if (facets.length > 0 || query.groupBy || query.sort)
            throw badRequest(
              'facets, groupBy and sort are for the current data',
              'leave out release, or the facets and sort',
            );
          return c.json(
            releasePage(
              await releaseProjects(db, query.release, filter),
              pageLimit(query.limit),
              query.cursor,
            ),
          );
        }
        const page = await listProjects(db, filter, query, query.sort);
        const counted = await Promise.all(
          facets.map(
            async (f) =>
              [
                f,
                (await groupProjects(db, filter, f)).map((g) => ({
                  value: g.key ?? '',
                  ...(g.label === undefined ? {} : { label: g.label }),
                  count: g.count,
                })),
              ] as const,
          ),
        );
        return c.json({
          ...page,
          ...(facets.length > 0 ? { facets: Object.fromEntries(counted) } : {}),
          ...(query.groupBy ? { groups: await groupProjects(db, filter, query.groupBy) } : {}),
        });
      },
    )
    .add(
      {
        method: 'get',
        path: '/projects/:id',
        tag: 'projects',
        summary: 'One project: every property with its preferred value, alternatives, sources and conflicts',
        query: baseQuery,
        response: ProjectRecordSchema,
      },
      async (c, { query }) => {
        const id = c.req.param('id') ?? '';
        await refreshDirtyProjects(db);
        const project = id.length <= 300 ? await getProject(db, id) : undefined;
        if (!project) throw notFound('project', id.slice(0, 60));
        return c.json(query.base === undefined ? project : rebased(project, query.base));
      },
    )
    .add(
      {
        method: 'get',
        path: '/projects/:id/revisions',
        tag: 'projects',
        summary: 'Every revision of a project and of the claims about it, oldest first',
        response: z.object({ items: z.array(Revision) }),
      },
      async (c) => {
        const id = c.req.param('id') ?? '';
        const items = id.length <= 300 ? await projectRevisions(db, id) : null;
        if (!items) throw notFound('project', id.slice(0, 60));
        return c.json({ items });
      },
    )
    .add(
      {
        method: 'get',
        path: '/indicators',
        tag: 'indicators',
        summary: 'Indicators (aggregate measures the sources report), with how many claims and sources',
        query: pageQuery,
        response: PageOf(IndicatorSummary),
      },
      async (c, { query }) => c.json(await listIndicators(db, query)),
    )
    .add(
      {
        method: 'get',
        path: '/indicators/:id',
        tag: 'indicators',
        summary: 'One indicator: a time series per property and unit, every reported value with its source',
        response: IndicatorRecord,
      },
      async (c) => {
        const id = c.req.param('id') ?? '';
        const indicator = id.length <= 300 ? await getIndicator(db, id) : undefined;
        if (!indicator) throw notFound('indicator', id.slice(0, 60));
        return c.json(indicator);
      },
    );
  // The list's twins: every matching project as JSON, CSV, XLSX or GeoJSON (points of located projects).
  for (const format of twinFormats)
    routes.add(
      {
        method: 'get',
        path: `/projects.${format}`,
        tag: 'projects',
        summary: `Every matching project (up to 100,000) as ${format === 'geojson' ? 'GeoJSON points (RFC 7946) of located projects' : format.toUpperCase()}`,
        query: projectQuery,
        ...(format === 'json'
          ? { response: AllOf(ProjectSummarySchema) }
          : { produces: twinMediaTypes[format] }),
      },
      async (c, { query }) => {
        await refreshDirtyProjects(db);
        const rows = query.release
          ? pageInMemory(await releaseProjects(db, query.release, filterOf(query)), undefined, query.cursor)
              .items
          : await allPages(
              (cursor) => listProjects(db, filterOf(query), { limit: maxLimit, cursor }, query.sort),
              query.cursor,
            );
        return sendTwin(c, format, projectTwin, rows, { items: rows, total: rows.length });
      },
    );
}
/** The columns of a project download, and its point. */
const projectTwin: TwinSpec<ProjectSummary> = {
  name: 'projects',
  columns: [
    { header: 'id', value: (p) => p.id },
    { header: 'name', value: (p) => p.name },
    { header: 'review_state', value: (p) => p.reviewState },
    { header: 'sector', value: (p) => p.sector },
    { header: 'status', value: (p) => p.status },
    { header: 'year', value: (p) => p.year },
    { header: 'flow_type', value: (p) => p.flowType },
    { header: 'amount', value: (p) => p.amount?.value },
    { header: 'currency', value: (p) => p.amount?.currency },
    { header: 'amount_usd_2021', value: (p) => p.amount?.usd2021 },
    { header: 'dataset_amount_usd_2021', value: (p) => p.datasetAmountUsd2021 },
    { header: 'countries', value: (p) => p.countries.join('|') },
    { header: 'latitude', value: (p) => p.location?.latitude },
    { header: 'longitude', value: (p) => p.location?.longitude },
    { header: 'location_precision', value: (p) => p.location?.precision },
    { header: 'location_name', value: (p) => p.location?.name },
    { header: 'conflicts', value: (p) => p.conflicts },
    { header: 'claims', value: (p) => p.claims },
    { header: 'sources', value: (p) => p.sources },
  ],
  point: (p) => (p.location ? { longitude: p.location.longitude, latitude: p.location.latitude } : null),
};
