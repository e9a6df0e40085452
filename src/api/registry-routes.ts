import { Hono } from 'hono';
import { z } from 'zod';
import { badRequest, notFound } from '../domain/errors.js';
import { loadCountries } from '../reference/countries.js';
import type { Kysely } from 'kysely';
import { convert, type Converted } from '../money/money.js';
import { refreshDirtyProjects, type ProjectRecord } from '../reconcile/projects.js';
import type { Database } from '../store/database.js';
import { getIndicator, listIndicators } from '../store/indicators.js';
import { getProject, listProjects, type ProjectSummary } from '../store/projects.js';
import { maxLimit } from '../store/paging.js';
import { allPages } from './downloads.js';
import { sendTwin, twinFormats, type TwinSpec } from './twins.js';
import { pageQuery, queryText } from './query.js';

const projectQuery = pageQuery.extend({
  country: queryText(3).optional(),
  sector: queryText(100).optional(),
  status: queryText(40).optional(),
  year: z.coerce.number().int().min(1900).max(2100).optional(),
  q: queryText(200).optional(),
});

/** `?base=YEAR`: the year whose prices constant USD are given in (default 2021, GCDF 3.0's). */
const baseQuery = z.object({ base: z.coerce.number().int().min(1913).max(2100).optional() });

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
  const upper = code.toUpperCase();
  const country = loadCountries().find((c) => c.iso2 === upper || c.iso3 === upper);
  if (!country)
    throw badRequest(
      `unknown country code "${code.slice(0, 3)}"`,
      'give an ISO 3166-1 alpha-2 (PE) or alpha-3 (PER) code',
    );
  return country.iso3;
}

/**
 * `GET /projects` (filters country, sector, status, year, q; each item with its preferred values and conflict
 * count; `total`, and `amountUsd2021`, the sum of the preferred amounts of every matching project),
 * `GET /projects/:id` (every property with its preferred value, alternatives and evidence),
 * `GET /indicators` and `GET /indicators/:id` (time series with every reported value).
 */
export function registryRoutes(db: Kysely<Database>) {
  const filterOf = (q: z.infer<typeof projectQuery>) => ({
    iso3: q.country ? alpha3(q.country) : undefined,
    sector: q.sector,
    status: q.status,
    year: q.year,
    q: q.q,
  });
  const app = new Hono()
    .get('/projects', async (c) => {
      const q = projectQuery.parse(c.req.query());
      // Views of projects whose claims changed are recomputed before they are read.
      await refreshDirtyProjects(db);
      return c.json(await listProjects(db, filterOf(q), q));
    })
    .get('/projects/:id', async (c) => {
      const id = c.req.param('id');
      const { base } = baseQuery.parse(c.req.query());
      await refreshDirtyProjects(db);
      const project = id.length <= 300 ? await getProject(db, id) : undefined;
      if (!project) throw notFound('project', id.slice(0, 60));
      return c.json(base === undefined ? project : rebased(project, base));
    })
    .get('/indicators', async (c) => c.json(await listIndicators(db, pageQuery.parse(c.req.query()))))
    .get('/indicators/:id', async (c) => {
      const id = c.req.param('id');
      const indicator = id.length <= 300 ? await getIndicator(db, id) : undefined;
      if (!indicator) throw notFound('indicator', id.slice(0, 60));
      return c.json(indicator);
    });
  // The list's twins: every matching project as JSON, CSV, XLSX or GeoJSON (points of located projects).
  for (const format of twinFormats)
    app.get(`/projects.${format}`, async (c) => {
      const q = projectQuery.parse(c.req.query());
      await refreshDirtyProjects(db);
      const rows = await allPages(
        (cursor) => listProjects(db, filterOf(q), { limit: maxLimit, cursor }),
        q.cursor,
      );
      return sendTwin(c, format, projectTwin, rows, { items: rows, total: rows.length });
    });
  return app;
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
