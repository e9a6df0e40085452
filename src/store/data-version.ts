import type { Db } from './database.js';

/**
 * The version of the served data: the database's epoch and a number that every committed write to a table the
 * API serves raises (kept by triggers, migration 20261208T0900-data-version). Equal versions mean equal data.
 */
export async function dataVersion(db: Db): Promise<string> {
  const row = await db
    .selectFrom('data_version')
    .select(['epoch', 'version'])
    .where('id', '=', 1)
    .executeTakeFirstOrThrow();
  return `${row.epoch}.${row.version}`;
}
