import { valueText, type Claim, type ClaimValue } from '../domain/claim.js';
import type { Entity } from '../domain/entity.js';
import { claimFromRow } from '../store/claims.js';
import type { Kysely } from 'kysely';
import { backendOf, lockSpaces } from '../store/backend.js';
import type { Database, Db } from '../store/database.js';
import { entityFromRow } from '../store/entities.js';
import { writeProjectViews } from '../store/project-views.js';
import { loadCountries } from '../reference/countries.js';
import { loadPlaces } from '../reference/places.js';
import { yearOf } from '../money/money.js';
import { participantsOf, partyEntities, type Participant, type PartyEntity } from './participants.js';
import { reconcile, type ClaimInput, type PropertyView } from './reconcile.js';

/** Money properties, in the order the headline amount of a project is taken from. */
export const amountProperties = ['commitment', 'investment', 'loan', 'cost', 'amount'] as const;

/** A project as Puente shows it: the headline fields, then every property reconciled. */
export interface ProjectRecord {
  id: string;
  name: string;
  aliases: string[];
  reviewState: string;
  sector: string | null;
  status: string | null;
  year: number | null;
  amount: { value: number; currency: string; constantBase: number | null; usd2021: number | null } | null;
  /** the kind of money flow the headline amount is: the property it comes from (commitment, investment, loan...) */
  flowType: string | null;
  /** the amount a dataset gives (GCDF: constant 2021 USD), which may differ from the preferred `amount` */
  datasetAmountUsd2021: number | null;
  countries: string[];
  location: { latitude: number; longitude: number; precision: string; name: string | null } | null;
  /** the parties its investor, contractor, lender, donor and operator claims name */
  participants: Participant[];
  conflicts: number;
  claims: number;
  sources: number;
  attributes: Record<string, unknown>;
  properties: PropertyView[];
}

interface Lookups {
  iso3: Map<string, string>;
  byName: Map<string, { iso2: string; lat: number | null; lon: number | null; name: string }>;
}
let lookups: Lookups | undefined;
/** Country codes, and the country and point of every country and place name, for `located_in` values. */
function lookup(): Lookups {
  if (lookups) return lookups;
  const iso3 = new Map<string, string>();
  const byName = new Map<string, { iso2: string; lat: number | null; lon: number | null; name: string }>();
  for (const c of loadCountries()) {
    iso3.set(c.iso2, c.iso3);
    for (const n of [c.name, c.names.en, c.names.es, c.names.pt, ...c.terms])
      byName.set(n.toLowerCase(), { iso2: c.iso2, lat: null, lon: null, name: c.name });
  }
  for (const p of loadPlaces())
    for (const n of [p.name, ...p.names]) {
      const key = n.toLowerCase();
      if (!byName.has(key)) byName.set(key, { iso2: p.country, lat: p.lat, lon: p.lon, name: p.name });
    }
  lookups = { iso3, byName };
  return lookups;
}

const text = (v: ClaimValue | undefined): string | null => (v ? valueText(v) : null);

/**
 * Builds a project's record from its entity row and the claims about it; `parties` gives, by claim id, the
 * stored entity a participant claim names (`partyEntities`).
 */
export function projectRecord(
  entity: {
    id: string;
    name: string;
    aliases: { name: string }[];
    reviewState: string;
    attributes: Record<string, unknown>;
  },
  claims: ClaimInput[],
  parties: ReadonlyMap<string, PartyEntity> = new Map(),
): ProjectRecord {
  const properties = reconcile(claims);
  const prop = (name: string) => properties.find((p) => p.property === name);
  const { iso3, byName } = lookup();

  let amount: ProjectRecord['amount'] = null;
  let flowType: string | null = null;
  for (const name of amountProperties) {
    // A dataset's figure first, when the prose states the same property too.
    const views = properties.filter(
      (p) => p.property === name && p.preferred.value.kind === 'quantity' && p.preferred.money,
    );
    const view =
      views.find((p) => p.preferred.claims.some((c) => c.origin.startsWith('import:'))) ?? views[0];
    const v = view?.preferred.value;
    if (view && v?.kind === 'quantity' && v.currency) {
      amount = {
        value: v.amount,
        currency: v.currency,
        constantBase: v.constantBase ?? null,
        usd2021: view.preferred.money?.constantUsd ?? null,
      };
      flowType = name;
      break;
    }
  }

  const datasetAmount = properties
    .filter((p) => (amountProperties as readonly string[]).includes(p.property))
    .flatMap((p) => [p.preferred, ...p.alternatives])
    .find((v) => v.money && v.claims.some((c) => c.origin.startsWith('import:')));

  const statusClaims = claims.filter((c) => c.property === 'status' && c.reviewState !== 'rejected');
  const commitment = prop('commitment_year');
  const committedBy = statusClaims
    .filter((c) => ['signed', 'announced', 'approved'].includes(text(c.value) ?? ''))
    .map((c) => yearOf(c.time))
    .filter((y): y is number => y !== null)
    .sort()[0];
  const year = yearOf(text(commitment?.preferred.value) ?? null) ?? committedBy ?? null;

  // The recipient countries when a dataset names them; else the countries the project is said to lie in.
  const countries = new Set<string>();
  const hasRecipient = properties.some((p) => p.property === 'recipient');
  for (const view of properties.filter((p) => p.property === (hasRecipient ? 'recipient' : 'located_in')))
    for (const v of [view.preferred, ...view.alternatives]) {
      const value = v.value;
      const fromEntity =
        value.kind === 'entity' && value.entityId?.startsWith('country:') ? value.entityId.slice(8) : null;
      const iso2 = fromEntity ?? byName.get((text(value) ?? '').toLowerCase())?.iso2;
      const code = iso2 ? iso3.get(iso2) : undefined;
      if (code) countries.add(code);
    }

  let location: ProjectRecord['location'] = null;
  const a = entity.attributes;
  if (typeof a.latitude === 'number' && typeof a.longitude === 'number')
    location = {
      latitude: a.latitude,
      longitude: a.longitude,
      precision: typeof a.precision === 'string' ? a.precision : 'adm1',
      name: typeof a.locationName === 'string' ? a.locationName : null,
    };
  else {
    const place = prop('located_in');
    const found = place && byName.get((text(place.preferred.value) ?? '').toLowerCase());
    if (found && found.lat !== null && found.lon !== null)
      location = { latitude: found.lat, longitude: found.lon, precision: 'place', name: found.name };
  }

  return {
    id: entity.id,
    name: entity.name,
    aliases: entity.aliases.map((x) => x.name),
    reviewState: entity.reviewState,
    sector: text(prop('sector')?.preferred.value),
    status: text(prop('status')?.preferred.value),
    year,
    amount,
    flowType,
    datasetAmountUsd2021: datasetAmount?.money?.constantUsd ?? null,
    countries: [...countries].sort(),
    location,
    participants: participantsOf(claims, parties),
    conflicts: properties.filter((p) => p.conflict).length,
    claims: claims.length,
    sources: new Set(claims.map((c) => c.source.id)).size,
    attributes: entity.attributes,
    properties,
  };
}

/** The claims about some subjects that count: not from a copy, not from a repeated paragraph; by subject id. */
export async function claimsAboutAll(db: Db, subjectIds: string[]): Promise<Map<string, ClaimInput[]>> {
  const bySubject = new Map<string, ClaimInput[]>();
  if (subjectIds.length === 0) return bySubject;
  const rows = await db
    .selectFrom('claim')
    .innerJoin('source', 'source.id', 'claim.source_id')
    .selectAll('claim')
    .select([
      'source.title',
      'source.uri',
      'source.published_at',
      'source.ingested_at',
      'source.duplicate_of',
    ])
    .where('claim.subject_id', 'in', subjectIds)
    .where('claim.repeats_source', 'is', null)
    .orderBy('source.ingested_at')
    .orderBy('claim.source_id')
    .orderBy('claim.span_start')
    .execute();
  for (const r of rows) {
    // Copies are left out here, not in SQL: a condition on the source made SQLite scan every source's claims.
    if (r.duplicate_of !== null) continue;
    const claim = claimFromRow(r);
    const input: ClaimInput = {
      id: claim.id,
      property: claim.property,
      value: claim.value,
      qualifier: claim.qualifier,
      time: claim.time,
      quote: claim.evidence.quote,
      start: claim.evidence.start,
      end: claim.evidence.end,
      originKind: claim.origin.kind,
      originName: claim.origin.name,
      reviewState: claim.reviewState,
      source: {
        id: r.source_id,
        title: r.title,
        uri: r.uri,
        publishedAt: r.published_at,
        ingestedAt: r.ingested_at,
      },
    };
    const subject = r.subject_id ?? '';
    const list = bySubject.get(subject);
    if (list) list.push(input);
    else bySubject.set(subject, [input]);
  }
  return bySubject;
}

/** The claims about one subject that count (see `claimsAboutAll`). */
export async function claimsAbout(db: Db, subjectId: string): Promise<ClaimInput[]> {
  return (await claimsAboutAll(db, [subjectId])).get(subjectId) ?? [];
}

/**
 * Recomputes the stored views of these projects from their claims: one read of their entities and claims, then
 * one upsert per project. Ids that are not project entities are skipped.
 */
export async function refreshProjects(
  db: Db,
  ids: Iterable<string>,
  at = new Date().toISOString(),
): Promise<void> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return;
  const entities = await db
    .selectFrom('entity')
    .selectAll()
    .where('id', 'in', unique)
    .where('type', '=', 'project')
    .where('review_state', '<>', 'rejected')
    .execute();
  // A rejected (or merged) project has no view.
  const kept = new Set(entities.map((e) => e.id));
  const gone = unique.filter((id) => !kept.has(id));
  if (gone.length > 0) await db.deleteFrom('project_view').where('id', 'in', gone).execute();
  if (entities.length === 0) return;
  const claims = await claimsAboutAll(
    db,
    entities.map((e) => e.id),
  );
  const parties = await partyEntities(db, [...claims.values()].flat());
  const records = entities.map((row) => projectRecord(entityFromRow(row), claims.get(row.id) ?? [], parties));
  await writeProjectViews(db, records, at);
}

/**
 * Marks projects whose claims changed, in the transaction that changed them; the write then recomputes their views
 * once it has committed (`refreshDirtyProjects`). Marked in id order, so two transactions marking the same projects
 * take their rows' locks in one order (PostgreSQL) and cannot deadlock on them.
 */
export async function markProjects(db: Db, ids: Iterable<string>): Promise<void> {
  const unique = [...new Set(ids)].sort();
  if (unique.length === 0) return;
  await db
    .insertInto('project_dirty')
    .values(unique.map((project_id) => ({ project_id })))
    .onConflict((oc) => oc.column('project_id').doNothing())
    .execute();
}

/**
 * Recomputes the views of the marked projects (of `only` these, when given; with `smallerThan`, only of those
 * whose view counts fewer claims, or that have none yet), 100 at a time, each batch in one transaction with the
 * removal of its marks, so a kill leaves the rest marked for the next run. Returns how many it recomputed. One
 * refresh runs at a time per database (a lock); each takes its marks before it reads the claims, so a project
 * marked again meanwhile, by a transaction that committed after, keeps its mark.
 */
export async function refreshDirtyProjects(
  db: Kysely<Database>,
  only?: Iterable<string>,
  options: { smallerThan?: number } = {},
): Promise<number> {
  const wanted = only === undefined ? null : [...new Set(only)].sort();
  const { smallerThan } = options;
  let done = 0;
  for (let offset = 0; ;) {
    const batch =
      wanted?.slice(offset, offset + 100) ??
      (
        await db
          .selectFrom('project_dirty')
          .leftJoin('project_view', 'project_view.id', 'project_dirty.project_id')
          .select('project_dirty.project_id')
          .$if(smallerThan !== undefined, (q) =>
            q.where((eb) =>
              eb.or([
                eb('project_view.id', 'is', null),
                eb('project_view.claim_count', '<', smallerThan ?? 0),
              ]),
            ),
          )
          .orderBy('project_dirty.project_id')
          .limit(100)
          .execute()
      ).map((r) => r.project_id);
    if (batch.length === 0) return done;
    offset += batch.length;
    done += await db.transaction().execute(async (trx) => {
      await backendOf(trx).lockKeys(trx, [[lockSpaces.projectViews, 0]]);
      // Only the marks still there: another process may have recomputed some of these meanwhile.
      const claimed = await trx
        .deleteFrom('project_dirty')
        .where('project_id', 'in', batch)
        .returning('project_id')
        .execute();
      await refreshProjects(
        trx,
        claimed.map((r) => r.project_id),
      );
      return claimed.length;
    });
  }
}

/**
 * What a write does once it has committed: recomputes the views of the projects it marked (`only`), or of every
 * marked project. It never fails the write: when the views cannot be recomputed now (another process held the
 * database past the lock wait), their marks stay for the next write, batch or server start, and it says so.
 */
export async function refreshMarkedViews(
  db: Kysely<Database>,
  only?: Iterable<string>,
  options: { smallerThan?: number } = {},
): Promise<void> {
  try {
    await refreshDirtyProjects(db, only, options);
  } catch (error) {
    process.stderr.write(
      `puente: project views not recomputed yet (${error instanceof Error ? error.message : String(error)}); they stay marked and the next write, ingest or server start recomputes them\n`,
    );
  }
}

/** How often a long batch recomputes the views of the projects it marked, in stored documents. */
export const batchRefreshEvery = 500;

/**
 * Within a batch, a project whose view already counts this many claims waits for the end of the batch: a view is
 * recomputed from all its claims, so recomputing the few projects every document names (thousands of claims)
 * every 500 documents made a 20,000-document ingest spend 140 s on it, growing with the batch.
 */
export const batchRefreshClaims = 1000;

/**
 * The views of a batch's projects: recomputed every `every` stored documents (so pages keep up with a long
 * ingest: new projects appear, small ones stay current) for projects whose view counts fewer than `claims`
 * claims, and all of them at its end, rather than once per document.
 */
export function batchViews(db: Kysely<Database>, every = batchRefreshEvery, claims = batchRefreshClaims) {
  let since = 0;
  return {
    /** Counts stored documents; recomputes once `every` have been stored since the last time. */
    async stored(count: number): Promise<void> {
      since += count;
      if (since < every) return;
      since = 0;
      await refreshMarkedViews(db, undefined, { smallerThan: claims });
    },
    /** At the end of the batch: every marked project. */
    finish: () => refreshMarkedViews(db),
  };
}

/**
 * The project records of a release: its project entities reconciled from its frozen claims alone (claims of
 * copies left out, as for the current data), by id.
 */
export async function releaseProjectRecords(
  db: Db,
  entities: Entity[],
  claims: Claim[],
): Promise<ProjectRecord[]> {
  const projects = entities.filter((e) => e.type === 'project');
  const wanted = new Set(projects.map((p) => p.id));
  const about = claims.filter((c) => c.subjectId !== null && wanted.has(c.subjectId));
  const ids = [...new Set(about.map((c) => c.evidence.sourceId))];
  const sources = new Map<string, ClaimInput['source'] & { copy: boolean }>();
  for (let i = 0; i < ids.length; i += 500)
    for (const r of await db
      .selectFrom('source')
      .select(['id', 'title', 'uri', 'published_at', 'ingested_at', 'duplicate_of'])
      .where('id', 'in', ids.slice(i, i + 500))
      .execute())
      sources.set(r.id, {
        id: r.id,
        title: r.title,
        uri: r.uri,
        publishedAt: r.published_at,
        ingestedAt: r.ingested_at,
        copy: r.duplicate_of !== null,
      });
  const bySubject = new Map<string, ClaimInput[]>();
  for (const c of about) {
    const source = sources.get(c.evidence.sourceId);
    if (!source || source.copy) continue;
    const { copy: _copy, ...cited } = source;
    const list = bySubject.get(c.subjectId ?? '') ?? [];
    list.push({
      id: c.id,
      property: c.property,
      value: c.value,
      qualifier: c.qualifier,
      time: c.time,
      quote: c.evidence.quote,
      start: c.evidence.start,
      end: c.evidence.end,
      originKind: c.origin.kind,
      originName: c.origin.name,
      reviewState: c.reviewState,
      source: cited,
    });
    bySubject.set(c.subjectId ?? '', list);
  }
  const parties = await partyEntities(db, [...bySubject.values()].flat());
  return projects.map((p) => projectRecord(p, bySubject.get(p.id) ?? [], parties));
}
