import type { MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import { clientAddress } from '../auth/client-address.js';
import { LoginLimiter } from '../auth/login-limiter.js';
import { notFound, PuenteError } from '../domain/errors.js';
import {
  allows,
  checkPassword,
  createSession,
  createToken,
  endSession,
  revokeToken,
  Role,
  sessionActor,
  sessionHours,
  tokenActor,
  UserName,
  type Actor,
  type TokenMaker,
} from '../store/accounts.js';
import { getToken, listTokens, maxTokenChain, TokenInfo } from '../store/api-tokens.js';
import type { Db } from '../store/database.js';
import { pageQuery } from './query.js';
import type { ApiEnv, Routes } from './routes.js';
import { PageOf } from './schemas.js';

// Re-exported so that the app that wires these routes can make the limiter they take.
export { LoginLimiter };

/** The session cookie's name. */
export const sessionCookie = 'puente_session';

/** The session cookie: unreadable to scripts, sent over HTTPS only (browsers allow localhost), never cross-site. */
const cookieOptions = { httpOnly: true, secure: true, sameSite: 'Strict', path: '/' } as const;

/** Sets `actor` from an API token (Authorization: Bearer) or a session cookie; a bad token is refused (401). */
export function authenticate(db: Db): MiddlewareHandler<ApiEnv> {
  return async (c, next) => {
    const header = c.req.header('authorization');
    // Other schemes (a proxy's Basic auth) are not Puente's to judge.
    if (header && /^Bearer\b/i.test(header)) {
      const token = /^Bearer\s+(\S+)$/i.exec(header)?.[1];
      const actor = token ? await tokenActor(db, token) : null;
      if (!actor)
        throw new PuenteError(
          'unauthorized',
          'invalid or revoked API token',
          'send "Authorization: Bearer puente_..." with a token from: puente token create USER',
        );
      c.set('actor', actor);
    } else {
      const cookie = getCookie(c, sessionCookie);
      c.set('actor', cookie ? await sessionActor(db, cookie) : null);
    }
    await next();
  };
}

const SignedIn = z.object({
  user: z.object({ id: z.string(), role: Role, via: z.enum(['session', 'token']) }).nullable(),
  csrfToken: z.string().nullable(),
});

const duration = (ms: number) => (ms >= 60_000 ? `${ms / 60_000} minutes` : `${ms / 1000} s`);

/** The sign-in route's description of its throttling, from the limiter's own numbers. */
function throttlingText(limiter: LoginLimiter): string {
  const l = limiter.limits;
  return [
    `Failed sign-ins are counted per client address and per (address, user name), never per name alone: a stranger's failures never stop the name's owner signing in from another address.`,
    `After ${l.freePerPair} failures from one address for one name (${l.freePerAddress} from one address for any names), the next try waits ${duration(l.firstWaitMs)}, and each further failure doubles the wait, up to ${duration(l.maxWaitMs)}; a try during the wait is refused with 429 and Retry-After.`,
    `A successful sign-in clears its (address, name) record; a record is forgotten ${duration(l.forgetMs)} after its last failure. An IPv6 address counts by its /64.`,
    limiter.limits.trustProxy > 0
      ? `The client address is read from X-Forwarded-For, ${l.trustProxy} trusted proxy hop(s) from the right.`
      : 'The client address is the connection’s: X-Forwarded-For is ignored unless the server is started with --trust-proxy.',
  ].join(' ');
}

const tokenDescription = `A token made with another token (Authorization: Bearer) records that token as its parent and stops working as soon as the parent, or any token up its chain, is revoked; a chain holds at most ${maxTokenChain} tokens. A script that holds a token can so hand a job its own token and revoke it after, and revoking a leaked token ends every token made from it. A token made from a browser session (or with puente token create) has no parent. Tokens made before Puente recorded parents (November 2026) show origin null: which credential made them cannot be known, so review them with puente token list.`;

/** 403 unless `actor` is `user` or an admin. */
function mayManage(actor: Actor | null, user: string): void {
  if (actor && (actor.id === user || allows(actor.role, 'admin'))) return;
  throw new PuenteError('forbidden', `only ${user} or an admin may manage ${user}'s tokens`);
}

const Revoked = z.object({
  token: TokenInfo,
  already: z.boolean().describe('it was revoked before this request'),
  descendants: z.number().int().describe('working tokens made from it that stopped working with it'),
});

/** `POST /auth/login`, `GET /auth/session`, `POST /auth/logout`, and the API tokens under `/auth/tokens`. */
export function authRoutes(routes: Routes, db: Db, limiter = new LoginLimiter()) {
  routes
    .add(
      {
        method: 'post',
        path: '/auth/login',
        tag: 'accounts',
        summary: 'Sign in: sets an HttpOnly session cookie and returns the CSRF token for writes',
        description: throttlingText(limiter),
        public: true,
        body: z.object({ username: z.string().max(64), password: z.string().max(1000) }),
        response: SignedIn,
      },
      async (c, { body }) => {
        const address = clientAddress(c, limiter.limits.trustProxy);
        const user = body.username.toLowerCase();
        const wait = limiter.wait(address, user);
        if (wait > 0) {
          c.header('Retry-After', String(wait));
          throw new PuenteError('too_many_requests', 'too many failed sign-ins', `try again in ${wait} s`);
        }
        const succeeded = limiter.attempt(address, user);
        const role = await checkPassword(db, user, body.password);
        if (!role) throw new PuenteError('unauthorized', 'wrong user name or password');
        succeeded();
        const { cookie, csrf } = await createSession(db, user);
        setCookie(c, sessionCookie, cookie, { ...cookieOptions, maxAge: sessionHours * 3600 });
        return c.json({ user: { id: user, role, via: 'session' as const }, csrfToken: csrf });
      },
    )
    .add(
      {
        method: 'get',
        path: '/auth/session',
        tag: 'accounts',
        summary: 'Who is signed in (user null for anyone), and the CSRF token of a browser session',
        response: SignedIn,
      },
      (c, { actor }) =>
        c.json({
          user: actor && { id: actor.id, role: actor.role, via: actor.via },
          csrfToken: actor?.csrf ?? null,
        }),
    )
    .add(
      {
        method: 'post',
        path: '/auth/logout',
        tag: 'accounts',
        summary: 'Sign out: ends the session and clears its cookie',
        role: 'viewer',
        response: z.object({ ok: z.literal(true) }),
      },
      async (c) => {
        const cookie = getCookie(c, sessionCookie);
        if (cookie) await endSession(db, cookie);
        deleteCookie(c, sessionCookie, cookieOptions);
        return c.json({ ok: true as const });
      },
    )
    .add(
      {
        method: 'post',
        path: '/auth/tokens',
        tag: 'accounts',
        summary: 'Create an API token for yourself (shown once; kept only as its scrypt hash)',
        description: tokenDescription,
        body: z.object({ name: z.string().min(1).max(100) }),
        status: 201,
        response: z.object({ id: z.string(), token: z.string() }),
      },
      async (c, { body, who, actor }) => {
        const maker: TokenMaker = actor?.tokenId
          ? { origin: 'token', parent: actor.tokenId }
          : { origin: 'session' };
        return c.json(await createToken(db, who, body.name, maker), 201);
      },
    )
    .add(
      {
        method: 'get',
        path: '/auth/tokens',
        tag: 'accounts',
        summary: 'Your API tokens, newest first (an admin may name any user): never a secret or its hash',
        description: `Each token with its name, when it was made and last used (to the minute), when it was revoked, its parent and whether it still works (active false once it or a token up its chain is revoked; endedBy names that token). ${tokenDescription}`,
        role: 'viewer',
        query: pageQuery.extend({
          user: UserName.optional().describe('whose tokens (default: yours; others need an admin)'),
        }),
        response: PageOf(TokenInfo),
      },
      async (c, { query, who, actor }) => {
        const user = query.user ?? who;
        mayManage(actor, user);
        return c.json(await listTokens(db, user, query));
      },
    )
    .add(
      {
        method: 'post',
        path: '/auth/tokens/:id/revoke',
        tag: 'accounts',
        summary:
          'Revoke one of your API tokens (an admin: anyone’s); every token made from it stops working too',
        description:
          'Anyone signed in may revoke their own tokens, as anyone may sign out. Revoking a revoked token is no error: the answer says `already`.',
        role: 'viewer',
        response: Revoked,
      },
      async (c, { actor }) => {
        const id = c.req.param('id') ?? '';
        const token = await getToken(db, id);
        if (!token) throw notFound('token', id);
        mayManage(actor, token.user);
        const done = await revokeToken(db, id);
        if (!done) throw notFound('token', id);
        return c.json(done);
      },
    );
}
