import { claimsAbout, claimsAboutAll } from '../reconcile/projects.js';
import { reconcile, type PropertyView } from '../reconcile/reconcile.js';
import { seriesBrief, timeSeries, type Series, type SeriesBrief } from '../reconcile/series.js';
import type { Db } from './database.js';
import { decodeCursor, pageLimit, toPage, type Page, type PageRequest } from './paging.js';

/**
 * An indicator in a list: an aggregate measure the sources report (China-invested PV capacity in LAC...), with
 * its main series (the one with the most claims) in brief.
 */
export interface IndicatorSummary extends SeriesBrief {
  id: string;
  name: string;
  claims: number;
  sources: number;
}

/** An indicator with one time series per property and unit (capacity in MW, investment in USD...). */
export interface IndicatorRecord extends IndicatorSummary {
  series: Series[];
  properties: PropertyView[];
}

/** A page of indicators by id, each with how many claims and sources report it (copies not counted). */
export async function listIndicators(db: Db, page: PageRequest = {}): Promise<Page<IndicatorSummary>> {
  const limit = pageLimit(page.limit);
  let query = db
    .selectFrom('entity')
    .innerJoin('claim', 'claim.subject_id', 'entity.id')
    .innerJoin('source', 'source.id', 'claim.source_id')
    .select((eb) => [
      'entity.id',
      'entity.name',
      eb.fn.countAll<number>().as('claims'),
      eb.fn.count<number>('claim.source_id').distinct().as('sources'),
    ])
    .where('entity.type', '=', 'indicator')
    .where('source.duplicate_of', 'is', null)
    .where('claim.repeats_source', 'is', null)
    .groupBy(['entity.id', 'entity.name']);
  if (page.cursor) {
    const [id] = decodeCursor(page.cursor, ['string']);
    query = query.where('entity.id', '>', String(id));
  }
  const rows = await query
    .orderBy('entity.id')
    .limit(limit + 1)
    .execute();
  const { n } = await db
    .selectFrom('entity')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('entity.type', '=', 'indicator')
    .where((eb) =>
      eb.exists(eb.selectFrom('claim').select('claim.id').whereRef('claim.subject_id', '=', 'entity.id')),
    )
    .executeTakeFirstOrThrow();
  const claims = await claimsAboutAll(
    db,
    rows.slice(0, limit).map((r) => r.id),
  );
  return toPage(
    rows,
    limit,
    Number(n),
    (r) => [r.id],
    (r) => ({
      id: r.id,
      name: r.name,
      claims: Number(r.claims),
      sources: Number(r.sources),
      ...seriesBrief(timeSeries(claims.get(r.id) ?? [])),
    }),
  );
}

/** One indicator's time series: every reported value per time, with its sources, or undefined. */
export async function getIndicator(db: Db, id: string): Promise<IndicatorRecord | undefined> {
  const entity = await db
    .selectFrom('entity')
    .select(['id', 'name'])
    .where('id', '=', id)
    .where('type', '=', 'indicator')
    .executeTakeFirst();
  if (!entity) return undefined;
  const claims = await claimsAbout(db, id);
  const series = timeSeries(claims);
  return {
    id: entity.id,
    name: entity.name,
    claims: claims.length,
    sources: new Set(claims.map((c) => c.source.id)).size,
    ...seriesBrief(series),
    series,
    properties: reconcile(claims),
  };
}
