import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Database } from '../store/database.js';
import { createRelease, diffReleases, getRelease, listReleases } from '../store/releases.js';
import { search } from '../store/search.js';
import { queryText } from './query.js';
import type { Routes } from './routes.js';
import { Claim, Entity, Release } from './schemas.js';

const KindDiff = <T extends z.ZodType>(item: T) =>
  z.object({
    added: z.array(item),
    removed: z.array(item),
    changed: z.array(z.object({ id: z.string(), before: item, after: item })),
  });

/** Releases (list, one, create, diff) and full-text search. */
export function releaseRoutes(routes: Routes, db: Kysely<Database>) {
  routes
    .add(
      {
        method: 'get',
        path: '/releases',
        tag: 'releases',
        summary: 'Releases, newest first: named, frozen snapshots of the accepted claims and entities',
        response: z.object({ items: z.array(Release) }),
      },
      async (c) => c.json({ items: await listReleases(db) }),
    )
    .add(
      {
        method: 'post',
        path: '/releases',
        tag: 'releases',
        summary: 'Freeze the accepted data as a new release (admins); a release never changes after',
        role: 'admin',
        body: z.object({
          name: Release.shape.name,
          note: z.string().max(2000).nullable().default(null),
          include: z
            .enum(['accepted', 'not-rejected'])
            .default('accepted')
            .describe('accepted items only, or proposed ones too'),
        }),
        status: 201,
        response: Release,
      },
      async (c, { body, who }) =>
        c.json(await createRelease(db, body.name, who, body.note, body.include), 201),
    )
    .add(
      {
        method: 'get',
        path: '/releases/:name',
        tag: 'releases',
        summary: 'One release (or `latest`)',
        response: Release,
      },
      async (c) => c.json(await getRelease(db, c.req.param('name') ?? '')),
    )
    .add(
      {
        method: 'get',
        path: '/releases/:a/diff/:b',
        tag: 'releases',
        summary: 'What changed from release a to release b: claims and entities added, removed and changed',
        response: z.object({
          from: Release,
          to: Release,
          claims: KindDiff(Claim),
          entities: KindDiff(Entity),
        }),
      },
      async (c) => {
        const [a, b] = await Promise.all([
          getRelease(db, c.req.param('a') ?? ''),
          getRelease(db, c.req.param('b') ?? ''),
        ]);
        return c.json(await diffReleases(db, a, b));
      },
    )
    .add(
      {
        method: 'get',
        path: '/search',
        tag: 'search',
        summary:
          'Full-text search over sources (title and text) and entities (names and aliases); accents ignored',
        query: z.object({
          q: queryText(200).describe('words, all of which must match (each as a prefix)'),
          kind: z.enum(['source', 'entity']).optional(),
          limit: z.coerce.number().int().min(1).max(100).default(20),
        }),
        response: z.object({
          q: z.string(),
          words: z.array(z.string()),
          items: z.array(
            z.object({
              kind: z.enum(['source', 'entity']),
              id: z.string(),
              title: z.string(),
              type: z.string(),
              snippet: z.string(),
              rank: z.number(),
            }),
          ),
        }),
      },
      async (c, { query }) => c.json({ q: query.q, ...(await search(db, query.q, query)) }),
    );
}
