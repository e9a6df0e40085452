import { valueText } from '../domain/claim.js';
import { claimFromRow, notFromCopy } from './claims.js';
import type { Db } from './database.js';
import { pushTo } from '../util/maps.js';

/** A claim quote as evidence about an entity: the claim, its source and the exact span. */
export interface Quoted {
  claimId: string;
  sourceId: string;
  title: string | null;
  quote: string;
  start: number;
  end: number;
}

/** What the claims tell of a commitment: its latest status, the projects part of it, claim quotes naming it. */
export interface CommitmentFacts {
  status: string | null;
  projects: { id: string; name: string }[];
  evidence: Quoted[];
}

/**
 * The claims (not rejected, not from copies or repeated paragraphs) whose quote names one of these entities, by
 * entity, in source and text order, each claim once.
 */
export async function claimsQuoting(db: Db, ids: string[]): Promise<Map<string, Quoted[]>> {
  const found = new Map<string, Quoted[]>();
  if (ids.length === 0) return found;
  const rows = await db
    .selectFrom('mention')
    .innerJoin('claim', (join) =>
      join
        .onRef('claim.source_id', '=', 'mention.source_id')
        .onRef('claim.span_start', '<=', 'mention.span_start')
        .onRef('claim.span_end', '>=', 'mention.span_end'),
    )
    .innerJoin('source', 'source.id', 'claim.source_id')
    .select(['mention.entity_id', 'claim.id', 'claim.source_id', 'claim.quote', 'claim.span_start'])
    .select(['claim.span_end', 'source.title', 'source.duplicate_of'])
    .where('mention.entity_id', 'in', ids)
    .where('claim.review_state', '<>', 'rejected')
    .where('claim.repeats_source', 'is', null)
    .orderBy('source.ingested_at')
    .orderBy('claim.source_id')
    .orderBy('claim.span_start')
    .orderBy('claim.id')
    .execute();
  const seen = new Set<string>();
  for (const r of rows) {
    // Copies are left out here, as in claimsAboutAll: a condition on the source made SQLite scan every claim.
    if (r.duplicate_of !== null || seen.has(`${r.entity_id}\u001f${r.id}`)) continue;
    seen.add(`${r.entity_id}\u001f${r.id}`);
    pushTo(found, r.entity_id, {
      claimId: r.id,
      sourceId: r.source_id,
      title: r.title,
      quote: r.quote,
      start: r.span_start,
      end: r.span_end,
    });
  }
  return found;
}

/**
 * The projects that `part_of` claims place in these entities, by entity, by name: a claim whose value is the
 * entity, or whose quote ends with a mention of it (the extractor's evidence runs from the project to the plan).
 */
export async function projectsPartOf(
  db: Db,
  ids: string[],
): Promise<Map<string, { id: string; name: string }[]>> {
  const found = new Map<string, { id: string; name: string }[]>();
  if (ids.length === 0) return found;
  const rows = await db
    .selectFrom('claim')
    .innerJoin('entity as project', 'project.id', 'claim.subject_id')
    .leftJoin('mention', (join) =>
      join
        .onRef('mention.source_id', '=', 'claim.source_id')
        .onRef('mention.span_end', '=', 'claim.span_end')
        .on('mention.entity_id', 'in', ids),
    )
    .select([
      'project.id',
      'project.name',
      'mention.entity_id as mentioned',
      'claim.value_entity_id as named',
    ])
    .where('claim.property', '=', 'part_of')
    .where('project.type', '=', 'project')
    .where('project.review_state', '<>', 'rejected')
    .where('claim.review_state', '<>', 'rejected')
    .where('claim.repeats_source', 'is', null)
    .where(notFromCopy)
    .where((eb) => eb.or([eb('mention.entity_id', 'is not', null), eb('claim.value_entity_id', 'in', ids)]))
    .orderBy('project.name')
    .orderBy('project.id')
    .execute();
  for (const r of rows) {
    const target = r.mentioned ?? r.named;
    if (!target || found.get(target)?.some((p) => p.id === r.id)) continue;
    pushTo(found, target, { id: r.id, name: r.name });
  }
  return found;
}

/** The latest `status` claim value about each of these entities (by the claim's time, then its source's date). */
export async function latestStatuses(db: Db, ids: string[]): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  if (ids.length === 0) return found;
  const rows = await db
    .selectFrom('claim')
    .innerJoin('source', 'source.id', 'claim.source_id')
    .selectAll('claim')
    .select(['source.published_at', 'source.ingested_at'])
    .where('claim.subject_id', 'in', ids)
    .where('claim.property', '=', 'status')
    .where('claim.review_state', '<>', 'rejected')
    .where('claim.repeats_source', 'is', null)
    .where(notFromCopy)
    .execute();
  const when = (r: (typeof rows)[number]) => `${r.time ?? ''}\u001f${r.published_at ?? r.ingested_at}`;
  rows.sort((a, b) => when(a).localeCompare(when(b)));
  for (const r of rows) {
    const text = valueText(claimFromRow(r).value);
    if (r.subject_id && text) found.set(r.subject_id, text);
  }
  return found;
}

/** The facts of each of these commitments, at most `cap` evidence quotes each (projects are all listed). */
export async function commitmentFacts(
  db: Db,
  ids: string[],
  cap: number,
): Promise<Map<string, CommitmentFacts>> {
  const [evidence, projects, statuses] = await Promise.all([
    claimsQuoting(db, ids),
    projectsPartOf(db, ids),
    latestStatuses(db, ids),
  ]);
  return new Map(
    ids.map((id) => [
      id,
      {
        status: statuses.get(id) ?? null,
        projects: projects.get(id) ?? [],
        evidence: (evidence.get(id) ?? []).slice(0, cap),
      },
    ]),
  );
}
