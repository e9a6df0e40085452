import { Hono } from 'hono';
import { notFound } from '../domain/errors.js';
import { claimsOfSource } from '../store/claims.js';
import type { Db } from '../store/database.js';
import { entitiesInSource } from '../store/entities.js';
import { getSource, listSources } from '../store/sources.js';
import { z } from 'zod';
import { pageQuery } from './query.js';

// `kind`: documents (articles, reports, feed items) or dataset records (`puente import`); both when absent.
const sourceQuery = pageQuery.extend({ kind: z.enum(['document', 'dataset']).optional() });

const sourceIdShape = /^s_[0-9a-f]{20}$/;

/** The most claims `GET /sources/:id` returns; `claimsTotal` gives the count, `/claims?source=` pages them all. */
export const sourceClaimCap = 10_000;

/** `GET /sources` (summaries, newest first) and `GET /sources/:id` (text, paragraphs, entities, claims). */
export function sourceRoutes(db: Db) {
  return new Hono()
    .get('/sources', async (c) => {
      const q = sourceQuery.parse(c.req.query());
      return c.json(await listSources(db, q, q.kind));
    })
    .get('/sources/:id', async (c) => {
      const id = c.req.param('id');
      // Source ids have one shape; anything else is simply not found (and never reaches the database).
      const source = sourceIdShape.test(id) ? await getSource(db, id) : undefined;
      if (!source) throw notFound('source', id.slice(0, 60));
      const [entities, claims] = await Promise.all([
        entitiesInSource(db, id),
        claimsOfSource(db, id, sourceClaimCap),
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
      });
    });
}
