import { z } from 'zod';
import type { Kysely } from 'kysely';
import type { Claim } from '../domain/claim.js';
import { Qualifier, valueText } from '../domain/claim.js';
import { ReviewState } from '../domain/entity.js';
import { notFound } from '../domain/errors.js';
import { claimFromRow, listClaims, type ClaimFilter } from '../store/claims.js';
import type { Database } from '../store/database.js';
import { pageLimit, type Page } from '../store/paging.js';
import { getRelease, releaseClaims } from '../store/releases.js';
import { ClaimEdit, ClaimProposal, proposeClaim, reviewClaim } from '../store/review.js';
import { revisionsOf } from '../store/revisions.js';
import { withAnnotations } from './annotation.js';
import type { CsvColumn } from './csv.js';
import { downloadPages, pagesInMemory, type PageFetch } from './downloads.js';
import { limitsOf } from './load-limit.js';
import { pageQuery, queryText, releaseQuery } from './query.js';
import type { Routes } from './routes.js';
import { AllOf, Claim as ClaimSchema, PageOf, Reviewed, Revision } from './schemas.js';
import { sendTwin } from './twins.js';

const claimQuery = pageQuery.merge(releaseQuery).extend({
  source: queryText(100).optional().describe('claims of one source'),
  subject: queryText(200).optional().describe('claims about one entity'),
  property: queryText(100).optional(),
  unit: queryText(20).optional().describe('a unit or ISO 4217 currency code'),
  qualifier: Qualifier.optional(),
  review: ReviewState.optional(),
  q: queryText(200).optional().describe('words the quote or the subject name contain'),
  duplicates: z
    .enum(['exclude', 'include'])
    .optional()
    .describe('include claims of copies and of paragraphs repeated from other sources (left out by default)'),
});
type ClaimQuery = z.infer<typeof claimQuery>;

const toFilter = (q: ClaimQuery): ClaimFilter => ({
  sourceId: q.source,
  subjectId: q.subject,
  property: q.property,
  unit: q.unit,
  qualifier: q.qualifier,
  reviewState: q.review,
  q: q.q,
  duplicates: q.duplicates,
});

/** Whether a frozen claim passes the filter (a release's claims are filtered in memory). */
function matches(c: Claim, f: ClaimFilter): boolean {
  const words = (f.q ?? '').toLowerCase().split(/\s+/).filter(Boolean).slice(0, 8);
  const hay = `${c.evidence.quote}\n${c.subjectName ?? ''}`.toLowerCase();
  return (
    (!f.sourceId || c.evidence.sourceId === f.sourceId) &&
    (!f.subjectId || c.subjectId === f.subjectId) &&
    (!f.property || c.property === f.property) &&
    (!f.unit || (c.value.kind === 'quantity' && c.value.unit === f.unit)) &&
    (!f.qualifier || c.qualifier === f.qualifier) &&
    (!f.reviewState || c.reviewState === f.reviewState) &&
    words.every((w) => hay.includes(w))
  );
}

const valueOf = (c: Claim) => (c.value.kind === 'quantity' ? c.value.amount : valueText(c.value));

const csvColumns: CsvColumn<Claim>[] = [
  { header: 'id', value: (c) => c.id },
  { header: 'source_id', value: (c) => c.evidence.sourceId },
  { header: 'subject_id', value: (c) => c.subjectId },
  { header: 'subject', value: (c) => c.subjectName },
  { header: 'property', value: (c) => c.property },
  { header: 'value', value: valueOf },
  { header: 'unit', value: (c) => (c.value.kind === 'quantity' ? c.value.unit : null) },
  { header: 'currency', value: (c) => (c.value.kind === 'quantity' ? c.value.currency : null) },
  { header: 'qualifier', value: (c) => c.qualifier },
  { header: 'time', value: (c) => c.time },
  { header: 'quote', value: (c) => c.evidence.quote },
  { header: 'start', value: (c) => c.evidence.start },
  { header: 'end', value: (c) => c.evidence.end },
  { header: 'origin', value: (c) => `${c.origin.kind}:${c.origin.name}` },
  { header: 'review_state', value: (c) => c.reviewState },
];

/** The columns of a claim download (CSV, XLSX, data package). */
export const claimColumns = csvColumns;

/** A page of claims of the current data (from SQL) or of a release (frozen, filtered in memory). */
async function claimsFor(db: Kysely<Database>, q: ClaimQuery): Promise<Page<Claim>> {
  return (await claimPages(db, q))(q.cursor, pageLimit(q.limit));
}

/** The pages of the claims a query asks for: from SQL, or a release's frozen claims filtered in memory. */
async function claimPages(db: Kysely<Database>, q: ClaimQuery): Promise<PageFetch<Claim>> {
  if (!q.release) return (cursor, limit) => listClaims(db, toFilter(q), { limit, cursor });
  const release = await getRelease(db, q.release);
  return pagesInMemory((await releaseClaims(db, release)).filter((c) => matches(c, toFilter(q))));
}

/**
 * Claims: `GET /claims` (a page; `?release=` for a release's), its twins `.json` (each claim with its evidence as
 * a W3C Web Annotation), `.csv` and `.xlsx`; `GET /claims/:id` and its revisions; `POST /claims` (propose one by
 * hand); `POST /claims/:id/accept`, `/reject` and `PATCH /claims/:id` (review, optimistic concurrency).
 */
export function claimRoutes(routes: Routes, db: Kysely<Database>) {
  routes.add(
    {
      method: 'get',
      path: '/claims',
      tag: 'claims',
      summary: 'Claims in text order, with their evidence spans; filters, cursor paging',
      query: claimQuery,
      response: PageOf(ClaimSchema),
    },
    async (c, { query }) => c.json(await claimsFor(db, query)),
  );
  for (const format of ['json', 'csv', 'xlsx'] as const)
    routes.add(
      {
        method: 'get',
        path: `/claims.${format}`,
        tag: 'claims',
        summary: `Every matching claim (up to 100,000) as ${format.toUpperCase()}${
          format === 'json' ? ', each with its evidence as a W3C Web Annotation' : ''
        }`,
        query: claimQuery,
        ...(format === 'json'
          ? { response: AllOf(ClaimSchema.extend({ annotation: z.unknown() })) }
          : {
              produces:
                format === 'csv'
                  ? 'text/csv'
                  : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
            }),
      },
      async (c, { query }) => {
        const pages = await downloadPages(
          await claimPages(db, query),
          query.cursor,
          limitsOf(c.req.raw).pageSize,
        );
        return sendTwin(c, format, { name: 'claims', columns: csvColumns }, pages, (rows) =>
          withAnnotations(db, rows),
        );
      },
    );
  routes
    .add(
      {
        method: 'post',
        path: '/claims',
        tag: 'review',
        summary:
          'Propose a claim by hand, citing an exact span of a stored source (it enters the review queue)',
        body: ClaimProposal,
        status: 201,
        response: ClaimSchema,
      },
      async (c, { body, who }) => c.json(await proposeClaim(db, body, who), 201),
    )
    .add(
      {
        method: 'get',
        path: '/claims/:id',
        tag: 'claims',
        summary: 'One claim with its version and its revisions (who, when, before, after, why)',
        response: ClaimSchema.extend({ revisions: z.array(Revision) }),
      },
      async (c) => {
        const id = c.req.param('id') ?? '';
        const row =
          id.length <= 200
            ? await db.selectFrom('claim').selectAll().where('id', '=', id).executeTakeFirst()
            : undefined;
        if (!row) throw notFound('claim', id.slice(0, 80));
        return c.json({ ...claimFromRow(row), revisions: await revisionsOf(db, 'claim', id) });
      },
    )
    .add(
      {
        method: 'get',
        path: '/claims/:id/revisions',
        tag: 'claims',
        summary: "A claim's revisions, oldest first",
        response: z.object({ items: z.array(Revision) }),
      },
      async (c) => {
        const id = c.req.param('id') ?? '';
        const items = await revisionsOf(db, 'claim', id.slice(0, 200));
        if (items.length === 0) throw notFound('claim', id.slice(0, 80));
        return c.json({ items });
      },
    );
  for (const action of ['accept', 'reject'] as const)
    routes.add(
      {
        method: 'post',
        path: `/claims/:id/${action}`,
        tag: 'review',
        summary: `${action === 'accept' ? 'Accept' : 'Reject'} a claim (409 when it changed since the version sent)`,
        body: Reviewed,
        response: ClaimSchema,
      },
      async (c, { body, who }) =>
        c.json(await reviewClaim(db, c.req.param('id') ?? '', action, { actor: who, ...body })),
    );
  routes.add(
    {
      method: 'patch',
      path: '/claims/:id',
      tag: 'review',
      summary:
        "Edit a claim's subject, property, value, qualifier or time (it becomes accepted; 409 when stale)",
      body: Reviewed.extend({ set: ClaimEdit }),
      response: ClaimSchema,
    },
    async (c, { body, who }) =>
      c.json(
        await reviewClaim(
          db,
          c.req.param('id') ?? '',
          'update',
          { actor: who, version: body.version, why: body.why },
          body.set,
        ),
      ),
  );
}
