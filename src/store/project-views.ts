import type { ProjectRecord } from '../reconcile/projects.js';
import type { Db } from './database.js';

/** Stores a project's view: its record as JSON, and the columns lists filter, sort and sum on. */
async function upsertView(db: Db, record: ProjectRecord, at: string): Promise<void> {
  const values = {
    name: record.name,
    sector: record.sector,
    status: record.status,
    year: record.year,
    amount_usd: record.amount?.usd2021 ?? null,
    dataset_amount_usd: record.datasetAmountUsd2021,
    amount: record.amount?.value ?? null,
    currency: record.amount?.currency ?? null,
    flow_type: record.flowType,
    countries: `|${record.countries.join('|')}|`,
    latitude: record.location?.latitude ?? null,
    longitude: record.location?.longitude ?? null,
    precision: record.location?.precision ?? null,
    conflicts: record.conflicts,
    claim_count: record.claims,
    source_count: record.sources,
    search: [record.id, record.name, ...record.aliases].join('\n').toLowerCase(),
    view: JSON.stringify(record),
    updated_at: at,
  };
  await db
    .insertInto('project_view')
    .values({ id: record.id, ...values })
    .onConflict((oc) => oc.column('id').doUpdateSet(values))
    .execute();
}

/** Replaces the country and participant rows of these projects with those of their records. */
async function replaceRows(db: Db, records: ProjectRecord[]): Promise<void> {
  const ids = records.map((r) => r.id);
  await db.deleteFrom('project_country').where('project_id', 'in', ids).execute();
  await db.deleteFrom('project_participant').where('project_id', 'in', ids).execute();
  const countries = records.flatMap((r) => r.countries.map((iso3) => ({ project_id: r.id, iso3 })));
  const participants = records.flatMap((r) =>
    r.participants.map((p) => ({
      project_id: r.id,
      entity_id: p.entityId,
      name: p.name,
      role: p.role,
      chinese: p.chinese ? 1 : 0,
    })),
  );
  for (let i = 0; i < countries.length; i += 500)
    await db
      .insertInto('project_country')
      .values(countries.slice(i, i + 500))
      .execute();
  for (let i = 0; i < participants.length; i += 500)
    await db
      .insertInto('project_participant')
      .values(participants.slice(i, i + 500))
      .execute();
}

/**
 * Stores the views of these projects (recomputed records, src/reconcile/) with their country and participant
 * rows, in place of what was stored for them.
 */
export async function writeProjectViews(db: Db, records: ProjectRecord[], at: string): Promise<void> {
  if (records.length === 0) return;
  for (const record of records) await upsertView(db, record, at);
  await replaceRows(db, records);
}
