import type { Selectable } from 'kysely';
import { z } from 'zod';
import type { Db } from './database.js';
import { decodeCursor, pageLimit, toPage, type Page, type PageRequest } from './paging.js';
import type { ApiTokenTable } from './tables/account-table.js';

/**
 * The longest chain of tokens: the first, made by a person (CLI or browser session), and up to seven made each
 * by the one before. A chain is walked on every request, so its length bounds that walk.
 */
export const maxTokenChain = 8;

/** How a token was made: by `puente token create`, from a browser session, or by another token. */
export const TokenOrigin = z.enum(['cli', 'session', 'token']);
export type TokenOrigin = z.infer<typeof TokenOrigin>;

/** What anyone allowed to see a token may see of it: never its secret or the secret's hash. */
export const TokenInfo = z.object({
  id: z.string(),
  user: z.string(),
  name: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable().describe('the last request it signed, to the minute'),
  revokedAt: z.string().nullable().describe('when this token itself was revoked'),
  parent: z.string().nullable().describe('the token that made it; it stops working when that one does'),
  origin: TokenOrigin.nullable().describe(
    'cli, session or token; null for tokens made before it was recorded',
  ),
  active: z.boolean().describe('false once it or any token in its chain of parents is revoked'),
  endedBy: z
    .string()
    .nullable()
    .describe('the revoked token that ended it: its own id, or a parent’s (null while active)'),
});
export type TokenInfo = z.infer<typeof TokenInfo>;

/** The part of a token's row that its chain of parents is judged by. */
export type TokenLink = Pick<Selectable<ApiTokenTable>, 'id' | 'parent_id' | 'revoked_at'>;

/** The links of `tokens` and of every token in their chains of parents, by id. */
export async function withParents(db: Db, tokens: TokenLink[]): Promise<Map<string, TokenLink>> {
  const known = new Map(tokens.map((t) => [t.id, t]));
  const missingParents = (links: TokenLink[]) => [
    ...new Set(links.flatMap((l) => (l.parent_id && !known.has(l.parent_id) ? [l.parent_id] : []))),
  ];
  let wanted = missingParents(tokens);
  for (let level = 0; wanted.length > 0 && level < maxTokenChain; level++) {
    const rows = await db
      .selectFrom('api_token')
      .select(['id', 'parent_id', 'revoked_at'])
      .where('id', 'in', wanted)
      .execute();
    for (const row of rows) known.set(row.id, row);
    wanted = missingParents(rows);
  }
  return known;
}

/**
 * The id of the token that ends `token`: itself or the first revoked token up its chain (a parent that is
 * missing, or a chain longer than allowed, ends it too); null while it works.
 */
export function endedBy(token: TokenLink, known: Map<string, TokenLink>): string | null {
  let link: TokenLink | undefined = token;
  for (let step = 0; link; step++) {
    if (link.revoked_at || step >= maxTokenChain) return link.id;
    if (!link.parent_id) return null;
    const parent: TokenLink | undefined = known.get(link.parent_id);
    if (!parent) return link.parent_id;
    link = parent;
  }
  return token.id;
}

/** How many tokens `token` and its chain of parents hold (1 for a token made by a person). */
export function chainLength(token: TokenLink, known: Map<string, TokenLink>): number {
  let length = 1;
  for (let link = token; link.parent_id && length <= maxTokenChain; length++) {
    const parent = known.get(link.parent_id);
    if (!parent) break;
    link = parent;
  }
  return length;
}

const toInfo = (row: Selectable<ApiTokenTable>, known: Map<string, TokenLink>): TokenInfo => {
  const ended = endedBy(row, known);
  return {
    id: row.id,
    user: row.user_id,
    name: row.name,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    revokedAt: row.revoked_at,
    parent: row.parent_id,
    origin: TokenOrigin.nullable().catch(null).parse(row.origin),
    active: ended === null,
    endedBy: ended,
  };
};

/** One token as its owner or an admin may see it, or null when there is none. */
export async function getToken(db: Db, id: string): Promise<TokenInfo | null> {
  const row = await db.selectFrom('api_token').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toInfo(row, await withParents(db, [row])) : null;
}

/** A page of tokens, newest first: one user's, or everyone's when `user` is undefined. */
export async function listTokens(
  db: Db,
  user: string | undefined,
  page: PageRequest = {},
): Promise<Page<TokenInfo>> {
  const limit = pageLimit(page.limit);
  let query = db.selectFrom('api_token');
  if (user !== undefined) query = query.where('user_id', '=', user);
  const total = await query.select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirst();
  let rows = query.selectAll();
  if (page.cursor) {
    const [createdAt, id] = decodeCursor(page.cursor, ['string', 'string']) as [string, string];
    rows = rows.where((eb) =>
      eb.or([
        eb('created_at', '<', createdAt),
        eb.and([eb('created_at', '=', createdAt), eb('id', '<', id)]),
      ]),
    );
  }
  const found = await rows
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit + 1)
    .execute();
  const known = await withParents(db, found);
  return toPage(
    found,
    limit,
    Number(total?.n ?? 0),
    (r) => [r.created_at, r.id],
    (r) => toInfo(r, known),
  );
}

/** How many working tokens were made, directly or down a chain, by the working token `id`. */
export async function workingDescendants(db: Db, id: string): Promise<number> {
  let count = 0;
  let frontier = [id];
  for (let level = 1; frontier.length > 0 && level < maxTokenChain; level++) {
    const children = await db
      .selectFrom('api_token')
      .select('id')
      .where('parent_id', 'in', frontier)
      .where('revoked_at', 'is', null)
      .execute();
    count += children.length;
    frontier = children.map((c) => c.id);
  }
  return count;
}
