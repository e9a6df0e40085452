import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import { timeout } from 'hono/timeout';
import { join } from 'node:path';
import { z } from 'zod';
import { PuenteError } from '../domain/errors.js';
import { repoRoot } from '../reference/paths.js';
import type { Store } from '../store/connect.js';
import { authenticate, authRoutes, LoginLimiter } from './auth-routes.js';
import { claimRoutes } from './claims-routes.js';
import { commitmentRoutes } from './commitment-routes.js';
import { entityRoutes } from './entity-routes.js';
import { errorBody, handleError } from './errors.js';
import { etags } from './etag.js';
import { defaultLoadLimits, limitLoad, type LoadLimits } from './load-limit.js';
import { docsCss, docsPage, openApiDocument } from './openapi.js';
import { registryRoutes } from './registry-routes.js';
import { releaseRoutes } from './release-routes.js';
import { Routes, type ApiEnv } from './routes.js';
import { sourceRoutes } from './sources-routes.js';
import { serveWebApp } from './static.js';

/** Where the built web app is served from unless told otherwise. */
export const defaultWebRoot = join(repoRoot, 'web', 'dist');

/**
 * The longest an API request may take before it is answered 503. A download must send its headers within it,
 * and then spend no longer making the rest (`LoadLimits.workMs`, the same 30 s by default).
 */
export const requestTimeoutMs = 30_000;

/** The largest request body the API reads. */
export const maxBodyBytes = 1024 * 1024;

/** The API's version, as the OpenAPI document gives it. */
export const apiVersion = '1.0.0';

/** The routes of the v1 API, each with its schemas (the OpenAPI document is made from them). */
export function apiRoutes(store: Store, limiter = new LoginLimiter()): Routes {
  const { db } = store;
  const routes = new Routes();
  routes.add(
    {
      method: 'get',
      path: '/health',
      tag: 'meta',
      summary: 'Whether the server is up, and its database backend',
      response: z.object({ ok: z.boolean(), backend: z.enum(['sqlite', 'postgres']) }),
    },
    (c) => c.json({ ok: true, backend: store.backend }),
  );
  authRoutes(routes, db, limiter);
  sourceRoutes(routes, db);
  claimRoutes(routes, db);
  registryRoutes(routes, db);
  entityRoutes(routes, db);
  commitmentRoutes(routes, db);
  releaseRoutes(routes, db);
  routes.add(
    {
      method: 'get',
      path: '/openapi.json',
      tag: 'meta',
      summary: 'This API as an OpenAPI 3.1 document, made from the routes’ own schemas',
      response: z.record(z.string(), z.unknown()),
    },
    (c) => c.json(openApiDocument(routes.specs, apiVersion)),
  );
  return routes;
}

/** What `createApp` can be told: where the web app is, the sign-in rate limiter, the load limits. */
export interface AppOptions {
  webRoot?: string | undefined;
  limiter?: LoginLimiter | undefined;
  /** limits on heavy work, each defaulting to `defaultLoadLimits` of the store's backend */
  load?: Partial<LoadLimits> | undefined;
}

/** The HTTP app: the v1 API under /api/v1, its docs at /api/docs, and the web app everywhere else. */
export function createApp(store: Store, options: AppOptions = {}) {
  const routes = apiRoutes(store, options.limiter);
  const app = new Hono<ApiEnv>();
  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        frameAncestors: ["'none'"],
        formAction: ["'self'"],
      },
      referrerPolicy: 'strict-origin-when-cross-origin',
    }),
  );
  app.use(
    '/api/*',
    bodyLimit({
      maxSize: maxBodyBytes,
      onError: () => {
        throw new PuenteError(
          'payload_too_large',
          `request body over ${maxBodyBytes / 1024 / 1024} MiB`,
          'send less in one request',
        );
      },
    }),
  );
  const etag = etags(store.db);
  app.use('/api/*', etag.revalidate);
  // Outside the time limit, so that a request it cuts still gives its slot back.
  app.use('/api/*', limitLoad({ ...defaultLoadLimits(store.backend), ...options.load }));
  app.use('/api/*', etag.tag);
  app.use(
    '/api/*',
    timeout(
      requestTimeoutMs,
      () =>
        new PuenteError(
          'timeout',
          `the request took longer than ${requestTimeoutMs / 1000} s`,
          'narrow the query (filters, a smaller limit) and try again',
        ) as never,
    ),
  );
  app.use('/api/*', authenticate(store.db));
  app.route('/api/v1', routes.app);
  app.get('/api/docs', (c) => c.html(docsPage(openApiDocument(routes.specs, apiVersion))));
  app.get('/api/docs.css', (c) => {
    c.header('Content-Type', 'text/css; charset=utf-8');
    return c.body(docsCss);
  });
  app.all('/api/*', (c) =>
    c.json(errorBody('not_found', `no such endpoint: ${c.req.method} ${c.req.path}`), 404),
  );
  app.use('*', serveWebApp(options.webRoot ?? defaultWebRoot));
  app.onError(handleError);
  return app;
}
