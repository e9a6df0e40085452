import { z } from 'zod';
import { notFound } from '../domain/errors.js';
import { claimsOfSource } from '../store/claims.js';
import type { Db } from '../store/database.js';
import { entitiesInSource } from '../store/entities.js';
import { copiesOf, getSource, listSources, sourceIdShape } from '../store/sources.js';
import { pageQuery } from './query.js';
import type { Routes } from './routes.js';
import { PageOf, SourceDetail, SourceSummary } from './schemas.js';

// `kind`: documents (articles, reports, feed items) or dataset records (`puente import`); both when absent.
const sourceQuery = pageQuery.extend({
  kind: z
    .enum(['document', 'dataset'])
    .optional()
    .describe('documents (articles, reports, feed items) or dataset records; both when absent'),
});

/** The most claims `GET /sources/:id` returns; `claimsTotal` gives the count, `/claims?source=` pages them all. */
export const sourceClaimCap = 10_000;

/** The most copies `GET /sources/:id` lists (a wire story may be republished many times). */
export const sourceCopyCap = 1_000;

/** `GET /sources` (summaries, newest first) and `GET /sources/:id` (text, paragraphs, entities, claims, copies). */
export function sourceRoutes(routes: Routes, db: Db) {
  routes
    .add(
      {
        method: 'get',
        path: '/sources',
        tag: 'sources',
        summary: 'Sources, newest first: documents and dataset records, with their counts',
        query: sourceQuery,
        response: PageOf(SourceSummary),
      },
      async (c, { query }) => c.json(await listSources(db, query, query.kind)),
    )
    .add(
      {
        method: 'get',
        path: '/sources/:id',
        tag: 'sources',
        summary:
          'One source: its normalized text, paragraphs (duplicates flagged), the entities it names, its claims and the sources stored as its copies',
        response: SourceDetail,
      },
      async (c) => {
        const id = c.req.param('id') ?? '';
        // Source ids have one shape; anything else is simply not found (and never reaches the database).
        const source = sourceIdShape.test(id) ? await getSource(db, id) : undefined;
        if (!source) throw notFound('source', id.slice(0, 60));
        const [entities, claims, copies] = await Promise.all([
          entitiesInSource(db, id),
          claimsOfSource(db, id, sourceClaimCap),
          copiesOf(db, id, sourceCopyCap),
        ]);
        // A duplicate repeats an earlier paragraph of this source, or one another source stored first (`repeats`).
        const paragraphs = source.paragraphs.map((p) => ({
          ...p,
          duplicate: p.duplicateOf !== null || p.repeats !== null,
        }));
        return c.json({
          ...source,
          paragraphs,
          paragraphCount: paragraphs.length,
          entities,
          claims: claims.items,
          claimsTotal: claims.total,
          copies,
        });
      },
    );
}
