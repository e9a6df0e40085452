import { sql, type ExpressionBuilder, type SelectQueryBuilder } from 'kysely';
import { valueText, type Claim, type ClaimValue } from '../domain/claim.js';
import type { Database, Db } from './database.js';
import { decodeCursor, pageLimit, toPage, type Page, type PageRequest } from './paging.js';
import type { ClaimTable } from './tables/claim-table.js';
import { likePatterns } from './like.js';

/** Filters of the claim list; each narrows the result, none is required. */
export interface ClaimFilter {
  sourceId?: string | undefined;
  subjectId?: string | undefined;
  property?: string | undefined;
  unit?: string | undefined;
  qualifier?: string | undefined;
  reviewState?: string | undefined;
  /** words that the evidence quote or the subject name must contain */
  q?: string | undefined;
  /**
   * Claims of sources that copy an earlier one, and claims in paragraphs repeated word for word from another
   * source: left out unless `include` (so no fact counts twice), and always shown when one source is asked for.
   */
  duplicates?: 'exclude' | 'include' | undefined;
}

function valueFromRow(row: ClaimTable): ClaimValue {
  switch (row.value_kind) {
    case 'quantity':
      return {
        kind: 'quantity',
        amount: Number(row.amount),
        unit: row.unit ?? '',
        currency: row.currency,
        ...(row.constant_base === null ? {} : { constantBase: Number(row.constant_base) }),
      };
    case 'date':
      return { kind: 'date', date: row.value_text ?? '' };
    case 'entity':
      return { kind: 'entity', entityId: row.value_entity_id, name: row.value_text ?? '' };
    case 'enum':
      return { kind: 'enum', value: row.value_text ?? '' };
    default:
      return { kind: 'text', text: row.value_text ?? '' };
  }
}

/** Turns a `claim` row into the domain Claim. */
export function claimFromRow(row: ClaimTable): Claim {
  return {
    id: row.id,
    subjectId: row.subject_id,
    subjectName: row.subject_name,
    property: row.property,
    value: valueFromRow(row),
    qualifier: row.qualifier as Claim['qualifier'],
    time: row.time,
    evidence: { sourceId: row.source_id, start: row.span_start, end: row.span_end, quote: row.quote },
    origin: { kind: row.origin_kind as Claim['origin']['kind'], name: row.origin_name },
    reviewState: row.review_state as Claim['reviewState'],
    repeatsSource: row.repeats_source,
    version: row.version,
  };
}

/** Turns a domain Claim into a `claim` row. */
export function claimToRow(claim: Claim, subjectType: string | null, createdAt: string): ClaimTable {
  const v = claim.value;
  return {
    id: claim.id,
    source_id: claim.evidence.sourceId,
    subject_id: claim.subjectId,
    subject_name: claim.subjectName,
    subject_type: subjectType,
    property: claim.property,
    value_kind: v.kind,
    amount: v.kind === 'quantity' ? v.amount : null,
    unit: v.kind === 'quantity' ? v.unit : null,
    currency: v.kind === 'quantity' ? v.currency : null,
    value_text: valueText(v),
    value_entity_id: v.kind === 'entity' ? v.entityId : null,
    qualifier: claim.qualifier,
    time: claim.time,
    span_start: claim.evidence.start,
    span_end: claim.evidence.end,
    quote: claim.evidence.quote,
    origin_kind: claim.origin.kind,
    origin_name: claim.origin.name,
    review_state: claim.reviewState,
    created_at: createdAt,
    repeats_source: claim.repeatsSource,
    constant_base: v.kind === 'quantity' ? (v.constantBase ?? null) : null,
    version: 1,
  };
}

/** Stores claims (rows already made by `claimToRow`). */
export async function insertClaims(db: Db, rows: ClaimTable[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 100) {
    await db
      .insertInto('claim')
      .values(rows.slice(i, i + 100))
      .execute();
  }
}

/** A claim's source is not a copy of another source (a copy's claims count from the original). */
export const notFromCopy = (eb: ExpressionBuilder<Database, 'claim'>) =>
  eb.not(
    eb.exists(
      eb
        .selectFrom('source')
        .select('source.id')
        .whereRef('source.id', '=', 'claim.source_id')
        .where('source.duplicate_of', 'is not', null),
    ),
  );

function applyFilter<O>(query: SelectQueryBuilder<Database, 'claim', O>, f: ClaimFilter) {
  let q = query;
  if (f.sourceId) q = q.where('claim.source_id', '=', f.sourceId);
  if (f.subjectId) q = q.where('claim.subject_id', '=', f.subjectId);
  if (f.property) q = q.where('claim.property', '=', f.property);
  if (f.unit) q = q.where('claim.unit', '=', f.unit);
  if (f.qualifier) q = q.where('claim.qualifier', '=', f.qualifier);
  if (f.reviewState) q = q.where('claim.review_state', '=', f.reviewState);
  if (!f.sourceId && f.duplicates !== 'include')
    q = q.where('claim.repeats_source', 'is', null).where(notFromCopy);
  for (const like of likePatterns(f.q)) {
    q = q.where((eb: ExpressionBuilder<Database, 'claim'>) =>
      eb.or([
        sql<boolean>`lower(${eb.ref('claim.quote')}) like ${like} escape '\\'`,
        sql<boolean>`lower(${eb.ref('claim.subject_name')}) like ${like} escape '\\'`,
      ]),
    );
  }
  return q;
}

const claimKey = (row: ClaimTable) => [row.source_id, row.span_start, row.id];

/** A page of claims in text order (source, then offset), with the total that matches the filter. */
export async function listClaims(db: Db, filter: ClaimFilter, page: PageRequest = {}): Promise<Page<Claim>> {
  const limit = pageLimit(page.limit);
  let query = applyFilter(db.selectFrom('claim').selectAll('claim'), filter);
  if (page.cursor) {
    const [sourceId, start, id] = decodeCursor(page.cursor, ['string', 'int', 'string']);
    query = query.where((eb) =>
      eb.or([
        eb('claim.source_id', '>', String(sourceId)),
        eb.and([eb('claim.source_id', '=', String(sourceId)), eb('claim.span_start', '>', Number(start))]),
        eb.and([
          eb('claim.source_id', '=', String(sourceId)),
          eb('claim.span_start', '=', Number(start)),
          eb('claim.id', '>', String(id)),
        ]),
      ]),
    );
  }
  const rows = await query
    .orderBy('claim.source_id')
    .orderBy('claim.span_start')
    .orderBy('claim.id')
    .limit(limit + 1)
    .execute();
  const counted = await applyFilter(
    db.selectFrom('claim').select((eb) => eb.fn.countAll<number>().as('n')),
    filter,
  ).executeTakeFirstOrThrow();
  return toPage(rows, limit, Number(counted.n), claimKey, claimFromRow);
}

/** The claims of one source in text order, at most `cap` of them, with how many there are in all. */
export async function claimsOfSource(
  db: Db,
  sourceId: string,
  cap: number,
): Promise<{ items: Claim[]; total: number }> {
  const rows = await db
    .selectFrom('claim')
    .selectAll()
    .where('source_id', '=', sourceId)
    .orderBy('span_start')
    .orderBy('id')
    .limit(cap)
    .execute();
  const { n } = await db
    .selectFrom('claim')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('source_id', '=', sourceId)
    .executeTakeFirstOrThrow();
  return { items: rows.map(claimFromRow), total: Number(n) };
}
