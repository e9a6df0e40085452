import { z } from 'zod';
import type { Kysely } from 'kysely';
import { badRequest, notFound } from '../domain/errors.js';
import { convert, type Converted } from '../money/money.js';
import { refreshDirtyProjects, type ProjectRecord } from '../reconcile/projects.js';
import type { Database } from '../store/database.js';
import { getIndicator, listIndicators } from '../store/indicators.js';
import {
  getProject,
  chineseParticipants,
  countWithChineseParticipant,
  groupProjects,
  listProjects,
  projectPoints,
  projectRevisions,
  type ProjectSummary,
} from '../store/projects.js';
import { pageLimit } from '../store/paging.js';
import { downloadPages, downloadRowCap, pageInMemory, pagesInMemory } from './downloads.js';
import { limitsOf } from './load-limit.js';
import { facetsOf, pointOf, projectFilterOf, projectQuery, releaseProjects } from './project-query.js';
import { sendTwin, twinFormats, twinMediaTypes, type TwinSpec } from './twins.js';
import type { Routes } from './routes.js';
import {
  AllOf,
  IndicatorRecord,
  IndicatorSummary,
  PageOf,
  ProjectPage,
  ProjectPoints,
  ProjectRecord as ProjectRecordSchema,
  ProjectSummary as ProjectSummarySchema,
  Revision,
} from './schemas.js';
import { pageQuery } from './query.js';

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
        const filter = projectFilterOf(query);
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
          facets.map(async (f) => {
            const values = (await groupProjects(db, filter, f)).map((g) => ({
              value: g.key ?? '',
              ...(g.label === undefined ? {} : { label: g.label }),
              ...(g.chinese === undefined ? {} : { chinese: g.chinese }),
              count: g.count,
            }));
            // The participant facet starts with "any Chinese participant" (the filter value `chinese`).
            if (f === 'participant')
              values.unshift({
                value: chineseParticipants,
                label: 'any Chinese participant',
                chinese: true,
                count: await countWithChineseParticipant(db, filter),
              });
            return [f, values] as const;
          }),
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
        path: '/projects/points',
        tag: 'projects',
        summary:
          'Every matching project that has a point, in one answer (no paging), and how many have none; the filters of /projects',
        query: projectQuery.omit({ limit: true, cursor: true, facets: true, groupBy: true, sort: true }),
        response: ProjectPoints,
      },
      async (c, { query }) => {
        await refreshDirtyProjects(db);
        const filter = projectFilterOf(query);
        if (!query.release) return c.json(await projectPoints(db, filter, downloadRowCap));
        const points = (await releaseProjects(db, query.release, filter)).map(pointOf);
        const items = points.filter((p) => p !== null);
        return c.json({ items, total: items.length, unlocated: points.length - items.length });
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
        // A release's projects come in id order, as in the list, which refuses a sort with a release too.
        if (query.release && query.sort)
          throw badRequest('sort is for the current data', 'leave out release, or the sort');
        await refreshDirtyProjects(db);
        const filter = projectFilterOf(query);
        const pages = await downloadPages(
          query.release
            ? pagesInMemory(await releaseProjects(db, query.release, filter))
            : (cursor, limit) => listProjects(db, filter, { limit, cursor }, query.sort),
          query.cursor,
          limitsOf(c.req.raw).pageSize,
        );
        return sendTwin(c, format, projectTwin, pages);
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
