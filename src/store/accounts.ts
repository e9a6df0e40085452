import { z } from 'zod';
import { badRequest, PuenteError } from '../domain/errors.js';
import { hashSecret, randomToken, sha256, verifySecret } from '../auth/secrets.js';
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

/** Creates an API token for a user; the token is shown once and kept only as its scrypt hash. */
export async function createToken(
  db: Db,
  userId: string,
  name: string,
): Promise<{ id: string; token: string }> {
  const user = await db.selectFrom('user_account').select('id').where('id', '=', userId).executeTakeFirst();
  if (!user) throw badRequest(`no user ${userId}`, 'add the user first: puente user add NAME --role editor');
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
    })
    .execute();
  return { id, token: `${tokenPrefix}${id}.${secret}` };
}

// Tokens already checked, by their SHA-256: a script's every request need not pay for scrypt again.
const verified = new Map<string, string>();

/** The actor of an API token that exists and is not revoked, else null. */
export async function tokenActor(db: Db, token: string): Promise<Actor | null> {
  const match = /^puente_([A-Za-z0-9_-]{12})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match) return null;
  const [, id, secret] = match as unknown as [string, string, string];
  const row = await db
    .selectFrom('api_token')
    .innerJoin('user_account', 'user_account.id', 'api_token.user_id')
    .select(['api_token.secret_hash', 'api_token.revoked_at', 'user_account.id as user', 'user_account.role'])
    .where('api_token.id', '=', id)
    .executeTakeFirst();
  if (!row || row.revoked_at) return null;
  const digest = sha256(token);
  if (verified.get(digest) !== row.secret_hash) {
    if (!(await verifySecret(secret, row.secret_hash))) return null;
    if (verified.size > 1000) verified.clear();
    verified.set(digest, row.secret_hash);
  }
  return { id: row.user, role: Role.parse(row.role), via: 'token' };
}

/** Revokes a token by its id (the part after `puente_` and before the dot). */
export async function revokeToken(db: Db, id: string): Promise<boolean> {
  const result = await db
    .updateTable('api_token')
    .set({ revoked_at: new Date().toISOString() })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
