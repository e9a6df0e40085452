import { z } from 'zod';
import type { Kysely } from 'kysely';
import { badRequest } from '../domain/errors.js';
import { countryByCode } from '../reference/countries.js';
import { releaseProjectRecords, type ProjectRecord } from '../reconcile/projects.js';
import type { Database } from '../store/database.js';
import { projectSorts } from '../store/project-order.js';
import {
  chineseParticipants,
  projectFacets,
  type ProjectFacet,
  type ProjectFilter,
  type ProjectPoint,
  type ProjectSummary,
} from '../store/projects.js';
import { getRelease, releaseClaims, releaseEntities } from '../store/releases.js';
import { pageQuery, queryText, releaseQuery } from './query.js';

/** The query parameters of the project list, its points and its twins. */
export const projectQuery = pageQuery.merge(releaseQuery).extend({
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
      'an entity id (org:cexim) that is an investor, contractor, lender, donor or operator of the project, or chinese: any of them is Chinese',
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
export function facetsOf(list: string | undefined): ProjectFacet[] {
  const names = (list ?? '')
    .split(',')
    .map((f) => f.trim())
    .filter(Boolean);
  for (const name of names)
    if (!(projectFacets as readonly string[]).includes(name))
      throw badRequest(`unknown facet "${name.slice(0, 40)}"`, `use ${projectFacets.join(', ')}`);
  return [...new Set(names)] as ProjectFacet[];
}

/** A project's point as `GET /projects/points` gives it, or null when it has none. */
export const pointOf = (p: ProjectSummary): ProjectPoint | null =>
  p.location && {
    id: p.id,
    name: p.name,
    latitude: p.location.latitude,
    longitude: p.location.longitude,
    precision: p.location.precision,
    sector: p.sector,
    amountUsd2021: p.amount?.usd2021 ?? null,
    country: p.countries[0] ?? null,
  };

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
export async function releaseProjects(
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

/** The store's filter from the list's query (a country code as alpha-3; an unknown one is a 400). */
export const projectFilterOf = (q: Partial<z.infer<typeof projectQuery>>): ProjectFilter => ({
  iso3: q.country ? alpha3(q.country) : undefined,
  sector: q.sector,
  status: q.status,
  year: q.year,
  flow: q.flow,
  q: q.q,
  participant: q.participant,
});
