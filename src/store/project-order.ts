import type { ExpressionBuilder, SelectQueryBuilder } from 'kysely';
import { badRequest } from '../domain/errors.js';
import type { Database } from './database.js';
import { decodeCursor, type KeyPart } from './paging.js';

/** The columns a project list can be sorted by, and the kind of their values in a cursor. */
const sortColumns = {
  name: { column: 'project_view.name', part: 'string' },
  amount: { column: 'project_view.amount_usd', part: 'number?' },
  year: { column: 'project_view.year', part: 'int?' },
  conflicts: { column: 'project_view.conflicts', part: 'int?' },
  sources: { column: 'project_view.source_count', part: 'int?' },
} as const satisfies Record<string, { column: `project_view.${string}`; part: KeyPart }>;
type SortField = keyof typeof sortColumns;

const sortFields = Object.keys(sortColumns) as SortField[];

/** Every `sort=` value of the project list: a field, ascending, or with a leading `-`, descending. */
export const projectSorts = [...sortFields, ...sortFields.map((f) => `-${f}` as const)] as const;
export type ProjectSort = (typeof projectSorts)[number];

/** The column and direction of a sort. */
const sortOf = (sort: ProjectSort) => {
  const descending = sort.startsWith('-');
  return { ...sortColumns[sort.replace('-', '') as SortField], descending };
};

/** What a sorted page's cursor holds: the sort it was made under, the last row's value and its id. */
export type SortedKey = [ProjectSort, string | number | null, string];

/**
 * The value and id after which a sorted page goes on. A cursor made under another order (another sort, or the
 * default order by id) is a 400 that says so, not a page of something else.
 */
export function decodeSortedCursor(cursor: string, sort: ProjectSort): { value: unknown; id: string } {
  let made: unknown;
  try {
    made = (JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown[])[0];
  } catch {
    made = undefined;
  }
  if (made !== sort) {
    const under = typeof made === 'string' && projectSorts.includes(made as ProjectSort) ? made : null;
    throw badRequest(
      `this cursor was made for ${under ? `sort=${under}` : 'another order'}, not sort=${sort}`,
      'start again without cursor, or pass the `next` of a page of the same sort',
    );
  }
  const [, value, id] = decodeCursor(cursor, ['string', sortOf(sort).part, 'string']);
  return { value, id: String(id) };
}

/** The cursor key of a row of a sorted list. */
export const sortedKey = (sort: ProjectSort, row: Record<string, unknown>): SortedKey => {
  const value = row[sortOf(sort).column.replace('project_view.', '')];
  return [sort, typeof value === 'string' || typeof value === 'number' ? value : null, String(row.id)];
};

/**
 * The list in the sort's order, empty values last whichever the direction, ties by id; after `from` (a cursor's
 * value and id) when given.
 */
export function sortProjects<O>(
  query: SelectQueryBuilder<Database, 'project_view', O>,
  sort: ProjectSort,
  from?: { value: unknown; id: string },
) {
  const { column, descending } = sortOf(sort);
  let q = query;
  if (from)
    q = q.where((eb: ExpressionBuilder<Database, 'project_view'>) => {
      const laterId = eb('project_view.id', '>', from.id);
      if (from.value === null) return eb.and([eb(column, 'is', null), laterId]);
      const value = from.value as string | number;
      return eb.or([
        eb(column, descending ? '<' : '>', value),
        eb.and([eb(column, '=', value), laterId]),
        eb(column, 'is', null),
      ]);
    });
  return q.orderBy(column, (o) => (descending ? o.desc() : o.asc()).nullsLast()).orderBy('project_view.id');
}
