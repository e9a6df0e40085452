import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { Entity } from '../domain/entity.js';
import { notFound } from '../domain/errors.js';
import { commitmentFacts, type CommitmentFacts } from '../store/commitments.js';
import type { Database } from '../store/database.js';
import { listEntities, sourceCounts } from '../store/entities.js';
import { maxLimit } from '../store/paging.js';
import { allPages } from './downloads.js';
import type { Routes } from './routes.js';
import { Entity as EntitySchema } from './schemas.js';

/** A commitment (a plan or programme) with what the claims tell of it, and those that belong to it. */
interface CommitmentNode extends CommitmentFacts {
  id: string;
  name: string;
  kind: unknown;
  sources: number;
  children: CommitmentNode[];
}

const Quoted = z.object({
  claimId: z.string(),
  sourceId: z.string(),
  title: z.string().nullable(),
  quote: z.string(),
  start: z.number().int(),
  end: z.number().int(),
});

/** A commitment node as the API shows it (children are nodes too). */
export const CommitmentNodeSchema: z.ZodType<CommitmentNode> = z.lazy(() =>
  z.object({
    id: z.string(),
    name: z.string(),
    kind: z.unknown(),
    sources: z.number().int().describe('how many sources name it'),
    status: z.string().nullable().describe('the latest status claim about it, else null'),
    projects: z
      .array(z.object({ id: z.string(), name: z.string() }))
      .describe('projects that part_of claims place in it'),
    evidence: z
      .array(Quoted)
      .describe('claims whose quote names it (a few in the tree, all in /commitments/:id)'),
    children: z.array(CommitmentNodeSchema),
  }),
);

// How many evidence quotes a node of the tree carries; one commitment (/commitments/:id) carries all.
const treeEvidence = 3;

/** The policies that are commitments: action plans and programmes. */
const isCommitment = (p: Entity) => ['action plan', 'programme'].includes(String(p.attributes.kind));

/** The commitments as nodes by id, each with its facts and at most `cap` evidence quotes, and the roots. */
async function commitmentTree(db: Kysely<Database>, cap: number) {
  const policies = await allPages((cursor) => listEntities(db, { type: 'policy' }, { limit: 500, cursor }));
  const commitments = policies.filter(isCommitment);
  const ids = commitments.map((e) => e.id);
  const [counts, facts] = await Promise.all([sourceCounts(db, ids), commitmentFacts(db, ids, cap)]);
  const nodes = new Map<string, CommitmentNode>(
    commitments.map((p) => [
      p.id,
      {
        id: p.id,
        name: p.name,
        kind: p.attributes.kind,
        sources: counts.get(p.id) ?? 0,
        ...(facts.get(p.id) ?? { status: null, projects: [], evidence: [] }),
        children: [],
      },
    ]),
  );
  const roots: CommitmentNode[] = [];
  for (const p of commitments) {
    const node = nodes.get(p.id);
    const parent = typeof p.attributes.partOf === 'string' ? nodes.get(p.attributes.partOf) : undefined;
    if (node) (parent ? parent.children : roots).push(node);
  }
  return { nodes, roots };
}

/** Mechanisms and policies (with how many sources name each), commitments as a tree, and one commitment. */
export function commitmentRoutes(routes: Routes, db: Kysely<Database>) {
  for (const type of ['mechanism', 'policy'] as const)
    routes.add(
      {
        method: 'get',
        path: type === 'mechanism' ? '/mechanisms' : '/policies',
        tag: 'commitments',
        summary:
          type === 'mechanism'
            ? 'Mechanisms (forums, funds, loan programmes, swap lines, Panda bonds), with how many sources name each'
            : 'Policies (plans, programmes, policy papers), with how many sources name each',
        response: z.object({
          items: z.array(EntitySchema.extend({ sources: z.number().int() })),
          total: z.number().int(),
        }),
      },
      async (c) => {
        const all = await allPages((cursor) => listEntities(db, { type }, { limit: 500, cursor }));
        const counts = await sourceCounts(
          db,
          all.map((e) => e.id),
        );
        const items = all.map((e) => ({ ...e, sources: counts.get(e.id) ?? 0 }));
        return c.json({ items, total: items.length });
      },
    );
  routes
    .add(
      {
        method: 'get',
        path: '/commitments',
        tag: 'commitments',
        summary:
          'Commitments as a tree: plans (China–CELAC Joint Action Plan 2025–2027) and programmes (Five Major Projects), each with its status, projects and a few quotes',
        response: z.object({ items: z.array(CommitmentNodeSchema) }),
      },
      async (c) => c.json({ items: (await commitmentTree(db, treeEvidence)).roots }),
    )
    .add(
      {
        method: 'get',
        path: '/commitments/:id',
        tag: 'commitments',
        summary: 'One commitment with every project and quote, and the commitments that belong to it',
        response: CommitmentNodeSchema,
      },
      async (c) => {
        const id = c.req.param('id') ?? '';
        const node = (await commitmentTree(db, maxLimit)).nodes.get(id);
        if (!node) throw notFound('commitment', id.slice(0, 80));
        return c.json(node);
      },
    );
}
