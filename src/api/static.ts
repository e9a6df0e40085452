import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import type { MiddlewareHandler } from 'hono';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Serves the built web app from `root`: files by path (never outside root), and index.html for any other
 * GET so that the app's own routes work on reload. Hashed assets are cached for a year.
 */
export function serveWebApp(root: string): MiddlewareHandler {
  return async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return next();
    const index = join(root, 'index.html');
    if (!existsSync(index)) {
      return c.text('The web app is not built. Run `npm run build` (npm start does it for you).', 503);
    }
    let path: string;
    try {
      path = normalize(join(root, decodeURIComponent(c.req.path)));
    } catch {
      return c.text('bad path', 400);
    }
    const inside = path.startsWith(root.endsWith(sep) ? root : root + sep);
    const found = inside && existsSync(path) && statSync(path).isFile();
    // A missing asset is a 404, not the app's page: a browser would otherwise run HTML as a script.
    if (!found && (c.req.path.startsWith('/assets/') || extname(c.req.path) !== '')) {
      return c.text('not found', 404);
    }
    const file = found ? path : index;
    const immutable = file !== index && c.req.path.startsWith('/assets/');
    c.header('Content-Type', types[extname(file)] ?? 'application/octet-stream');
    c.header('Cache-Control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
    return c.body(readFileSync(file));
  };
}
