import { Validator } from '@seriousme/openapi-schema-validator';
import { expect, it } from 'vitest';
import { describeEachBackend } from '../../test/helpers/backends.js';
import { addUser, createToken } from '../store/accounts.js';
import type { Store } from '../store/connect.js';
import { apiRoutes, createApp } from './app.js';
import { LoginLimiter } from './auth-routes.js';

interface Json {
  [key: string]: unknown;
}

const password = 'correct horse battery';

async function withUsers(store: Store) {
  for (const [name, role] of [
    ['vera', 'viewer'],
    ['ed', 'editor'],
    ['ada', 'admin'],
  ] as const)
    await addUser(store.db, name, role, password);
  const token = async (user: string) => (await createToken(store.db, user, 'test')).token;
  return { viewer: await token('vera'), editor: await token('ed'), admin: await token('ada') };
}

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const jsonBody = (body: unknown, headers: Record<string, string> = {}) => ({
  headers: { 'Content-Type': 'application/json', ...headers },
  body: JSON.stringify(body),
});

// A route path with each :param filled, so that it reaches its handler's checks.
const concrete = (path: string) => path.replace(/:([A-Za-z_]+)/g, 'x1');

describeEachBackend('accounts and the OpenAPI document', (store) => {
  it('serves an OpenAPI 3.1 document that validates and lists every route of the API', async () => {
    const app = createApp(store(), { webRoot: '/nonexistent' });
    const res = await app.request('/api/v1/openapi.json');
    expect(res.status).toBe(200);
    const doc = (await res.json()) as { openapi: string; paths: Record<string, Record<string, Json>> };
    expect(doc.openapi).toBe('3.1.0');
    const validator = new Validator();
    const result = await validator.validate(doc);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    // Every route Hono serves under /api/v1 is in the document, and nothing else is.
    const served = apiRoutes(store())
      .app.routes.map((r) => `${r.method.toLowerCase()} ${r.path.replace(/:([A-Za-z_]+)/g, '{$1}')}`)
      .sort();
    const documented = Object.entries(doc.paths)
      .flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m} ${path}`))
      .sort();
    expect(documented).toEqual(served);
    for (const must of [
      'get /search',
      'get /releases/{a}/diff/{b}',
      'post /claims/{id}/accept',
      'get /countries',
    ])
      expect(documented).toContain(must);
    // Query parameters come from the zod schemas.
    const projects = doc.paths['/projects']?.get as { parameters: { name: string }[] };
    expect(projects.parameters.map((p) => p.name)).toEqual(
      expect.arrayContaining(['country', 'sector', 'year', 'flow', 'facets', 'groupBy', 'limit', 'cursor']),
    );
    const docs = await app.request('/api/docs');
    expect(docs.status).toBe(200);
    const html = await docs.text();
    expect(html).toContain('/api/v1/releases/{a}/diff/{b}');
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain('<code>limit</code>');
  });

  it('refuses every write to anyone (401) and to a viewer (403), route by route', async () => {
    const s = store();
    const tokens = await withUsers(s);
    const app = createApp(s, { webRoot: '/nonexistent' });
    const writes = apiRoutes(s).app.routes.filter((r) => !['GET', 'HEAD', 'ALL'].includes(r.method));
    expect(writes.length).toBeGreaterThanOrEqual(12);
    const checked: string[] = [];
    for (const route of writes) {
      if (route.path === '/auth/login') continue; // signing in is the one write anyone may make
      const url = `/api/v1${concrete(route.path)}`;
      const anonymous = await app.request(url, { method: route.method, ...jsonBody({}) });
      expect([route.method, route.path, anonymous.status]).toEqual([route.method, route.path, 401]);
      const viewer = await app.request(url, { method: route.method, ...jsonBody({}, bearer(tokens.viewer)) });
      // Anyone signed in may sign out, and revoke their own tokens (there is no token x1 to revoke: 404).
      const expected = { '/auth/logout': 200, '/auth/tokens/:id/revoke': 404 }[route.path] ?? 403;
      expect([route.method, route.path, viewer.status]).toEqual([route.method, route.path, expected]);
      checked.push(`${route.method} ${route.path}`);
    }
    expect(checked).toEqual(
      expect.arrayContaining(['POST /releases', 'POST /auth/tokens', 'POST /auth/tokens/:id/revoke']),
    );
    // Listing tokens is a read, but of one's own: it needs someone signed in.
    expect((await app.request('/api/v1/auth/tokens')).status).toBe(401);
    // An editor passes the role check (then meets the body's rules), but a release needs an admin.
    const editorRelease = await app.request('/api/v1/releases', {
      method: 'POST',
      ...jsonBody({ name: 'r1' }, bearer(tokens.editor)),
    });
    expect(editorRelease.status).toBe(403);
    const adminRelease = await app.request('/api/v1/releases', {
      method: 'POST',
      ...jsonBody({ name: 'r1' }, bearer(tokens.admin)),
    });
    expect(adminRelease.status).toBe(201);
    const badToken = await app.request('/api/v1/claims', { headers: bearer('puente_AAAAAAAAAAAA.nope') });
    expect(badToken.status).toBe(401);
  });

  it('signs in with a secure, HttpOnly, SameSite cookie; writes need the CSRF token; sign-in is rate limited', async () => {
    const s = store();
    await withUsers(s);
    const app = createApp(s, {
      webRoot: '/nonexistent',
      limiter: new LoginLimiter({ freePerPair: 3, freePerAddress: 50 }),
    });
    const login = await app.request('/api/v1/auth/login', {
      method: 'POST',
      ...jsonBody({ username: 'ed', password }),
    });
    expect(login.status).toBe(200);
    const cookie = login.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^puente_session=[A-Za-z0-9_-]{43};/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/Secure/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const session = { Cookie: cookie.split(';')[0] ?? '' };
    const who = (await (await app.request('/api/v1/auth/session', { headers: session })).json()) as Json;
    expect(who).toMatchObject({ user: { id: 'ed', role: 'editor', via: 'session' }, csrfToken });
    // The session's cookie is kept only as a hash.
    const stored = await s.db.selectFrom('user_session').select('id').execute();
    expect(stored.map((r) => r.id)).not.toContain((session.Cookie.split('=')[1] ?? '').trim());
    const withoutCsrf = await app.request('/api/v1/auth/tokens', {
      method: 'POST',
      ...jsonBody({ name: 'x' }, session),
    });
    expect(withoutCsrf.status).toBe(403);
    expect(((await withoutCsrf.json()) as { error: { message: string } }).error.message).toMatch(/CSRF/);
    const withCsrf = await app.request('/api/v1/auth/tokens', {
      method: 'POST',
      ...jsonBody({ name: 'x' }, { ...session, 'X-CSRF-Token': csrfToken }),
    });
    expect(withCsrf.status).toBe(201);
    const { token } = (await withCsrf.json()) as { token: string };
    const hashes = await s.db.selectFrom('api_token').select('secret_hash').execute();
    expect(hashes.every((h) => h.secret_hash.startsWith('scrypt$') && !token.includes(h.secret_hash))).toBe(
      true,
    );
    expect(
      (await (await app.request('/api/v1/auth/session', { headers: bearer(token) })).json()) as Json,
    ).toMatchObject({
      user: { id: 'ed', via: 'token' },
    });
    const logout = await app.request('/api/v1/auth/logout', {
      method: 'POST',
      headers: { ...session, 'X-CSRF-Token': csrfToken },
    });
    expect(logout.status).toBe(200);
    expect(
      ((await (await app.request('/api/v1/auth/session', { headers: session })).json()) as Json).user,
    ).toBeNull();
    // Three wrong passwords for one name, then even the right one waits.
    for (let i = 0; i < 3; i++) {
      const wrong = await app.request('/api/v1/auth/login', {
        method: 'POST',
        ...jsonBody({ username: 'ada', password: 'wrong password!' }),
      });
      expect(wrong.status).toBe(401);
    }
    // Tries sent at once count before their passwords are checked: they cannot all slip under the limit.
    const burst = await Promise.all(
      Array.from({ length: 8 }, () =>
        app.request('/api/v1/auth/login', {
          method: 'POST',
          ...jsonBody({ username: 'vera', password: 'wrong password!' }),
        }),
      ),
    );
    const statuses = burst.map((r) => r.status);
    expect(statuses.filter((st) => st === 401).length).toBeLessThanOrEqual(3);
    expect(statuses.filter((st) => st === 429).length).toBeGreaterThanOrEqual(5);
    // A proxy's Basic auth is not a Puente credential: reads still answer.
    expect(
      (await app.request('/api/v1/health', { headers: { Authorization: 'Basic dXNlcjpwYXNz' } })).status,
    ).toBe(200);
    const limited = await app.request('/api/v1/auth/login', {
      method: 'POST',
      ...jsonBody({ username: 'ada', password }),
    });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    // Security headers, and the body size limit.
    expect(login.headers.get('content-security-policy')).toMatch(/frame-ancestors 'none'/);
    expect(login.headers.get('x-content-type-options')).toBe('nosniff');
    expect(login.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    const huge = await app.request('/api/v1/auth/login', {
      method: 'POST',
      ...jsonBody({ username: 'ed', password: 'x'.repeat(2 * 1024 * 1024) }),
    });
    expect(huge.status).toBe(413);
  });
});
