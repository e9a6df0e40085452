import { z } from 'zod';

/**
 * An append-only record of one change to a source, entity or claim: who, when, before, after and why. Ingesting a
 * document is one `create` of the source whose `after` lists the claims it brought (`{ uri, claims: [ids] }`);
 * a claim's own history starts with that revision (see `revisionsOf`).
 */
export const Revision = z.object({
  id: z.number().int(),
  targetKind: z.enum(['source', 'entity', 'claim']),
  targetId: z.string(),
  action: z.enum(['create', 'update', 'accept', 'reject', 'merge', 'split', 'delete']),
  actor: z.string(),
  at: z.string(),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
  why: z.string().nullable(),
});
export type Revision = z.infer<typeof Revision>;

/** A named, frozen snapshot of the accepted data. */
export const Release = z.object({
  id: z.number().int(),
  name: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/),
  createdAt: z.string(),
  createdBy: z.string(),
  note: z.string().nullable(),
  claimCount: z.number().int().nonnegative(),
  entityCount: z.number().int().nonnegative(),
});
export type Release = z.infer<typeof Release>;
