import { z } from 'zod';
import { badRequest, PuenteError } from '../domain/errors.js';
import { hashSecret, randomToken, sha256, verifySecret } from '../auth/secrets.js';
import {
  chainLength,
  endedBy,
  getToken,
  maxTokenChain,
  withParents,
  workingDescendants,
  type TokenInfo,
  type TokenLink,
} from './api-tokens.js';
import type { Db } from './database.js';

/** What a person may do: viewers read (as anyone may), editors review, admins also make releases. */
export const Role = z.enum(['viewer', 'editor', 'admin']);
export type Role = z.infer<typeof Role>;
const rank: Record<Role, number> = { viewer: 0, editor: 1, admin: 2 };
/** Whether `role` may do what `needed` may. */
export const allows = (role: Role, needed: Role) => rank[role] >= rank[needed];

/** A user name: lower-case letters, digits, dot, dash, underscore; 2 to 64 characters. */
export const UserName = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]{1,63}$/, 'use 2-64 lower-case letters, digits, dot, dash or underscore');

/** Who is making a request, and how they proved it. */
export interface Actor {
  id: string;
  role: Role;
  via: 'session' | 'token';
  /** the session's CSRF token (sessions only) */
  csrf?: string;
  /** the id of the token that signed the request (tokens only) */
  tokenId?: string;
}

/** How long a web session lasts after sign-in. */
export const sessionHours = 12;

/** Adds a user with a password (at least 10 characters); a taken name is a conflict. */
export async function addUser(db: Db, id: string, role: Role, password: string): Promise<void> {
  UserName.parse(id);
  if (password.length < 10)
    throw badRequest('password too short', 'give a password of at least 10 characters');
  const taken = await db.selectFrom('user_account').select('id').where('id', '=', id).executeTakeFirst();
  if (taken) throw new PuenteError('conflict', `user ${id} already exists`, 'choose another name');
  await db
    .insertInto('user_account')
    .values({ id, role, password_hash: await hashSecret(password), created_at: new Date().toISOString() })
    .execute();
}

let dummyHash: string | undefined;

/** The user's role when the password is right, else null (the same answer for an unknown user). */
export async function checkPassword(db: Db, id: string, password: string): Promise<Role | null> {
  const user = await db.selectFrom('user_account').selectAll().where('id', '=', id).executeTakeFirst();
  // An unknown user still costs one hash, so timing does not tell which names exist.
  dummyHash ??= await hashSecret(randomToken());
  const ok = await verifySecret(password, user?.password_hash ?? dummyHash);
  return user && ok ? Role.parse(user.role) : null;
}

/** Starts a session; returns the cookie value (kept only as its hash) and the CSRF token. */
export async function createSession(db: Db, userId: string): Promise<{ cookie: string; csrf: string }> {
  const cookie = randomToken();
  const csrf = randomToken();
  const now = new Date();
  await db
    .insertInto('user_session')
    .values({
      id: sha256(cookie),
      user_id: userId,
      csrf,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + sessionHours * 3600_000).toISOString(),
    })
    .execute();
  return { cookie, csrf };
}

/** The actor of a session cookie that exists and has not expired, else null. */
export async function sessionActor(db: Db, cookie: string): Promise<Actor | null> {
  const row = await db
    .selectFrom('user_session')
    .innerJoin('user_account', 'user_account.id', 'user_session.user_id')
    .select(['user_account.id', 'user_account.role', 'user_session.csrf', 'user_session.expires_at'])
    .where('user_session.id', '=', sha256(cookie))
    .executeTakeFirst();
  if (!row || row.expires_at <= new Date().toISOString()) return null;
  return { id: row.id, role: Role.parse(row.role), via: 'session', csrf: row.csrf };
}

/** Ends a session. */
export async function endSession(db: Db, cookie: string): Promise<void> {
  await db.deleteFrom('user_session').where('id', '=', sha256(cookie)).execute();
}

/** The prefix of every API token, so that one pasted in the wrong place is easy to spot. */
const tokenPrefix = 'puente_';

/** How a new token comes to be: by a person (CLI or session), or by the token `parent`, which it dies with. */
export type TokenMaker = { origin: 'cli' | 'session' } | { origin: 'token'; parent: string };

/**
 * Creates an API token for a user; the token is shown once and kept only as its scrypt hash. A token made by a
 * token records it as its parent: the chain may hold at most `maxTokenChain` tokens, and the parent must still
 * work (it checks again here, as it may have been revoked since the request was authenticated).
 */
export async function createToken(
  db: Db,
  userId: string,
  name: string,
  maker: TokenMaker = { origin: 'cli' },
): Promise<{ id: string; token: string }> {
  const user = await db.selectFrom('user_account').select('id').where('id', '=', userId).executeTakeFirst();
  if (!user) throw badRequest(`no user ${userId}`, 'add the user first: puente user add NAME --role editor');
  const parent = maker.origin === 'token' ? await parentLink(db, userId, maker.parent) : null;
  const id = randomToken(9);
  const secret = randomToken();
  await db
    .insertInto('api_token')
    .values({
      id,
      user_id: userId,
      name: name.slice(0, 100),
      secret_hash: await hashSecret(secret),
      created_at: new Date().toISOString(),
      last_used_at: null,
      revoked_at: null,
      parent_id: parent,
      origin: maker.origin,
    })
    .execute();
  return { id, token: `${tokenPrefix}${id}.${secret}` };
}

/** The id of a working token of `userId` that may make one more token, else a 403 saying why not. */
async function parentLink(db: Db, userId: string, parentId: string): Promise<string> {
  const row = await db
    .selectFrom('api_token')
    .select(['id', 'parent_id', 'revoked_at', 'user_id'])
    .where('id', '=', parentId)
    .executeTakeFirst();
  const known = row ? await withParents(db, [row]) : new Map<string, TokenLink>();
  if (!row || row.user_id !== userId || endedBy(row, known) !== null)
    throw new PuenteError('unauthorized', 'the token making this one is revoked');
  if (chainLength(row, known) >= maxTokenChain)
    throw new PuenteError(
      'forbidden',
      `a chain of tokens holds at most ${maxTokenChain}: this token was made by ${maxTokenChain - 1} others`,
      'make the new token from a browser session (POST /api/v1/auth/tokens) or with: puente token create USER',
    );
  return row.id;
}

// Tokens already checked, by their SHA-256: a script's every request need not pay for scrypt again. Only the
// secret's check is cached; whether the token or a parent is revoked is read from the database every time.
const verified = new Map<string, string>();

/** How stale `last_used_at` may get before a request writes it again: one write a minute per token at most. */
const lastUsedResolutionMs = 60_000;

/**
 * The actor of an API token that exists and works (neither it nor a token in its chain of parents revoked),
 * else null.
 */
export async function tokenActor(db: Db, token: string): Promise<Actor | null> {
  const match = /^puente_([A-Za-z0-9_-]{12})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return null;
  const [, id, secret] = match as unknown as [string, string, string];
  const row = await db
    .selectFrom('api_token')
    .innerJoin('user_account', 'user_account.id', 'api_token.user_id')
    .select([
      'api_token.id',
      'api_token.parent_id',
      'api_token.secret_hash',
      'api_token.revoked_at',
      'api_token.last_used_at',
      'user_account.id as user',
      'user_account.role',
    ])
    .where('api_token.id', '=', id)
    .executeTakeFirst();
  if (!row || row.revoked_at) return null;
  if (row.parent_id && endedBy(row, await withParents(db, [row])) !== null) return null;
  const digest = sha256(token);
  if (verified.get(digest) !== row.secret_hash) {
    if (!(await verifySecret(secret, row.secret_hash))) return null;
    if (verified.size > 1000) verified.clear();
    verified.set(digest, row.secret_hash);
  }
  // Not awaited: a read must not wait for the write lock (an ingest in another process may hold it).
  void noteUse(db, id, row.last_used_at);
  return { id: row.user, role: Role.parse(row.role), via: 'token', tokenId: id };
}

/** Stamps a token's `last_used_at`, at most once a minute. */
async function noteUse(db: Db, id: string, lastUsed: string | null): Promise<void> {
  const now = new Date();
  if (lastUsed && lastUsed > new Date(now.getTime() - lastUsedResolutionMs).toISOString()) return;
  try {
    await db.updateTable('api_token').set({ last_used_at: now.toISOString() }).where('id', '=', id).execute();
  } catch {
    // Bookkeeping only: a database that cannot take the write (busy, read-only) must not refuse a good token.
  }
}

/** What revoking a token did: the token after it, whether it was revoked already, how many it took with it. */
export interface Revoked {
  token: TokenInfo;
  already: boolean;
  /** working tokens made from it (directly or down a chain) that stopped working with it */
  descendants: number;
}

/** Revokes a token by its id (the part after `puente_` and before the dot); null when there is no such token. */
export async function revokeToken(db: Db, id: string): Promise<Revoked | null> {
  const before = await getToken(db, id);
  if (!before) return null;
  const descendants = before.active ? await workingDescendants(db, id) : 0;
  const result = await db
    .updateTable('api_token')
    .set({ revoked_at: new Date().toISOString() })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  const token = (await getToken(db, id)) ?? before;
  return { token, already: Number(result.numUpdatedRows) === 0, descendants };
}
