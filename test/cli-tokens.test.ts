import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { createApp } from '../src/api/app.js';
import { addUser, createToken } from '../src/store/accounts.js';
import type { TokenInfo } from '../src/store/api-tokens.js';
import { migrate, openStore } from '../src/store/connect.js';
import { puente } from './helpers/cli.js';

it('puente token list and revoke: all users or one, parents shown, a revoke ends the tokens made from it', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'puente-cli-tokens-'));
  const env = { PUENTE_DB: join(dir, 'tokens.db') };
  const store = openStore({ sqlitePath: env.PUENTE_DB });
  try {
    await migrate(store.db);
    await addUser(store.db, 'ed', 'editor', 'correct horse battery');
    await addUser(store.db, 'ada', 'admin', 'correct horse battery');
    const root = await createToken(store.db, 'ed', 'ci');
    const ops = await createToken(store.db, 'ada', 'ops');
    // The server (here in-process) mints a token with ed's token, and has checked and cached both.
    const app = createApp(store, { webRoot: '/nonexistent' });
    const works = async (token: string) =>
      (await app.request('/api/v1/auth/session', { headers: { Authorization: `Bearer ${token}` } }))
        .status === 200;
    const made = await app.request('/api/v1/auth/tokens', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${root.token}` },
      body: JSON.stringify({ name: 'job' }),
    });
    const child = (await made.json()) as { id: string; token: string };
    expect([made.status, await works(child.token)]).toEqual([201, true]);

    const revoked = puente(['token', 'revoke', root.id], env);
    expect([revoked.status, revoked.stdout.trim()]).toEqual([
      0,
      `revoked token ${root.id} of ed; 1 token(s) made from it stopped working too`,
    ]);
    // Another process revoked the parent: the server's cache of checked secrets does not let the child through.
    expect([await works(root.token), await works(child.token), await works(ops.token)]).toEqual([
      false,
      false,
      true,
    ]);

    const eds = puente(['token', 'list', 'ed'], env);
    expect(eds.status).toBe(0);
    const lines = eds.stdout.trim().split('\n');
    expect(lines.map((l) => l.split('\t').slice(0, 3))).toEqual([
      [child.id, 'ed', 'job'],
      [root.id, 'ed', 'ci'],
    ]);
    expect(lines[0]).toMatch(
      new RegExp(
        `\\tended: ${root.id} revoked\\t.*\\tlast used 20\\d\\d-[^\\t]+\\tmade by token ${root.id}$`,
      ),
    );
    expect(lines[1]).toMatch(/\trevoked 20\d\d-[^\t]+\t.*\tmade by cli$/);

    const all = puente(['token', 'list', '--json'], env);
    const listed = JSON.parse(all.stdout) as TokenInfo[];
    expect(listed.map((t) => [t.user, t.id, t.active]).sort()).toEqual(
      [
        ['ada', ops.id, true],
        ['ed', child.id, false],
        ['ed', root.id, false],
      ].sort(),
    );
    for (const secret of [root.token, child.token, ops.token].map((t) => t.split('.')[1] ?? ''))
      expect(eds.stdout + all.stdout).not.toContain(secret);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
