import { sql } from 'kysely';
import { expect } from 'vitest';
import type { Store } from '../../src/store/connect.js';

/** Checks that every stored document is whole; returns the number of sources and of all rows. */
export async function checkWhole(store: Store) {
  const { db } = store;
  const sources = await db.selectFrom('source').selectAll().execute();
  for (const s of sources) {
    const paragraphs = await db
      .selectFrom('paragraph')
      .select(['idx', 'span_end'])
      .where('source_id', '=', s.id)
      .orderBy('idx')
      .execute();
    expect(paragraphs.length, `paragraphs of ${s.uri}`).toBe(s.paragraph_count);
    expect(paragraphs.at(-1)?.span_end, `text of ${s.uri}`).toBe(s.text.length);
    const claims = await db
      .selectFrom('claim')
      .select(['id', 'span_start', 'span_end', 'quote'])
      .where('source_id', '=', s.id)
      .execute();
    expect(claims.length, `claims of ${s.uri}`).toBe(s.claim_count);
    for (const c of claims) expect(s.text.slice(c.span_start, c.span_end)).toBe(c.quote);
    const outside = await db
      .selectFrom('mention')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('source_id', '=', s.id)
      .where((eb) => eb.or([eb('span_start', '<', 0), eb('span_end', '>', s.text.length)]))
      .executeTakeFirstOrThrow();
    expect(Number(outside.n), `mentions of ${s.uri}`).toBe(0);
  }
  // Every source has its ingest in the revision log, listing exactly the claims stored with it.
  const logs = await db
    .selectFrom('revision')
    .select(['target_id', 'after'])
    .where('target_kind', '=', 'source')
    .where('action', '=', 'create')
    .execute();
  const logged = new Map(
    logs.map((r) => [r.target_id, (JSON.parse(r.after ?? '{}') as { claims: string[] }).claims]),
  );
  const claimRows = await db.selectFrom('claim').select(['id', 'source_id']).execute();
  for (const s of sources) {
    const ids = claimRows.filter((c) => c.source_id === s.id).map((c) => c.id);
    expect([...(logged.get(s.id) ?? ['(no revision)'])].sort(), `ingest revision of ${s.uri}`).toEqual(
      ids.sort(),
    );
  }
  // Nothing points at a missing entity.
  const orphans = await sql<{ n: number }>`
    select count(*) as n from mention m where not exists (select 1 from entity e where e.id = m.entity_id)`.execute(
    db,
  );
  expect(Number(orphans.rows[0]?.n)).toBe(0);
  const rows = await sql<{ n: number }>`
    select (select count(*) from source) + (select count(*) from paragraph) + (select count(*) from claim)
      + (select count(*) from mention) + (select count(*) from entity) + (select count(*) from revision) as n`.execute(
    db,
  );
  return { sources: sources.length, rows: Number(rows.rows[0]?.n) };
}
