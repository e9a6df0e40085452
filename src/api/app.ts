import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import { join } from 'node:path';
import { repoRoot } from '../reference/paths.js';
import type { Store } from '../store/connect.js';
import { claimRoutes } from './claims-routes.js';
import { registryRoutes } from './registry-routes.js';
import { errorBody, handleError } from './errors.js';
import { sourceRoutes } from './sources-routes.js';
import { serveWebApp } from './static.js';

/** Where the built web app is served from unless told otherwise. */
export const defaultWebRoot = join(repoRoot, 'web', 'dist');

/** The HTTP app: the v1 API under /api/v1 and the web app everywhere else. */
export function createApp(store: Store, options: { webRoot?: string } = {}) {
  const { db } = store;
  const api = new Hono()
    .get('/health', (c) => c.json({ ok: true, backend: store.backend }))
    .route('/', sourceRoutes(db))
    .route('/', claimRoutes(db))
    .route('/', registryRoutes(db));

  const app = new Hono();
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
  app.use('/api/*', bodyLimit({ maxSize: 1024 * 1024 }));
  app.route('/api/v1', api);
  app.all('/api/*', (c) =>
    c.json(errorBody('not_found', `no such endpoint: ${c.req.method} ${c.req.path}`), 404),
  );
  app.use('*', serveWebApp(options.webRoot ?? defaultWebRoot));
  app.onError(handleError);
  return app;
}
