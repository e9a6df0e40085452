import { createHash, randomBytes } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { dataVersion } from '../store/data-version.js';
import type { Db } from '../store/database.js';

/** Paths whose answers depend on who asks or say nothing about the data: no ETag. */
const uncached = /^\/api\/v1\/(?:auth\/|health$)/;

/** Whether an If-None-Match header names this tag (weak comparison, RFC 9110 13.1.2; `*` names any). */
export function namesTag(header: string | undefined, tag: string): boolean {
  if (!header) return false;
  const opaque = (t: string) => t.trim().replace(/^W\//, '');
  return header.split(',').some((t) => t.trim() === '*' || opaque(t) === opaque(tag));
}

/**
 * ETags for the API's reads: a weak tag made from the data version (raised by every committed write to a served
 * table), this process's start and the URL's path and query, so a revalidation is answered 304 after one
 * one-row read, without running the list's query. Two middlewares: `revalidate` answers 304 to an If-None-Match
 * naming the current tag (before the load limit, so a 304 takes no slot); `tag` tags a 200 (after the load
 * limit, so a request refused 503 costs no read). The version is read before the handler runs: an answer is
 * never tagged newer than the data it holds, so a write made while it was built changes the next tag.
 */
export function etags(db: Db): { revalidate: MiddlewareHandler; tag: MiddlewareHandler } {
  // A new process may answer differently for the same data (a new release of Puente): its tags are new too.
  const boot = randomBytes(4).toString('hex');
  const read = new WeakMap<Request, string>();
  const tagOf = async (request: Request) => {
    const url = new URL(request.url);
    const route = createHash('sha256')
      .update(`${url.pathname}?${url.search}`)
      .digest('base64url')
      .slice(0, 16);
    const tag = `W/"${await dataVersion(db)}.${boot}.${route}"`;
    read.set(request, tag);
    return tag;
  };
  const tagged = (method: string, path: string) => method === 'GET' && !uncached.test(path);
  return {
    revalidate: async (c, next) => {
      const asked = c.req.header('if-none-match');
      if (!asked || !tagged(c.req.method, c.req.path)) return next();
      const tag = await tagOf(c.req.raw);
      if (namesTag(asked, tag)) return c.body(null, 304, { ETag: tag, 'Cache-Control': 'no-cache' });
      return next();
    },
    tag: async (c, next) => {
      if (!tagged(c.req.method, c.req.path)) return next();
      const tag = read.get(c.req.raw) ?? (await tagOf(c.req.raw));
      await next();
      if (c.res.status !== 200) return;
      c.res.headers.set('ETag', tag);
      // Caches may keep the answer but must ask again (a cheap 304) before using it.
      c.res.headers.set('Cache-Control', 'no-cache');
    },
  };
}
