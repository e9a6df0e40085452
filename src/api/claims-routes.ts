import { Hono } from 'hono';
import { z } from 'zod';
import type { Claim } from '../domain/claim.js';
import { Qualifier, valueText } from '../domain/claim.js';
import { ReviewState } from '../domain/entity.js';
import { listClaims, type ClaimFilter } from '../store/claims.js';
import type { Db } from '../store/database.js';
import { maxLimit } from '../store/paging.js';
import type { CsvColumn } from './csv.js';
import { allPages, downloadRowCap } from './downloads.js';
import { sendTwin } from './twins.js';
import { pageQuery, queryText } from './query.js';

const claimQuery = pageQuery.extend({
  source: queryText(100).optional(),
  subject: queryText(200).optional(),
  property: queryText(100).optional(),
  unit: queryText(20).optional(),
  qualifier: Qualifier.optional(),
  review: ReviewState.optional(),
  q: queryText(200).optional(),
  duplicates: z.enum(['exclude', 'include']).optional(),
});

const toFilter = (q: z.infer<typeof claimQuery>): ClaimFilter => ({
  sourceId: q.source,
  subjectId: q.subject,
  property: q.property,
  unit: q.unit,
  qualifier: q.qualifier,
  reviewState: q.review,
  q: q.q,
  duplicates: q.duplicates,
});

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

/** Rows at most in one download. */
export const csvRowCap = downloadRowCap;

/**
 * `GET /claims` (JSON page), and its twins `GET /claims.json`, `.csv` and `.xlsx`: every matching row, up to
 * the cap (claims have no place, so no GeoJSON).
 */
export function claimRoutes(db: Db) {
  const app = new Hono().get('/claims', async (c) => {
    const q = claimQuery.parse(c.req.query());
    return c.json(await listClaims(db, toFilter(q), q));
  });
  for (const format of ['json', 'csv', 'xlsx'] as const)
    app.get(`/claims.${format}`, async (c) => {
      const q = claimQuery.parse(c.req.query());
      const rows = await allPages(
        (cursor) => listClaims(db, toFilter(q), { limit: maxLimit, cursor }),
        q.cursor,
      );
      return sendTwin(c, format, { name: 'claims', columns: csvColumns }, rows, {
        items: rows,
        total: rows.length,
      });
    });
  return app;
}
