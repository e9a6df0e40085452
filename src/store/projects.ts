import { sql, type ExpressionBuilder, type SelectQueryBuilder } from 'kysely';
import type { ProjectRecord } from '../reconcile/projects.js';
import type { Revision } from '../domain/revision.js';
import { revisionsOf } from './revisions.js';
import type { Database, Db } from './database.js';
import { decodeCursor, pageLimit, toPage, type Page, type PageRequest } from './paging.js';
import type { ProjectViewTable } from './tables/project-table.js';
import { likePatterns } from './like.js';
import { decodeSortedCursor, sortedKey, sortProjects, type ProjectSort } from './project-order.js';

/** Filters of the project list; each narrows it. */
export interface ProjectFilter {
  /** ISO 3166-1 alpha-3 code of a country the project belongs to */
  iso3?: string | undefined;
  sector?: string | undefined;
  status?: string | undefined;
  year?: number | undefined;
  /** the property the headline amount comes from: commitment, investment, loan, cost, amount */
  flow?: string | undefined;
  /** words the project's name or aliases contain, in any language */
  q?: string | undefined;
  /** an entity id one of its participants is, or `chinese`: any of its participants is Chinese */
  participant?: string | undefined;
}

/** A project in a list: its headline fields (the preferred values) and how many conflicts it has. */
export type ProjectSummary = Omit<ProjectRecord, 'properties' | 'attributes' | 'aliases'>;

/** The `participant` filter value that means any Chinese participant. */
export const chineseParticipants = 'chinese';

/** The participant rows of a project that are this entity (or, for `chinese`, that are Chinese). */
const participantMatch = (eb: ExpressionBuilder<Database, 'project_view'>, participant: string) => {
  const rows = eb
    .selectFrom('project_participant')
    .select('project_participant.project_id')
    .whereRef('project_participant.project_id', '=', 'project_view.id');
  return participant === chineseParticipants
    ? rows.where('project_participant.chinese', '=', 1)
    : rows.where('project_participant.entity_id', '=', participant);
};

function applyFilter<O>(query: SelectQueryBuilder<Database, 'project_view', O>, f: ProjectFilter) {
  let q = query;
  if (f.iso3)
    q = q.where((eb: ExpressionBuilder<Database, 'project_view'>) =>
      eb.exists(
        eb
          .selectFrom('project_country')
          .select('project_country.project_id')
          .whereRef('project_country.project_id', '=', 'project_view.id')
          .where('project_country.iso3', '=', f.iso3 ?? ''),
      ),
    );
  if (f.participant) q = q.where((eb) => eb.exists(participantMatch(eb, f.participant ?? '')));
  if (f.sector) q = q.where('project_view.sector', '=', f.sector);
  if (f.status) q = q.where('project_view.status', '=', f.status);
  if (f.year !== undefined) q = q.where('project_view.year', '=', f.year);
  if (f.flow) q = q.where('project_view.flow_type', '=', f.flow);
  for (const like of likePatterns(f.q))
    q = q.where(sql<boolean>`project_view.search like ${like} escape '\\'`);
  return q;
}

const summaryOf = (row: Pick<ProjectViewTable, 'view'>): ProjectSummary => {
  const { properties: _p, attributes: _a, aliases: _x, ...summary } = JSON.parse(row.view) as ProjectRecord;
  return summary;
};

/** The columns a page of projects reads: the view, and every column it can be sorted by. */
const pageColumns = [
  'project_view.id',
  'project_view.view',
  'project_view.name',
  'project_view.amount_usd',
  'project_view.year',
  'project_view.conflicts',
  'project_view.source_count',
] as const;

/** A page of project rows: by id (the default), or in a sort's order with its own cursors. */
async function projectRows(db: Db, filter: ProjectFilter, page: PageRequest, sort: ProjectSort | undefined) {
  const limit = pageLimit(page.limit);
  const query = applyFilter(db.selectFrom('project_view').select(pageColumns), filter).limit(limit + 1);
  if (sort) {
    const from = page.cursor ? decodeSortedCursor(page.cursor, sort) : undefined;
    const rows = await sortProjects(query, sort, from).execute();
    return { rows, limit, key: (r: (typeof rows)[number]) => sortedKey(sort, r) };
  }
  const after = page.cursor ? String(decodeCursor(page.cursor, ['string'])[0]) : null;
  const rows = await (after === null ? query : query.where('project_view.id', '>', after))
    .orderBy('project_view.id')
    .execute();
  return { rows, limit, key: (r: (typeof rows)[number]) => [r.id] };
}

/**
 * A page of projects (by id, or in the order of `sort`), with the count of the filter, the sum of its preferred
 * amounts and the sum of the amounts datasets give (both in constant 2021 USD; the second adds up AidData's
 * figures alone).
 */
export async function listProjects(
  db: Db,
  filter: ProjectFilter,
  page: PageRequest = {},
  sort?: ProjectSort,
): Promise<
  Page<ProjectSummary> & { amountUsd2021: number; withAmount: number; datasetAmountUsd2021: number }
> {
  const { rows, limit, key } = await projectRows(db, filter, page, sort);
  const totals = await applyFilter(
    db
      .selectFrom('project_view')
      .select((eb) => [
        eb.fn.countAll<number>().as('n'),
        eb.fn.sum<number>('project_view.amount_usd').as('usd'),
        eb.fn.count<number>('project_view.amount_usd').as('with_amount'),
        eb.fn.sum<number>('project_view.dataset_amount_usd').as('dataset_usd'),
      ]),
    filter,
  ).executeTakeFirstOrThrow();
  return {
    ...toPage(rows, limit, Number(totals.n), key, summaryOf),
    amountUsd2021: Number(totals.usd ?? 0),
    withAmount: Number(totals.with_amount),
    datasetAmountUsd2021: Number(totals.dataset_usd ?? 0),
  };
}

/** A located project as a map shows it: its point, how exact the point is, and what to colour and size it by. */
export interface ProjectPoint {
  id: string;
  name: string;
  latitude: number;
  longitude: number;
  /** `adm1` (a region's centroid) or `place` (a named place) */
  precision: string | null;
  sector: string | null;
  amountUsd2021: number | null;
  /** the first of its countries (ISO 3166-1 alpha-3), null when none is known */
  country: string | null;
}

/**
 * Every matching project that has a point (at most `cap`, by id), how many match with a point (`total`) and
 * how many without (`unlocated`). Read from the view's columns alone, not its JSON.
 */
export async function projectPoints(
  db: Db,
  filter: ProjectFilter,
  cap: number,
): Promise<{ items: ProjectPoint[]; total: number; unlocated: number }> {
  const rows = await applyFilter(
    db
      .selectFrom('project_view')
      .select(['id', 'name', 'latitude', 'longitude', 'precision', 'sector', 'amount_usd', 'countries']),
    filter,
  )
    .where('project_view.latitude', 'is not', null)
    .where('project_view.longitude', 'is not', null)
    .orderBy('project_view.id')
    .limit(cap)
    .execute();
  const counts = await applyFilter(
    db
      .selectFrom('project_view')
      .select((eb) => [
        eb.fn.countAll<number>().as('n'),
        eb.fn.count<number>('project_view.latitude').as('located'),
      ]),
    filter,
  ).executeTakeFirstOrThrow();
  const items = rows.map((r) => ({
    id: r.id,
    name: r.name,
    latitude: Number(r.latitude),
    longitude: Number(r.longitude),
    precision: r.precision,
    sector: r.sector,
    amountUsd2021: r.amount_usd,
    country: r.countries.split('|').find(Boolean) ?? null,
  }));
  return { items, total: Number(counts.located), unlocated: Number(counts.n) - Number(counts.located) };
}

/** One project's whole reconciled record, or undefined. */
export async function getProject(db: Db, id: string): Promise<ProjectRecord | undefined> {
  const row = await db.selectFrom('project_view').select('view').where('id', '=', id).executeTakeFirst();
  return row ? (JSON.parse(row.view) as ProjectRecord) : undefined;
}

/** The fields a project list can count by (facets) and sum by (groups). */
export const projectFacets = ['country', 'sector', 'status', 'year', 'flow', 'participant'] as const;
export type ProjectFacet = (typeof projectFacets)[number];

const facetColumn = {
  sector: 'project_view.sector',
  status: 'project_view.status',
  year: 'project_view.year',
  flow: 'project_view.flow_type',
} as const;

/** One group of a list: its key (null: the value is unknown), how many projects, the sum of their amounts. */
export interface ProjectGroup {
  key: string | null;
  /** the name of the entity the key is (participant groups) */
  label?: string;
  /** whether the entity is a Chinese party (participant groups) */
  chinese?: boolean;
  count: number;
  /** the sum of the preferred amounts in constant 2021 USD, and how many projects have one */
  amountUsd2021: number;
  withAmount: number;
}

const sums = (eb: ExpressionBuilder<Database, 'project_view'>) => [
  eb.fn.countAll<number>().as('n'),
  eb.fn.sum<number>('project_view.amount_usd').as('usd'),
  eb.fn.count<number>('project_view.amount_usd').as('with_amount'),
];

/** Groups by `key`, largest count first, then by key; at most `cap` groups. */
const largestFirst = <DB, TB extends keyof DB, O extends { n: number }>(
  query: SelectQueryBuilder<DB, TB, O>,
  key: string,
  cap: number,
): Promise<O[]> =>
  query.groupBy(sql.ref(key)).orderBy(sql.ref('n'), 'desc').orderBy(sql.ref(key)).limit(cap).execute();

/** The matching projects by country: a project with several countries counts in each. */
const countryGroups = (db: Db, filter: ProjectFilter, cap: number) =>
  largestFirst(
    applyFilter(
      db
        .selectFrom('project_view')
        .innerJoin('project_country', 'project_country.project_id', 'project_view.id')
        .select((eb) => ['project_country.iso3 as key', ...sums(eb as never)]),
      filter,
    ),
    'project_country.iso3',
    cap,
  );

/**
 * The matching projects by participant entity (parties with no registry entity are left out): a project counts
 * once for each entity, whatever roles the entity has in it (its row of the first role is the one joined).
 */
const participantGroups = (db: Db, filter: ProjectFilter, cap: number) =>
  largestFirst(
    applyFilter(
      db
        .selectFrom('project_view')
        .innerJoin('project_participant', 'project_participant.project_id', 'project_view.id')
        .where('project_participant.entity_id', 'is not', null)
        .where((eb) =>
          eb(
            'project_participant.role',
            '=',
            eb
              .selectFrom('project_participant as other')
              .select((o) => o.fn.min<string>('other.role').as('role'))
              .whereRef('other.project_id', '=', 'project_participant.project_id')
              .whereRef('other.entity_id', '=', 'project_participant.entity_id'),
          ),
        )
        .select((eb) => [
          'project_participant.entity_id as key',
          eb.fn.max<number>('project_participant.chinese').as('chinese'),
          ...sums(eb as never),
        ]),
      filter,
    ),
    'project_participant.entity_id',
    cap,
  );

/** The matching projects by one column of their view. */
const columnGroups = (db: Db, filter: ProjectFilter, by: keyof typeof facetColumn, cap: number) =>
  largestFirst(
    applyFilter(
      db.selectFrom('project_view').select((eb) => [`${facetColumn[by]} as key` as const, ...sums(eb)]),
      filter,
    ),
    facetColumn[by],
    cap,
  );

/** The names of entities, by id. */
async function entityNames(db: Db, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('entity').select(['id', 'name']).where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

/**
 * The matching projects counted and summed by one field, largest count first (at most `cap` groups). A project
 * with several countries or participants counts in each of them; participant groups are labelled with the
 * entity's name.
 */
export async function groupProjects(
  db: Db,
  filter: ProjectFilter,
  by: ProjectFacet,
  cap = 300,
): Promise<ProjectGroup[]> {
  const rows =
    by === 'country'
      ? await countryGroups(db, filter, cap)
      : by === 'participant'
        ? await participantGroups(db, filter, cap)
        : await columnGroups(db, filter, by, cap);
  const keys = rows.map((r) => (r.key === null ? null : String(r.key)));
  const labels =
    by === 'participant'
      ? await entityNames(
          db,
          keys.filter((k) => k !== null),
        )
      : new Map();
  return rows.map((r, i) => {
    const key = keys[i] ?? null;
    const label = key === null ? undefined : labels.get(key);
    return {
      key,
      ...(label === undefined ? {} : { label }),
      ...('chinese' in r ? { chinese: Number(r.chinese) === 1 } : {}),
      count: Number(r.n),
      amountUsd2021: Number(r.usd ?? 0),
      withAmount: Number(r.with_amount),
    };
  });
}

/**
 * How many projects match the filter and have a Chinese participant: the filter's own participant is replaced,
 * as a facet counts its values under the other filters.
 */
export async function countWithChineseParticipant(db: Db, filter: ProjectFilter): Promise<number> {
  const row = await applyFilter(
    db.selectFrom('project_view').select((eb) => eb.fn.countAll<number>().as('n')),
    { ...filter, participant: chineseParticipants },
  ).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Every revision of a project entity and of the claims about it, oldest first; null when no such project. */
export async function projectRevisions(db: Db, id: string): Promise<Revision[] | null> {
  const entity = await db.selectFrom('entity').select('type').where('id', '=', id).executeTakeFirst();
  if (!entity || entity.type !== 'project') return null;
  const claims = await db
    .selectFrom('claim')
    .select('id')
    .where('subject_id', '=', id)
    .orderBy('id')
    .execute();
  const all = [...(await revisionsOf(db, 'entity', id))];
  for (const c of claims) all.push(...(await revisionsOf(db, 'claim', c.id)));
  const seen = new Set<string>();
  return all
    .filter((r) => {
      const key = `${r.id}:${r.targetKind}:${r.targetId}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : a.id - b.id));
}
