import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { randomToken } from '../auth/secrets.js';
import { badRequest } from '../domain/errors.js';
import { exportDataPackage } from '../export/datapackage.js';
import { addUser, createToken, revokeToken, Role } from '../store/accounts.js';
import { listTokens, type TokenInfo } from '../store/api-tokens.js';
import { openStore, type Store } from '../store/connect.js';
import type { Db } from '../store/database.js';
import { maxLimit } from '../store/paging.js';
import { createRelease, listReleases } from '../store/releases.js';
import { say } from './output.js';
import { readyStore } from './ready.js';

/** Opens and readies the store, runs `work`, and closes it whatever happens. */
async function withStore<T>(work: (store: Store) => Promise<T>): Promise<T> {
  const store = openStore();
  try {
    await readyStore(store);
    return await work(store);
  } finally {
    await store.close();
  }
}

/** The password: from stdin (--password-stdin), else PUENTE_PASSWORD, else a new random one printed once. */
function passwordFrom(opts: { passwordStdin?: boolean }): { password: string; generated: boolean } {
  if (opts.passwordStdin) {
    const password = readFileSync(0, 'utf8').replace(/\r?\n$/, '');
    if (!password)
      throw badRequest('no password on stdin', 'pipe it in: printf %s "$PW" | puente user add ...');
    return { password, generated: false };
  }
  if (process.env.PUENTE_PASSWORD) return { password: process.env.PUENTE_PASSWORD, generated: false };
  return { password: randomToken(15), generated: true };
}

/** Every token of `user` (of everyone when undefined), page after page; an unknown user is an error. */
async function allTokens(db: Db, user: string | undefined): Promise<TokenInfo[]> {
  if (user !== undefined) {
    const known = await db.selectFrom('user_account').select('id').where('id', '=', user).executeTakeFirst();
    if (!known)
      throw badRequest(`no user ${user}`, 'puente token list with no name lists every user’s tokens');
  }
  const tokens: TokenInfo[] = [];
  let cursor: string | null = null;
  do {
    const page = await listTokens(db, user, { limit: maxLimit, cursor });
    tokens.push(...page.items);
    cursor = page.next;
  } while (cursor);
  return tokens;
}

/** One token as a tab-separated line: id, user, name, state, made, last used, and what made it. */
function tokenLine(t: TokenInfo): string {
  const state = t.active
    ? 'active'
    : t.endedBy === t.id
      ? `revoked ${t.revokedAt ?? ''}`
      : `ended: ${t.endedBy ?? '?'} revoked`;
  const madeBy = t.parent
    ? `made by token ${t.parent}`
    : `made by ${t.origin ?? 'unknown (before 2026-11-30)'}`;
  return [
    t.id,
    t.user,
    t.name,
    state,
    `created ${t.createdAt}`,
    `last used ${t.lastUsedAt ?? 'never'}`,
    madeBy,
  ].join('\t');
}

/** `puente user add`, `puente token create|list|revoke`, `puente release create|list`, `puente export --datapackage`. */
export function registerAdmin(program: Command) {
  const user = program.command('user').description('manage the people who can sign in');
  user
    .command('add')
    .description('add a user (viewer, editor or admin); the password never goes on the command line')
    .argument('<name>', 'user name: lower-case letters, digits, dot, dash, underscore')
    .option('--role <role>', 'viewer, editor or admin', 'editor')
    .option(
      '--password-stdin',
      'read the password from standard input (else PUENTE_PASSWORD, else a new one is made and printed)',
    )
    .action(async (name: string, opts: { role: string; passwordStdin?: boolean }) => {
      const role = Role.safeParse(opts.role);
      if (!role.success) throw badRequest(`unknown role "${opts.role}"`, 'use viewer, editor or admin');
      const { password, generated } = passwordFrom(opts);
      await withStore((store) => addUser(store.db, name, role.data, password));
      say(`added user ${name} (${role.data})`);
      if (generated) say(`password (shown once): ${password}`);
    });

  const token = program.command('token').description('manage API tokens for scripts');
  token
    .command('create')
    .description('create an API token for a user; it is printed once and stored only as a scrypt hash')
    .argument('<user>', 'the user the token acts as')
    .option('--name <name>', 'what the token is for', 'script')
    .action(async (userName: string, opts: { name: string }) => {
      const made = await withStore((store) => createToken(store.db, userName, opts.name));
      say(made.token);
      process.stderr.write(
        `token ${made.id} for ${userName}: send it as "Authorization: Bearer <token>"; revoke with: puente token revoke ${made.id}\n`,
      );
    });
  token
    .command('list')
    .description('list API tokens, newest first: every user’s, or one user’s (never a secret)')
    .argument('[user]', 'only this user’s tokens')
    .option('--json', 'print a JSON array of the tokens instead of one tab-separated line each')
    .action(async (userName: string | undefined, opts: { json?: boolean }) => {
      const tokens = await withStore((store) => allTokens(store.db, userName));
      if (opts.json) say(JSON.stringify(tokens, null, 2));
      else if (tokens.length === 0)
        say(userName ? `no tokens for ${userName}` : 'no tokens yet (puente token create USER)');
      else for (const t of tokens) say(tokenLine(t));
    });
  token
    .command('revoke')
    .description('revoke an API token by its id; every token made from it stops working too')
    .argument('<id>', 'the 12 characters between puente_ and the dot (puente token list shows them)')
    .action(async (id: string) => {
      const done = await withStore((store) => revokeToken(store.db, id));
      if (!done)
        throw badRequest(`no token ${id}`, 'the id is the 12 characters after puente_ (puente token list)');
      if (done.already) say(`token ${id} was already revoked (${done.token.revokedAt ?? ''})`);
      else {
        const also = done.descendants
          ? `; ${done.descendants} token(s) made from it stopped working too`
          : '';
        say(`revoked token ${id} of ${done.token.user}${also}`);
      }
    });

  const release = program.command('release').description('freeze and list releases of the accepted data');
  release
    .command('create')
    .description('freeze the accepted claims and entities under a new name; a release never changes after')
    .argument('<name>', 'letters, digits, dot, dash, underscore (e.g. 2026-11.1)')
    .option('--note <text>', 'what this release is')
    .option('--include-proposed', 'include claims and entities not yet reviewed (not the rejected)')
    .option('--by <user>', 'who makes it, for the record', process.env.USER ?? 'cli')
    .action(async (name: string, opts: { note?: string; includeProposed?: boolean; by: string }) => {
      const made = await withStore((store) =>
        createRelease(
          store.db,
          name,
          opts.by,
          opts.note ?? null,
          opts.includeProposed ? 'not-rejected' : 'accepted',
        ),
      );
      say(
        `release ${made.name}: ${made.claimCount} claims, ${made.entityCount} entities (frozen ${made.createdAt})`,
      );
    });
  release
    .command('list')
    .description('list releases, newest first')
    .action(async () => {
      const releases = await withStore((store) => listReleases(store.db));
      if (releases.length === 0) say('no releases yet (puente release create NAME)');
      for (const r of releases)
        say(`${r.name}\t${r.createdAt}\t${r.claimCount} claims\t${r.entityCount} entities\t${r.note ?? ''}`);
    });

  program
    .command('export')
    .description('export a release as open data')
    .requiredOption(
      '--datapackage <dir>',
      'write a Frictionless Data Package (CSV + datapackage.json) into DIR',
    )
    .option('--release <name>', 'the release to export', 'latest')
    .action(async (opts: { datapackage: string; release: string }) => {
      const done = await withStore((store) => exportDataPackage(store.db, opts.datapackage, opts.release));
      say(
        `data package of release ${done.release.name} in ${done.dir}: ${done.claims} claims, ${done.entities} entities, ${done.sources} sources`,
      );
    });
}
