import { Hono, type Context } from 'hono';
import type { z } from 'zod';
import { badRequest, PuenteError } from '../domain/errors.js';
import { allows, type Actor, type Role } from '../store/accounts.js';
import { sameSecret } from '../auth/secrets.js';

/** What every API handler can read from its context: who is asking (null for anyone). */
export interface ApiEnv {
  Variables: { actor: Actor | null };
}

export type Method = 'get' | 'post' | 'patch' | 'delete';

/** The other formats a route answers in besides JSON (its twins), by media type. */
export type MediaTypes = string[];

/**
 * One route of the API, described once: its handler's input is parsed with these schemas, the OpenAPI document
 * is generated from them, and who may call it is checked from `role`.
 */
export interface RouteSpec<Q extends z.ZodType = z.ZodType, B extends z.ZodType = z.ZodType> {
  method: Method;
  /** Hono's path under /api/v1, `:name` for a path parameter */
  path: string;
  tag: string;
  summary: string;
  description?: string;
  query?: Q;
  body?: B;
  /** the JSON answer's schema */
  response?: z.ZodType;
  /** the success status (200 unless said) */
  status?: 200 | 201;
  /** the media type of the answer when it is not JSON */
  produces?: string;
  /**
   * Who may call it. Reads are open to anyone unless a role is named; every write needs at least `editor`
   * unless it names another role, or is `public` (signing in).
   */
  role?: Role;
  public?: boolean;
}

export interface Input<Q extends z.ZodType, B extends z.ZodType> {
  query: z.output<Q>;
  body: z.output<B>;
  actor: Actor | null;
  /** the signed-in user's name, for revisions (empty on routes anyone may call) */
  who: string;
}

const isWrite = (method: Method) => method !== 'get';

/** The role a route needs, or null when anyone may call it. */
export const neededRole = (spec: RouteSpec): Role | null =>
  spec.public ? null : (spec.role ?? (isWrite(spec.method) ? 'editor' : null));

/** Refuses a request that the route's role does not allow: 401 for anyone, 403 for a too-small role or no CSRF token. */
function authorize(spec: RouteSpec, c: Context<ApiEnv>): Actor | null {
  const actor = c.get('actor');
  const needed = neededRole(spec);
  if (needed === null) return actor;
  if (!actor)
    throw new PuenteError(
      'unauthorized',
      'sign in first',
      'POST /api/v1/auth/login, or send "Authorization: Bearer <token>" (puente token create USER)',
    );
  // A browser session's writes must carry the session's CSRF token (a cross-site form cannot read it).
  if (isWrite(spec.method) && actor.via === 'session') {
    const sent = c.req.header('x-csrf-token') ?? '';
    if (!actor.csrf || !sameSecret(sent, actor.csrf))
      throw new PuenteError(
        'forbidden',
        'missing or wrong CSRF token',
        'send the csrfToken of GET /api/v1/auth/session in the X-CSRF-Token header',
      );
  }
  if (!allows(actor.role, needed))
    throw new PuenteError('forbidden', `this needs the ${needed} role; ${actor.id} is ${actor.role}`);
  return actor;
}

async function readBody(c: Context<ApiEnv>, schema: z.ZodType): Promise<unknown> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/json\b/i.test(type))
    throw badRequest('the request body must be JSON', 'send Content-Type: application/json');
  let body: unknown;
  try {
    body = await c.req.json();
  } catch {
    throw badRequest('the request body is not valid JSON');
  }
  return schema.parse(body);
}

/** The API's routes and their descriptions: every route is added here, so the OpenAPI document lists them all. */
export class Routes {
  readonly app = new Hono<ApiEnv>();
  readonly specs: RouteSpec[] = [];

  add<Q extends z.ZodType, B extends z.ZodType>(
    spec: RouteSpec<Q, B>,
    handler: (c: Context<ApiEnv>, input: Input<Q, B>) => Response | Promise<Response>,
  ): this {
    this.specs.push(spec as unknown as RouteSpec);
    this.app.on(spec.method.toUpperCase(), spec.path, async (c) => {
      const actor = authorize(spec as unknown as RouteSpec, c);
      const query = (spec.query ? spec.query.parse(c.req.query()) : {}) as z.output<Q>;
      const body = (spec.body ? await readBody(c, spec.body) : undefined) as z.output<B>;
      return handler(c, { query, body, actor, who: actor?.id ?? '' });
    });
    return this;
  }
}
