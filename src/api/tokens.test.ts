import { expect, it } from 'vitest';
import { describeEachBackend } from '../../test/helpers/backends.js';
import { addUser, createToken, revokeToken } from '../store/accounts.js';
import { maxTokenChain } from '../store/api-tokens.js';
import type { Store } from '../store/connect.js';
import { createApp } from './app.js';

const password = 'correct horse battery';

interface TokenRow {
  id: string;
  user: string;
  parent: string | null;
  origin: string | null;
  active: boolean;
  endedBy: string | null;
  revokedAt: string | null;
  lastUsedAt: string | null;
}

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const post = (body: unknown, headers: Record<string, string>) => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/json', ...headers },
  body: JSON.stringify(body),
});

async function setUp(store: Store) {
  for (const [name, role] of [
    ['vera', 'viewer'],
    ['ed', 'editor'],
    ['eve', 'editor'],
    ['ada', 'admin'],
  ] as const)
    await addUser(store.db, name, role, password);
  const app = createApp(store, { webRoot: '/nonexistent' });
  /** Mints a token with `token`'s credentials through the API. */
  const mint = async (token: string, name: string) => {
    const res = await app.request('/api/v1/auth/tokens', post({ name }, bearer(token)));
    return { status: res.status, ...((await res.json()) as { id: string; token: string }) };
  };
  const list = async (token: string, query = '') => {
    const res = await app.request(`/api/v1/auth/tokens${query}`, { headers: bearer(token) });
    return {
      status: res.status,
      text: await res.clone().text(),
      body: (await res.json()) as { items: TokenRow[] },
    };
  };
  const revoke = (id: string, headers: Record<string, string>) =>
    app.request(`/api/v1/auth/tokens/${id}/revoke`, post({}, headers));
  const works = async (token: string) =>
    (await app.request('/api/v1/auth/session', { headers: bearer(token) })).status === 200;
  return { app, mint, list, revoke, works };
}

describeEachBackend('API tokens', (store) => {
  it('a token made by a token dies with it, down the whole chain, even after its secret was cached', async () => {
    const s = store();
    const { app, mint, revoke, works } = await setUp(s);
    // A browser session makes the first token: it has no parent.
    const login = await app.request('/api/v1/auth/login', post({ username: 'ed', password }, {}));
    const session = { Cookie: (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '' };
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const made = await app.request(
      '/api/v1/auth/tokens',
      post({ name: 'ci' }, { ...session, 'X-CSRF-Token': csrfToken }),
    );
    const root = (await made.json()) as { id: string; token: string };
    const child = await mint(root.token, 'job');
    const grandchild = await mint(child.token, 'step');
    expect([child.status, grandchild.status]).toEqual([201, 201]);
    // Each works (and its secret's check is now cached).
    expect([await works(root.token), await works(child.token), await works(grandchild.token)]).toEqual([
      true,
      true,
      true,
    ]);
    // Revoking the first ends the two made from it: the cache of checked secrets lets neither through.
    await revokeToken(s.db, root.id);
    expect([await works(root.token), await works(child.token), await works(grandchild.token)]).toEqual([
      false,
      false,
      false,
    ]);
    // A dead token can mint nothing more.
    expect((await mint(child.token, 'again')).status).toBe(401);
    const after = await app.request('/api/v1/auth/tokens', { headers: session });
    const items = ((await after.json()) as { items: TokenRow[] }).items;
    expect(items.map((t) => [t.id, t.parent, t.origin, t.active, t.endedBy, t.revokedAt !== null])).toEqual([
      [grandchild.id, child.id, 'token', false, root.id, false],
      [child.id, root.id, 'token', false, root.id, false],
      [root.id, null, 'session', false, root.id, true],
    ]);
    expect(items.every((t) => t.lastUsedAt !== null)).toBe(true);
    // A session's revoke needs its CSRF token like every write; a dead token may still be revoked itself.
    expect((await revoke(child.id, session)).status).toBe(403);
    const revoked = await revoke(child.id, { ...session, 'X-CSRF-Token': csrfToken });
    expect(await revoked.json()).toMatchObject({
      already: false,
      descendants: 0,
      token: { revokedAt: expect.any(String) },
    });
    // Revoking again is no error.
    expect(await (await revoke(child.id, { ...session, 'X-CSRF-Token': csrfToken })).json()).toMatchObject({
      already: true,
      descendants: 0,
    });
  });

  it('lists tokens without secrets; only the owner or an admin may list or revoke them', async () => {
    const s = store();
    const { mint, list, revoke, works } = await setUp(s);
    const ed = await createToken(s.db, 'ed', 'laptop');
    const eve = await createToken(s.db, 'eve', 'ci');
    const vera = await createToken(s.db, 'vera', 'reader');
    const ada = await createToken(s.db, 'ada', 'ops');
    const child = await mint(ed.token, 'job');
    const mine = await list(ed.token);
    expect(mine.status).toBe(200);
    expect(mine.body.items.map((t) => t.id)).toEqual([child.id, ed.id]);
    expect(Object.keys(mine.body.items[0] ?? {}).sort()).toEqual(
      [
        'active',
        'createdAt',
        'endedBy',
        'id',
        'lastUsedAt',
        'name',
        'origin',
        'parent',
        'revokedAt',
        'user',
      ].sort(),
    );
    const hashes = (await s.db.selectFrom('api_token').select('secret_hash').execute()).map(
      (r) => r.secret_hash,
    );
    for (const secret of [ed.token, child.token, ...hashes].map((t) => t.split(/[.$]/).pop() ?? ''))
      expect(mine.text).not.toContain(secret);
    expect(mine.body.items[1]).toMatchObject({ origin: 'cli', parent: null });

    // Not the owner and not an admin: 403, for listing and revoking alike; the token still works.
    expect((await list(eve.token, '?user=ed')).status).toBe(403);
    expect((await revoke(ed.id, bearer(eve.token))).status).toBe(403);
    expect((await revoke(ed.id, bearer(vera.token))).status).toBe(403);
    expect(await works(ed.token)).toBe(true);
    expect((await revoke('nosuchtoken1', bearer(eve.token))).status).toBe(404);
    // An admin may list and revoke anyone's; a viewer may revoke their own.
    expect((await list(ada.token, '?user=ed')).body.items.map((t) => t.id)).toEqual([child.id, ed.id]);
    const byAdmin = await revoke(ed.id, bearer(ada.token));
    expect([byAdmin.status, await byAdmin.json()]).toMatchObject([200, { already: false, descendants: 1 }]);
    expect([await works(ed.token), await works(child.token), await works(eve.token)]).toEqual([
      false,
      false,
      true,
    ]);
    expect((await revoke(vera.id, bearer(vera.token))).status).toBe(200);
    expect(await works(vera.token)).toBe(false);
  });

  it(`refuses to make a chain of more than ${maxTokenChain} tokens`, async () => {
    const s = store();
    const { mint, works } = await setUp(s);
    let last = (await createToken(s.db, 'ed', 'root')).token;
    for (let i = 1; i < maxTokenChain; i++) {
      const next = await mint(last, `gen ${i + 1}`);
      expect(next.status).toBe(201);
      last = next.token;
    }
    expect(await works(last)).toBe(true);
    const refused = await mint(last, 'one too many');
    expect(refused.status).toBe(403);
  });
});
