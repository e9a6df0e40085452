import { Hono } from 'hono';
import { notFound } from '../domain/errors.js';
import { listClaims } from '../store/claims.js';
import type { Db } from '../store/database.js';
import { entitiesInSource } from '../store/entities.js';
import { maxLimit } from '../store/paging.js';
import { getSource, listSources } from '../store/sources.js';
import { pageQuery } from './query.js';

/** `GET /sources` (summaries, newest first) and `GET /sources/:id` (text, paragraphs, entities, claims). */
export function sourceRoutes(db: Db) {
  return new Hono()
    .get('/sources', async (c) => c.json(await listSources(db, pageQuery.parse(c.req.query()))))
    .get('/sources/:id', async (c) => {
      const id = c.req.param('id');
      const source = await getSource(db, id);
      if (!source) throw notFound('source', id);
      const [entities, claims] = await Promise.all([
        entitiesInSource(db, id),
        listClaims(db, { sourceId: id }, { limit: maxLimit }),
      ]);
      const paragraphs = source.paragraphs.map((p) => ({ ...p, duplicate: p.duplicateOf !== null }));
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
